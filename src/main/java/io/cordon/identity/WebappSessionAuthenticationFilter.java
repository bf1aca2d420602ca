package io.cordon.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a user logged in to Tasklist read from Cordon's API with that session, so an embedded task form can offer
 * an NDA for download. Only safe methods (GET, HEAD): changes still need HTTP Basic, so a session cookie can never
 * be ridden to change anything (no CSRF surface). The console's chain takes every method with the session, because
 * its forms carry Spring Security's CSRF token.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";

  private final boolean safeMethodsOnly;

  WebappSessionAuthenticationFilter() {
    this(true);
  }

  WebappSessionAuthenticationFilter(boolean safeMethodsOnly) {
    this.safeMethodsOnly = safeMethodsOnly;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    boolean safe = !safeMethodsOnly || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (safe && session != null && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && SecurityContextHolder.getContext().getAuthentication() == null) {
      Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
      if (auths != null && auths.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        List<String> tenants = user.getTenantIds() == null ? List.of() : user.getTenantIds();
        CordonUser principal = new CordonUser(user.getName(), groups, tenants);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
            groups.stream().map(CordonGroups::authority).map(SimpleGrantedAuthority::new).toList()));
      }
    }
    chain.doFilter(request, response);
  }
}
