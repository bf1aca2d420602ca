package io.cordon.console;

import io.cordon.identity.CordonGroups;
import io.cordon.identity.CordonUser;
import io.cordon.identity.CurrentUser;
import io.cordon.platform.ConflictException;
import io.cordon.platform.InvalidInputException;
import io.cordon.platform.NotFoundException;
import io.cordon.platform.ServiceUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every console page knows (who is signed in, where Tasklist is) and the console's error page: the same
 * sentences the API puts in its problem details, as a page with the status code; never a stack trace.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

  static final String TASKLIST = "/camunda/app/tasklist/default/";

  private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

  private final CurrentUser currentUser;
  private final ServiceMessages serviceMessages;

  ConsoleAdvice(CurrentUser currentUser, ServiceMessages serviceMessages) {
    this.currentUser = currentUser;
    this.serviceMessages = serviceMessages;
  }

  @ModelAttribute
  void common(Model model, HttpServletRequest request) {
    model.addAttribute("languageLinks", languageLinks(request));
    CordonUser me = currentUser.get();
    model.addAttribute("me", CurrentUser.isSystem(me) ? null : me);
    model.addAttribute("tasklistUrl", TASKLIST);
    model.addAttribute("canSeeEvidence", me.isMemberOf(CordonGroups.LEGAL) || me.isMemberOf(CordonGroups.SECURITY)
        || me.isMemberOf(CordonGroups.ADMINS));
  }

  @ExceptionHandler(NotFoundException.class)
  String notFound(NotFoundException e, Model model, HttpServletRequest request, HttpServletResponse response) {
    return error(HttpStatus.NOT_FOUND, e.getMessage(), model, request, response);
  }

  @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
  String forbidden(RuntimeException e, Model model, HttpServletRequest request, HttpServletResponse response) {
    return error(HttpStatus.FORBIDDEN, "You are not allowed to do this. Ask an administrator if you need it.", model, request, response);
  }

  @ExceptionHandler({ConflictException.class})
  String conflict(RuntimeException e, Model model, HttpServletRequest request, HttpServletResponse response) {
    return error(HttpStatus.CONFLICT, e.getMessage(), model, request, response);
  }

  /** The server cannot do it now (e.g. too many evidence packs being built): 503 with the service's advice. */
  @ExceptionHandler(ServiceUnavailableException.class)
  String unavailable(ServiceUnavailableException e, Model model, HttpServletRequest request, HttpServletResponse response) {
    return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), model, request, response);
  }

  @ExceptionHandler({InvalidInputException.class})
  String invalid(InvalidInputException e, Model model, HttpServletRequest request, HttpServletResponse response) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage(), model, request, response);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletRequest request, HttpServletResponse response) {
    return error(HttpStatus.BAD_REQUEST, "The value of '" + e.getName() + "' is not one Cordon knows. Pick one from the list.",
        model, request, response);
  }

  /** Spring MVC's own refusals (a missing parameter, a wrong method): their status, in the user's terms. */
  @ExceptionHandler({org.springframework.web.bind.ServletRequestBindingException.class,
      org.springframework.web.HttpRequestMethodNotSupportedException.class,
      org.springframework.web.HttpMediaTypeNotSupportedException.class,
      org.springframework.web.multipart.support.MissingServletRequestPartException.class,
      org.springframework.web.multipart.MaxUploadSizeExceededException.class})
  String refused(Exception e, Model model, HttpServletRequest request, HttpServletResponse response) {
    HttpStatus status = e instanceof ErrorResponse refusal ? HttpStatus.resolve(refusal.getStatusCode().value()) : null;
    return error(status == null ? HttpStatus.BAD_REQUEST : status,
        "This page cannot take that request. Go back and use the page's own links and forms.", model, request, response);
  }

  @ExceptionHandler(Exception.class)
  String unexpected(Exception e, Model model, HttpServletRequest request, HttpServletResponse response) {
    String reference = UUID.randomUUID().toString();
    log.error("Unexpected error on a console page, reference {}", reference, e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, "Cordon could not complete the request. Nothing was saved. Quote reference "
        + reference + " to your administrator.", model, request, response);
  }

  /** The page itself in each language of the console (its query kept, {@code lang} replaced). */
  static Map<String, String> languageLinks(HttpServletRequest request) {
    Map<String, String> links = new LinkedHashMap<>();
    for (String language : ConsoleLocales.LANGUAGES) {
      links.put(language, UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
          .replaceQueryParam(ConsoleLocales.PARAMETER, language).build().toUriString());
    }
    return links;
  }

  private String error(HttpStatus status, String message, Model model, HttpServletRequest request,
      HttpServletResponse response) {
    common(model, request);
    response.setStatus(status.value());
    model.addAttribute("status", status.value());
    // The service's sentence (as in the API's problem details) in the console's language.
    model.addAttribute("message", serviceMessages.text(message));
    return "error";
  }
}
