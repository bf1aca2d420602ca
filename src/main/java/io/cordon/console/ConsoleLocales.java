package io.cordon.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's language: the one chosen on the page ({@code ?lang=zh}, kept in a cookie), else the browser's
 * (Accept-Language), else English. Texts come from messages.properties and its translations (messages_zh.properties).
 */
@Configuration
class ConsoleLocales implements WebMvcConfigurer {

  static final String PARAMETER = "lang";
  static final String COOKIE = "cordon-lang";
  /** The languages the console has a bundle for; the first is the default. */
  static final List<String> LANGUAGES = List.of("en", "zh");

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieHttpOnly(true);
    resolver.setCookieSameSite("Lax");
    // Without a choice, the browser's language; without Accept-Language, English (not the server's locale).
    resolver.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") == null ? Locale.ENGLISH
        : request.getLocale());
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new LanguageChoice()).addPathPatterns("/console", "/console/**");
  }

  /** Takes {@code ?lang=} only for a language the console has; any other value is ignored. */
  static final class LanguageChoice extends LocaleChangeInterceptor {

    LanguageChoice() {
      setParamName(PARAMETER);
      setIgnoreInvalidLocale(true);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
        throws jakarta.servlet.ServletException {
      String language = request.getParameter(PARAMETER);
      return language == null || !LANGUAGES.contains(language) || super.preHandle(request, response, handler);
    }
  }
}
