package io.cordon.evidence;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is acting: the authenticated REST or Tasklist user, or {@code system} for timers and other background jobs. */
@Component
class Actors {

  static final String SYSTEM = "system";

  private final IdentityService identityService;

  Actors(IdentityService identityService) {
    this.identityService = identityService;
  }

  String current() {
    Authentication engine = identityService.getCurrentAuthentication();
    if (engine != null && engine.getUserId() != null) {
      return engine.getUserId();
    }
    var spring = SecurityContextHolder.getContext().getAuthentication();
    if (spring != null && spring.isAuthenticated() && spring.getName() != null && !"anonymousUser".equals(spring.getName())) {
      return spring.getName();
    }
    return SYSTEM;
  }
}
