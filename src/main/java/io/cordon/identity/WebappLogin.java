package io.cordon.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.stereotype.Component;

/**
 * Signs a user in to the Camunda webapp session, as Tasklist's own login does: the password checked by the identity
 * service (with its lock-out after failed attempts), a new session id (no session fixation), the user's groups and
 * tenants in the session. Tasklist and the console both read that session, so one login serves both.
 */
@Component
public class WebappLogin {

  private final ProcessEngine engine;

  WebappLogin(ProcessEngine engine) {
    this.engine = engine;
  }

  /** True if the user is signed in now; false for an unknown user, a wrong password or a user of no Cordon group. */
  public boolean login(HttpServletRequest request, String userId, String password) {
    if (userId == null || userId.isBlank() || password == null) {
      return false;
    }
    engine.getIdentityService().clearAuthentication();
    if (!engine.getIdentityService().checkPassword(userId, password)) {
      return false;
    }
    UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, userId);
    if (authentication == null || authentication.getGroupIds() == null
        || authentication.getGroupIds().stream().noneMatch(CordonGroups.ALL::contains)) {
      return false;
    }
    Date validation = ServletContextUtil.getAuthCacheValidationTime(request.getServletContext());
    if (validation != null) {
      authentication.setCacheValidationTime(validation);
    }
    AuthenticationUtil.revalidateSession(request, authentication);
    return true;
  }
}
