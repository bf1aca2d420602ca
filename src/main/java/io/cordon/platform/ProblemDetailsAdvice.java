package io.cordon.platform;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where exceptions become RFC 9457 problem details. Messages say what was wrong and how to fix it;
 * stack traces, SQL and class names stay in the log, tied to the response by a reference id.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
  }

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    if (!e.violations().isEmpty()) {
      p.setProperty("errors", e.violations());
    }
    return p;
  }

  @ExceptionHandler(UnsupportedContentException.class)
  ProblemDetail unsupported(UnsupportedContentException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content", e.getMessage());
  }

  @ExceptionHandler(PropertyReferenceException.class)
  ProblemDetail unknownSortProperty(PropertyReferenceException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Cannot sort or filter by '" + e.getPropertyName() + "'.");
  }

  @ExceptionHandler(UnprocessableContentException.class)
  ProblemDetail unprocessable(UnprocessableContentException e) {
    ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable content", e.getMessage());
    p.setProperty("reason", e.reason());
    return p;
  }

  @ExceptionHandler(ServiceUnavailableException.class)
  ProblemDetail unavailable(ServiceUnavailableException e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Not available", e.getMessage());
  }

  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ProblemDetail notMultipart(org.springframework.web.multipart.MultipartException e) {
    return problem(HttpStatus.BAD_REQUEST, "File expected",
        "Send the file as multipart/form-data in a part named 'file'.");
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    List<Map<String, String>> errors = e.getConstraintViolations().stream()
        .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
        .toList();
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has " + errors.size() + " invalid value(s); see 'errors'.");
    p.setProperty("errors", errors);
    return p;
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail staleVersion(OptimisticLockingFailureException e) {
    return problem(HttpStatus.CONFLICT, "Changed by someone else",
        "The record was changed by someone else since you read it. Reload it and apply your change again.");
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail integrity(DataIntegrityViolationException e) {
    log.info("Integrity violation: {}", e.getMostSpecificCause().getMessage());
    return problem(HttpStatus.CONFLICT, "Conflict",
        "The change conflicts with existing data (for example a duplicate code or a missing reference). Nothing was saved.");
  }

  @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
  ProblemDetail forbidden(RuntimeException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", "You are not allowed to do this. Ask an administrator if you need it.");
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    String reference = UUID.randomUUID().toString();
    log.error("Unexpected error, reference {}", reference, e);
    ProblemDetail p = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error",
        "Cordon could not complete the request. Nothing was saved. Quote reference " + reference + " to your administrator.");
    p.setProperty("reference", reference);
    return p;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
        .toList();
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has " + errors.size() + " invalid value(s); see 'errors'.");
    p.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(p);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    // Jackson's message names Java types and positions in the parser; say it in the client's terms.
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Unknown field",
          "The field '" + unknown.getPropertyName() + "' is not part of this request. Cordon stores metadata only: "
              + "never send a secret's content or attachments."));
    }
    if (e.getCause() instanceof com.fasterxml.jackson.core.JsonParseException parse
        && parse.getOriginalMessage() != null && parse.getOriginalMessage().startsWith("Duplicate field")) {
      java.util.regex.Matcher name = java.util.regex.Pattern.compile("'(.{0,100})'").matcher(parse.getOriginalMessage());
      String field = name.find() ? name.group(1) : "?";
      return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Duplicate field",
          "The field '" + field + "' appears more than once in the request body. Send each field once."));
    }
    if (e.getCause() instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
      String field = invalid.getPath().get(invalid.getPath().size() - 1).getFieldName();
      String allowed = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
          ? " Allowed: " + java.util.Arrays.stream(invalid.getTargetType().getEnumConstants()).map(String::valueOf)
              .collect(java.util.stream.Collectors.joining(", ")) + "."
          : "";
      return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid value",
          "The value of '" + field + "' is not valid." + allowed));
    }
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
        "The request body is missing or is not valid JSON of the expected shape."));
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "Not found",
        "There is no endpoint at /" + e.getResourcePath() + ". The API is described at /v3/api-docs."));
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    return p;
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
