package io.cordon.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the portal's pages from {@code classpath:portal/} with the application's message bundles, in the language
 * asked for ({@code ?lang=zh}) or the browser's (English or Chinese). Its own engine: the pages are written by the
 * portal's controller and by its security filter (pages for unknown links and for too many requests) alike.
 */
@Component
class PortalPages {

  static final List<String> LANGUAGES = List.of("en", "zh");
  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  PortalPages(MessageSource messages) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PortalPages.class.getClassLoader());
    resolver.setPrefix("portal/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    resolver.setCheckExistence(true);
    engine.setTemplateResolver(resolver);
    engine.setTemplateEngineMessageSource(messages);
    engine.setEnableSpringELCompiler(false);
  }

  static Locale locale(HttpServletRequest request) {
    String asked = request.getParameter("lang");
    if (asked != null && LANGUAGES.contains(asked)) {
      return Locale.forLanguageTag(asked);
    }
    if (request.getHeader("Accept-Language") != null) {
      for (Locale l : java.util.Collections.list(request.getLocales())) {
        if (LANGUAGES.contains(l.getLanguage())) {
          return Locale.forLanguageTag(l.getLanguage());
        }
      }
    }
    return Locale.ENGLISH;
  }

  String render(String template, Locale locale, Map<String, Object> model) {
    Map<String, Object> variables = new HashMap<>(model);
    variables.put("lang", locale.getLanguage());
    return engine.process(template, new Context(locale, variables));
  }

  ResponseEntity<String> page(HttpStatus status, String template, Locale locale, Map<String, Object> model) {
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Language", locale.getLanguage()).body(render(template, locale, model));
  }
}
