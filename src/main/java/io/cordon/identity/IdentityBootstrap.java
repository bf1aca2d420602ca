package io.cordon.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure Cordon's groups, their authorizations and the Tasklist filters exist, and creates the first
 * administrator from {@code CORDON_ADMIN_USER}/{@code CORDON_ADMIN_PASSWORD}. Idempotent: runs at every start-up
 * and only adds what is missing, so changes an administrator makes later are kept.
 */
@Component
@Order(0)
public class IdentityBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  /** Which group may start which process (by definition key). Later process modules add their keys here. */
  static final Map<String, List<String>> STARTABLE_PROCESSES = Map.of(
      CordonGroups.PROCUREMENT, List.of("PartnerOnboardingProcess", "DisclosureRequestProcess",
          "OffboardingProcess"),
      CordonGroups.SECRET_OWNERS, List.of("LeakResponseProcess"),
      CordonGroups.SECURITY, List.of("LeakResponseProcess"));

  /**
   * Decisions every Cordon group may evaluate from a REST request (the engine asks for CREATE_INSTANCE on the
   * decision definition): the NDA selection tables, previewed by anyone and run when legal or procurement generate.
   */
  static final List<String> EVALUABLE_DECISIONS = List.of("NdaTemplateSelection", "NdaClauseSelection");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final String adminUser;
  private final String adminPassword;

  IdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService, FilterService filterService,
      TaskService taskService, @Value("${cordon.admin.user:}") String adminUser,
      @Value("${cordon.admin.password:}") String adminPassword) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    CordonGroups.ALL.forEach(this::ensureGroup);
    for (String group : CordonGroups.ALL) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.GROUP, group, Permissions.READ);
      grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      EVALUABLE_DECISIONS.forEach(key -> grant(group, Resources.DECISION_DEFINITION, key, Permissions.READ, Permissions.CREATE_INSTANCE));
    }
    // Engine administrators bypass permission checks, but queries (users, groups, instances, ...) still filter by
    // authorizations: like Camunda's own admin set-up, admins get ALL on every resource type.
    for (Resource resource : Resources.values()) {
      grant(CordonGroups.ADMINS, resource, ANY, Permissions.ALL);
    }
    STARTABLE_PROCESSES.forEach((group, keys) -> {
      grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      keys.forEach(key -> grant(group, Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.CREATE_INSTANCE));
    });
    ensureFilters();
    ensureFirstAdmin();
  }

  /**
   * Camunda's webapps send every visitor to their setup page instead of the login page while group
   * {@code camunda-admin} has no member. Cordon's administrators are engine administrators already; they are also
   * put into that group (at start-up, whenever it is empty), so Tasklist shows its login page.
   */
  @EventListener(ApplicationReadyEvent.class)
  void keepCamundaAdminGroupFilled() {
    if (identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0) {
      return;
    }
    if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group group = identityService.newGroup(Groups.CAMUNDA_ADMIN);
      group.setName("Camunda webapp administrators");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identityService.saveGroup(group);
    }
    for (User admin : identityService.createUserQuery().memberOfGroup(CordonGroups.ADMINS).list()) {
      identityService.createMembership(admin.getId(), Groups.CAMUNDA_ADMIN);
      log.info("Added administrator '{}' to group {}", admin.getId(), Groups.CAMUNDA_ADMIN);
    }
  }

  /** Creates a user in the given groups with read access to its own profile; does nothing if the user exists. */
  public void ensureUser(String id, String firstName, String lastName, String email, String password, List<String> groups) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword(password);
      identityService.saveUser(user);
      groups.forEach(group -> identityService.createMembership(id, group));
      log.info("Created user '{}' in {}", id, groups);
    }
    Authorization own = authorizationService.createAuthorizationQuery().userIdIn(id)
        .resourceType(Resources.USER).resourceId(id).singleResult();
    if (own == null) {
      Authorization auth = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setUserId(id);
      auth.setResource(Resources.USER);
      auth.setResourceId(id);
      auth.addPermission(Permissions.READ);
      auth.addPermission(Permissions.UPDATE);
      authorizationService.saveAuthorization(auth);
    }
  }

  private void ensureGroup(String id) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(CordonGroups.label(id));
      group.setType(CordonGroups.ADMINS.equals(id) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
      identityService.saveGroup(group);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).singleResult();
    Authorization auth = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      auth.setGroupId(group);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!auth.isPermissionGranted(permission)) {
        auth.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(auth);
    }
  }

  private void ensureFilters() {
    TaskQuery mine = taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}");
    String myTasks = ensureFilter("My tasks", -10, "Tasks assigned to me", mine);
    if (authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(myTasks).count() == 0) {
      Authorization everyone = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
      everyone.setUserId(ANY);
      everyone.setResource(Resources.FILTER);
      everyone.setResourceId(myTasks);
      everyone.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(everyone);
    }
    int priority = 0;
    for (String group : CordonGroups.BUSINESS) {
      TaskQuery groupTasks = taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
      String id = ensureFilter(CordonGroups.label(group), priority++, "Tasks for " + CordonGroups.label(group).toLowerCase(), groupTasks);
      grant(group, Resources.FILTER, id, Permissions.READ);
      grant(CordonGroups.ADMINS, Resources.FILTER, id, Permissions.READ);
    }
  }

  private String ensureFilter(String name, int priority, String description, TaskQuery query) {
    Filter existing = filterService.createTaskFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing.getId();
    }
    Filter filter = filterService.newTaskFilter(name)
        .setProperties(Map.of("priority", priority, "description", description, "refresh", true))
        .setQuery(query);
    filterService.saveFilter(filter);
    return filter.getId();
  }

  private void ensureFirstAdmin() {
    if (!adminUser.isBlank()) {
      if (adminPassword.isBlank()) {
        throw new IllegalStateException("CORDON_ADMIN_USER is set but CORDON_ADMIN_PASSWORD is empty: set a password for the first administrator.");
      }
      ensureUser(adminUser, "Cordon", "Administrator", null, adminPassword, List.of(CordonGroups.ADMINS));
    }
  }

  /** After every start-up runner (demo users included) has had its turn. */
  @EventListener(ApplicationReadyEvent.class)
  void warnIfNoAdministrator() {
    if (identityService.createUserQuery().memberOfGroup(CordonGroups.ADMINS).count() == 0) {
      log.warn("No administrator exists. Set CORDON_ADMIN_USER and CORDON_ADMIN_PASSWORD and restart to create the first one.");
    }
  }
}
