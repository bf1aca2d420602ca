/*
 * Cordon's configuration of Camunda Admin (replaces the webapp's own scripts/config.js, as Camunda documents for
 * the Spring Boot starter). Branded "Cordon Admin"; the custom script adds the link back to the Cordon console to the
 * header. Paths in customScripts are relative to /camunda/app/admin/.
 */
export default {
  app: {
    name: 'Admin',
    vendor: 'Cordon'
  },
  customScripts: ['../../../console/assets/camunda-link.js']
};
