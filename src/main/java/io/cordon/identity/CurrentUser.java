package io.cordon.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The caller of the current request or engine command: the REST user, the Tasklist user completing a task, or
 * {@link #SYSTEM} for timers and other jobs, which act on Cordon's own authority.
 */
@Component
public class CurrentUser {

  public static final CordonUser SYSTEM = new CordonUser("system", List.of(), List.of());

  private final IdentityService identityService;

  CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public CordonUser get() {
    var spring = SecurityContextHolder.getContext().getAuthentication();
    if (spring != null && spring.getPrincipal() instanceof CordonUser user) {
      return user;
    }
    Authentication engine = identityService.getCurrentAuthentication();
    if (engine != null && engine.getUserId() != null) {
      List<String> groups = engine.getGroupIds() == null ? List.of() : engine.getGroupIds();
      List<String> tenants = engine.getTenantIds() == null ? List.of() : engine.getTenantIds();
      return new CordonUser(engine.getUserId(), groups, tenants);
    }
    return SYSTEM;
  }

  public static boolean isSystem(CordonUser user) {
    return SYSTEM.id().equals(user.id()) && user.groupIds().isEmpty();
  }
}
