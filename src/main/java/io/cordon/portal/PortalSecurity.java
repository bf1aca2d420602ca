package io.cordon.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The partner pages' own filter chain, before the catch-all web chain of {@code identity.SecurityConfig}: only
 * {@code /partner/**}, no login, no session, no Camunda authentication. The assets are open; every page needs the
 * partner-link role ({@link PartnerLinkFilter}); anything else under {@code /partner} is a plain "this link is not
 * valid" page (404). No CSRF token: the form is answered only with the unguessable token in its address, and a form
 * posted from another site is refused ({@code Sec-Fetch-Site}, else {@code Origin}). The address is never sent to
 * another site as a referrer ({@code same-origin}: {@code no-referrer} would make browsers send {@code Origin: null}
 * on Cordon's own form), and pages cannot be framed.
 */
@Configuration
@EnableConfigurationProperties(PortalProperties.class)
class PortalSecurity {

  @Bean
  @Order(3)
  SecurityFilterChain partnerChain(HttpSecurity http, PortalService portal, PortalRateLimiter limiter, PortalPages pages,
      PortalProperties properties, @Value("${cordon.base-url:http://localhost:8080}") String baseUrl,
      @Value("${spring.servlet.multipart.max-request-size:25MB}") org.springframework.util.unit.DataSize maxUpload)
      throws Exception {
    PartnerLinkFilter links = new PartnerLinkFilter(portal, limiter, pages).helpContact(properties.helpContact())
        .publicAddress(baseUrl).maxUpload(maxUpload.toBytes());
    http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/partner/**"))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/partner/assets/**")).permitAll()
            .anyRequest().hasRole(PartnerLinkFilter.ROLE))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .anonymous(anonymous -> anonymous.disable())
        .exceptionHandling(ex -> ex
            .authenticationEntryPoint((request, response, e) -> links.write(response, request, HttpStatus.NOT_FOUND, "UNKNOWN"))
            .accessDeniedHandler((request, response, e) -> links.write(response, request, HttpStatus.NOT_FOUND, "UNKNOWN")))
        .headers(headers -> headers
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
            .frameOptions(frame -> frame.deny())
            .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")))
        .addFilterBefore(links, AuthorizationFilter.class);
    return http.build();
  }
}
