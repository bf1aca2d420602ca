package io.cordon.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import java.util.stream.Stream;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. The APIs (Cordon's {@code /api}, Camunda's {@code /engine-rest}, the OpenAPI description) are
 * stateless HTTP Basic against Camunda's users (reads also with a Tasklist session), and every call runs as its user
 * inside the engine. Everything else is
 * closed, except health and the Camunda webapps, which have their own login page, session and CSRF protection, and
 * the partner pages, which open only with a partner link's token (their own chain, in the portal module).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

  /**
   * Matched on the whole request path: the engine REST API runs in Jersey's own servlet, where Spring MVC-style
   * matchers (relative to the DispatcherServlet) would not see it.
   */
  static final RequestMatcher API_PATHS = paths("/api/**", "/engine-rest/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html");

  private static RequestMatcher paths(String... patterns) {
    return new OrRequestMatcher(Stream.of(patterns)
        .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path)).toList());
  }

  @Bean
  ProblemResponses problemResponses(ObjectMapper objectMapper) {
    return new ProblemResponses(objectMapper);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, ProblemResponses problems, IdentityService identityService) throws Exception {
    http.securityMatcher(API_PATHS)
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        // No cookies, no session: CSRF cannot ride on these requests.
        .csrf(csrf -> csrf.disable())
        // A read with a Tasklist session (WebappSessionAuthenticationFilter) must leave that session as it is: session
        // fixation protection would give it a new id on every such read, and a Tasklist request in flight with the
        // old id at that moment finds no session, gets a 401, and Tasklist logs its user out.
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        .addFilterBefore(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
    return http.build();
  }

  /**
   * The console's pages: signed in with the Camunda webapp session, so one login serves Tasklist and the console.
   * Anonymous requests get the login page, never data; forms carry Spring Security's CSRF token.
   */
  @Bean
  @Order(2)
  SecurityFilterChain consoleChain(HttpSecurity http, IdentityService identityService) throws Exception {
    http.securityMatcher(paths("/console", "/console/**", "/webjars/**"))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths("/console/login", "/console/assets/**", "/webjars/**")).permitAll()
            .anyRequest().hasAnyRole(CordonGroups.ALL.toArray(String[]::new)))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/console/login")))
        .requestCache(cache -> cache.disable())
        // The webapp session is the login; Spring keeps nothing of its own in it.
        .sessionManagement(session -> session.sessionFixation(fixation -> fixation.none()))
        .logout(logout -> logout.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults()
                .matcher(org.springframework.http.HttpMethod.POST, "/console/logout"))
            .logoutSuccessUrl("/console/login?logout"))
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .addFilterBefore(new WebappSessionAuthenticationFilter(false), BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
    return http.build();
  }

  /**
   * Order 3 is the partner pages' chain ({@code portal.PortalSecurity}): {@code /partner/**} only, for the
   * anonymous-with-token role {@code partner-link}, no login and no session. Everything else comes here.
   */
  @Bean
  @Order(4)
  SecurityFilterChain webChain(HttpSecurity http, ProblemResponses problems) throws Exception {
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers(paths("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")).permitAll()
            // Camunda's setup page creates an engine administrator for anyone while camunda-admin is empty; Cordon
            // creates its first administrator itself (CORDON_ADMIN_USER).
            .requestMatchers(paths("/camunda/api/admin/setup/**")).denyAll()
            // Camunda's webapps: their static pages are the login page; their API checks the webapp session itself.
            .requestMatchers(paths("/", "/camunda", "/camunda/**")).permitAll()
            .requestMatchers(paths("/error")).permitAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        // The webapps send their own CSRF token (X-XSRF-TOKEN) and check it in their own filter.
        // No login form to return to, so nothing to remember: no session for anonymous requests.
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.ignoringRequestMatchers(paths("/camunda/**")))
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
    return http.build();
  }
}
