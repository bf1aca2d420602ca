package io.cordon.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist shows the engine's message to the user as it comes: "Cannot submit task form 1f0c…: ENGINE-… Give the
 * reason …". The webapps' own API keeps its JSON shape (Tasklist reads {@code message}), but the message becomes the
 * sentence the user needs: without the task id prefix, engine codes or class names.
 */
@Configuration
class WebappErrorMessages {

  /** "Cannot submit task form <id>: ", "Cannot complete task <id>: " and the like. */
  private static final Pattern PREFIX = Pattern.compile("^Cannot [a-z ]+ [0-9a-fA-F-]{8,}: ");

  @Bean
  FilterRegistrationBean<Filter> webappErrorMessagesFilter(ObjectMapper objectMapper) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(objectMapper));
    registration.addUrlPatterns("/camunda/api/engine/*");
    registration.setOrder(0);
    return registration;
  }

  static String sentence(String message) {
    String s = message;
    for (String before = null; !s.equals(before); ) {
      before = s;
      s = PREFIX.matcher(s).replaceFirst("");
    }
    return EngineRestProblems.clean(s);
  }

  static final class Filter extends OncePerRequestFilter {
    private final ObjectMapper objectMapper;

    Filter(ObjectMapper objectMapper) {
      this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, wrapped);
      String type = wrapped.getContentType();
      if (wrapped.getStatus() >= 400 && type != null && type.contains("json")) {
        try {
          var json = objectMapper.readTree(wrapped.getContentAsByteArray());
          if (json instanceof ObjectNode object && object.path("message").isTextual()) {
            object.put("message", sentence(object.path("message").asText()));
            wrapped.resetBuffer();
            wrapped.getOutputStream().write(objectMapper.writeValueAsString(object).getBytes(StandardCharsets.UTF_8));
          }
        } catch (IOException notJson) {
          // Left as it was.
        }
      }
      wrapped.copyBodyToResponse();
    }
  }
}
