package io.cordon.portal;

import io.cordon.identity.CordonUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The partner-link role: a request to {@code /partner/r/{token}} whose token names a known link runs as that link
 * ({@code partner-link:<id>}, role {@code partner-link}), which is all the portal's pages accept. Before the database
 * is asked, the client address and then the token must be within their rate limits (429 otherwise). A form sent
 * from another site is refused (403): the capability in the address already keeps others out, this keeps a page
 * elsewhere that learnt a token from making a contact's browser submit.
 */
class PartnerLinkFilter extends OncePerRequestFilter {

  static final String ROLE = "partner-link";

  private final PortalService portal;
  private final PortalRateLimiter limiter;
  private final PortalPages pages;

  PartnerLinkFilter(PortalService portal, PortalRateLimiter limiter, PortalPages pages) {
    this.portal = portal;
    this.limiter = limiter;
    this.pages = pages;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(PartnerLinks.PATH)) {
      chain.doFilter(request, response);
      return;
    }
    if (!limiter.allowAddress(request.getRemoteAddr())) {
      write(response, request, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED");
      return;
    }
    String token = path.substring(PartnerLinks.PATH.length());
    if (LinkTokens.wellFormed(token)) {
      if (!limiter.allowToken(LinkTokens.hash(token))) {
        write(response, request, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED");
        return;
      }
      if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) && crossSite(request)) {
        write(response, request, HttpStatus.FORBIDDEN, "CROSS_SITE");
        return;
      }
      if (request.getContentLengthLong() > maxUpload) {
        // Said on a page before the upload is read: nothing kept, the link still works.
        write(response, request, HttpStatus.PAYLOAD_TOO_LARGE, "TOO_LARGE");
        return;
      }
      Optional<PartnerLink> link = portal.known(token);
      link.ifPresent(l -> SecurityContextHolder.getContext().setAuthentication(new LinkAuthentication(l)));
    }
    chain.doFilter(request, response);
  }

  /**
   * A form sent from another site: the browser says so in {@code Sec-Fetch-Site} (every current browser sends it);
   * without it, an {@code Origin} that is neither Cordon's public address ({@code cordon.base-url}) nor the host the
   * request was sent to. No header at all: not a browser's form, the token alone decides.
   */
  private boolean crossSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      return !site.equals("same-origin") && !site.equals("none");
    }
    String origin = request.getHeader("Origin");
    if (origin == null || origin.equalsIgnoreCase(publicOrigin)) {
      return false;
    }
    try {
      URI o = URI.create(origin);
      if (o.getHost() == null) {
        return true; // "null": a sandboxed or opaque origin
      }
      int port = o.getPort() != -1 ? o.getPort() : "https".equals(o.getScheme()) ? 443 : 80;
      return !request.getServerName().equalsIgnoreCase(o.getHost()) || request.getServerPort() != port;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String state)
      throws IOException {
    byte[] body = pages.render("unavailable", PortalPages.locale(request), Map.of("state", state,
        "helpContact", helpContact)).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status.value());
    response.setContentType("text/html;charset=UTF-8");
    if (status == HttpStatus.TOO_MANY_REQUESTS) {
      response.setHeader("Retry-After", "600");
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private String helpContact = "";
  private long maxUpload = Long.MAX_VALUE;

  /** The largest request body (an upload) the pages take, as the multipart limit says. */
  PartnerLinkFilter maxUpload(long bytes) {
    this.maxUpload = bytes;
    return this;
  }

  private String publicOrigin = "";

  PartnerLinkFilter helpContact(String contact) {
    this.helpContact = contact;
    return this;
  }

  /** Cordon's public address, as links in mail use it: forms from there are Cordon's own. */
  PartnerLinkFilter publicAddress(String baseUrl) {
    URI base = URI.create(baseUrl);
    this.publicOrigin = base.getScheme() + "://" + base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
    return this;
  }

  /** The caller holds the token of this link. */
  static final class LinkAuthentication extends AbstractAuthenticationToken {

    private final CordonUser principal;
    private final long linkId;

    LinkAuthentication(PartnerLink link) {
      super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
      this.principal = new CordonUser(ROLE + ":" + link.id(), List.of(), List.of());
      this.linkId = link.id();
      setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
      return null;
    }

    @Override
    public Object getPrincipal() {
      return principal;
    }

    long linkId() {
      return linkId;
    }
  }
}
