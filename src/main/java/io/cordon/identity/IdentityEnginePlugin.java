package io.cordon.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Engine-side identity settings: members of {@code admins} are engine administrators, and candidate users and
 * groups of a task may work on it (claim, complete) but not rewrite it; group ids may contain hyphens.
 */
@Component
class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<String> adminGroups = new ArrayList<>(configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups());
    if (!adminGroups.contains(CordonGroups.ADMINS)) {
      adminGroups.add(CordonGroups.ADMINS);
    }
    configuration.setAdminGroups(adminGroups);
    configuration.setDefaultUserPermissionForTask(Permissions.TASK_WORK);
    // Camunda's default id pattern has no hyphen; Cordon's group 'secret-owners' needs one.
    configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*|camunda-admin");
  }
}
