package io.cordon.console;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Versioned links to webjars ({@code /webjars/chart.js/dist/...} becomes {@code /webjars/chart.js/4.x/dist/...}) without
 * the cost Spring Boot's own {@link ResourceUrlEncodingFilter} puts on every other link. That filter, switched on by
 * the webjars locator, asks the static resource handlers about every URL a page writes; a link that is not a static
 * resource (a partner, a secret, a filter) is looked for on the whole class path, every time, because only hits are
 * cached: a secret's page writes a few hundred such links, and those look-ups took most of its time. This filter asks
 * only about {@code /webjars/} links, and the Boot filter is switched off by registering it disabled.
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinks {

  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> disabledResourceUrlEncodingFilter() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    off.setEnabled(false);
    return off;
  }

  @Bean
  FilterRegistrationBean<WebjarLinks> webjarLinks() {
    FilterRegistrationBean<WebjarLinks> registration = new FilterRegistrationBean<>(new WebjarLinks());
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    return registration;
  }

  static final class WebjarLinks extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String webjars = request.getContextPath() + "/webjars/";
      chain.doFilter(request, new HttpServletResponseWrapper(response) {
        @Override
        public String encodeURL(String url) {
          // The provider Spring MVC exposes to the request it handles, as Boot's filter reads it.
          Object urls = request.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR);
          if (url.startsWith(webjars) && urls instanceof ResourceUrlProvider provider) {
            String versioned = provider.getForRequestUrl(request, url);
            return super.encodeURL(versioned == null ? url : versioned);
          }
          return super.encodeURL(url);
        }
      });
    }
  }
}
