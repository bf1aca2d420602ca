/*
 * Cordon's configuration of Camunda Cockpit (replaces the webapp's own scripts/config.js, as Camunda documents for
 * the Spring Boot starter). Branded "Cordon Cockpit"; the custom script adds the link back to the Cordon console to the
 * header. Paths in customScripts are relative to /camunda/app/cockpit/.
 */
export default {
  app: {
    name: 'Cockpit',
    vendor: 'Cordon'
  },
  customScripts: ['../../../console/assets/camunda-link.js']
};
