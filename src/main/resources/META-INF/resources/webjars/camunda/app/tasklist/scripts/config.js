/*
 * Cordon's configuration of Camunda Tasklist (replaces the webapp's own scripts/config.js, as Camunda documents for
 * the Spring Boot starter). Branded "Cordon Tasklist"; the custom script adds the link back to the Cordon console to
 * the header. Paths in customScripts are relative to /camunda/app/tasklist/. The shortcuts are Tasklist's defaults.
 */
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Cordon'
  },
  customScripts: ['../../../console/assets/camunda-link.js', '../../../console/assets/form-messages.js'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
