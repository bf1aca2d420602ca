package io.cordon.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside a controller (a request rejected by the firewall, a filter's {@code sendError}) are
 * answered as problem details too, instead of Spring Boot's white-label JSON. Called directly, {@code /error} is not
 * an endpoint: 404.
 */
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping(path = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, "*/*"})
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.resolve(i) : null;
    ProblemDetail problem;
    if (status == null || request.getDispatcherType() != jakarta.servlet.DispatcherType.ERROR) {
      problem = ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "Not found",
          "There is no endpoint at /error. The API is described at /v3/api-docs.");
    } else {
      problem = ProblemDetailsAdvice.problem(status, status.getReasonPhrase(), detail(status));
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path) {
      problem.setInstance(URI.create(path.replaceAll("[^\\w/.\\-~]", "_")));
    }
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  static String detail(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "The request was rejected: its path or headers are malformed (for example an encoded '/', "
          + "'..' or a NUL character in the path). Send a plain path.";
      case UNAUTHORIZED -> "Send the HTTP Basic credentials of a Cordon user.";
      case FORBIDDEN -> "You are not allowed to do this. Ask an administrator if you need it.";
      case NOT_FOUND -> "There is no such resource. The API is described at /v3/api-docs.";
      case METHOD_NOT_ALLOWED -> "This method is not allowed on this path. The API is described at /v3/api-docs.";
      case PAYLOAD_TOO_LARGE -> "The request is too large.";
      default -> status.is5xxServerError()
          ? "Cordon could not complete the request. Nothing was saved. Try again later or ask your administrator."
          : "The request was not accepted.";
    };
  }
}
