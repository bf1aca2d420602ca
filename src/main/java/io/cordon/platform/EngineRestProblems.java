package io.cordon.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST API ({@code /engine-rest}) answers errors with its own JSON ({@code type} = a Java class name,
 * {@code message} with engine codes, sometimes class names) and wraps some refusals in a 500: an authorization refusal
 * inside a variable update, a Java-serialized or unknown-format variable. This filter turns every error answer of that
 * API into an RFC 9457 problem detail like Cordon's own, with the status the refusal deserves and a sentence a user can
 * act on; what is left of a real failure stays in the log, tied to the answer by a reference.
 */
@Configuration
class EngineRestProblems {

  private static final Logger log = LoggerFactory.getLogger(EngineRestProblems.class);

  private static final Pattern REFUSED = Pattern.compile("does not have .*permission|not authorized|AuthorizationException",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SERIALIZATION = Pattern.compile(
      "serializ|Unsupported value type|value type|valueInfo|objectTypeName|Cannot deserialize|Cannot find serializer",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern MISSING = Pattern.compile("doesn't exist|does not exist|not found|is null|No .* found",
      Pattern.CASE_INSENSITIVE);
  /** Two transactions changed the same row at once (on one node or on two): the engine kept the first. */
  private static final Pattern CONCURRENT = Pattern.compile(
      "OptimisticLocking|updated by another transaction concurrently|was updated by another transaction|ENGINE-03005",
      Pattern.CASE_INSENSITIVE);
  /** Completing a task, through the REST API or its form: the one answer that can race with a colleague's. */
  private static final Pattern TASK_COMPLETION = Pattern.compile(
      "^/engine-rest(?:/engine/[^/]+)?/task/([^/]+)/(complete|submit-form|resolve)$");
  /** Engine message codes such as {@code ENGINE-17007}. */
  private static final Pattern ENGINE_CODE = Pattern.compile("\\b[A-Z]+-\\d{5}\\s*");
  /** Qualified Java names such as {@code org.camunda.bpm.engine.X} or {@code java.lang.String}. */
  private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Za-z_$][\\w$]*");
  private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z]\\w*(?:Exception|Error)\\b:?\\s*");

  @Bean
  FilterRegistrationBean<Filter> engineRestProblemsFilter(ObjectMapper objectMapper, ProcessEngine engine) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(objectMapper,
        taskId -> finished(engine, taskId)));
    registration.addUrlPatterns("/engine-rest/*");
    // After Spring Security (its 401/403 are problem details already), before Jersey.
    registration.setOrder(0);
    return registration;
  }

  /**
   * Whether the task was completed already (it is in the history with an end time). Read without an authorization
   * check: it is asked only for a task id the caller just tried to complete, and answers only "already done".
   */
  private static boolean finished(ProcessEngine engine, String taskId) {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return config.getCommandExecutorTxRequired().execute(context -> {
      HistoricTaskInstanceEntity task = context.getDbEntityManager().selectById(HistoricTaskInstanceEntity.class, taskId);
      return task != null && task.getEndTime() != null;
    });
  }

  static final class Filter extends OncePerRequestFilter {
    private final ObjectMapper objectMapper;
    private final Predicate<String> completedTask;

    Filter(ObjectMapper objectMapper, Predicate<String> completedTask) {
      this.objectMapper = objectMapper;
      this.completedTask = completedTask;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
      try {
        chain.doFilter(request, wrapped);
      } catch (RuntimeException | ServletException | IOException e) {
        wrapped.resetBuffer();
        writeProblem(wrapped, request, concurrent(e) ? conflict() : failure(e.toString(), e));
        wrapped.copyBodyToResponse();
        return;
      }
      int status = wrapped.getStatus();
      if (status >= 400 && !isProblem(wrapped.getContentType())) {
        String original = new String(wrapped.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        wrapped.resetBuffer();
        writeProblem(wrapped, request, alreadyCompleted(request, translate(status, original)));
      }
      wrapped.copyBodyToResponse();
    }

    /**
     * Two users (or two nodes) complete the same task at the same moment: the engine keeps one outcome. The loser is
     * told so with a 409 whether its transaction collided (optimistic locking) or came just after the winner's commit
     * (the task is gone, but the history shows it completed), not with a 400 or 404 that reads as a wrong request.
     */
    private ProblemDetail alreadyCompleted(HttpServletRequest request, ProblemDetail problem) {
      // The engine words the late one as a missing task (400, 404 or 500 by resource) or, with authorizations on, as a
      // refusal (403: no permission on a task that is gone); a refusal or error on a live task stays what it is.
      int status = problem.getStatus();
      if (!(status == 400 || status == 403 || status == 404 || status == 500) || !"POST".equals(request.getMethod())) {
        return problem;
      }
      java.util.regex.Matcher task = TASK_COMPLETION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
      if (task.matches() && completedTask.test(task.group(1))) {
        return conflict();
      }
      return problem;
    }

    private ProblemDetail translate(int status, String body) {
      String message = "";
      String type = "";
      try {
        JsonNode json = objectMapper.readTree(body);
        if (json != null) {
          message = json.path("message").asText("");
          type = json.path("type").asText("");
        }
      } catch (IOException | RuntimeException notJson) {
        message = "";
      }
      String both = type + " " + message;
      if (CONCURRENT.matcher(both).find()) {
        return conflict();
      }
      if (REFUSED.matcher(both).find()) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "You are not allowed to do this. Ask an administrator if you need it.");
      }
      if ((status == 400 || status >= 500) && SERIALIZATION.matcher(message).find()) {
        return problem(HttpStatus.BAD_REQUEST, "Variable not accepted",
            "A variable's type or serialization format is not accepted: Java serialization and unknown formats are refused. "
                + "Send plain values (String, Boolean, Integer, Long, Double, Date) or JSON.");
      }
      if (status >= 500) {
        if (MISSING.matcher(message).find()) {
          return problem(HttpStatus.NOT_FOUND, "Not found", clean(message));
        }
        return failure(both, null);
      }
      HttpStatus known = HttpStatus.resolve(status);
      HttpStatus answer = known == null ? HttpStatus.BAD_REQUEST : known;
      String detail = clean(message);
      return problem(answer, answer.getReasonPhrase(), detail.isBlank() ? defaultDetail(answer) : detail);
    }

    private static ProblemDetail failure(String what, Throwable e) {
      String reference = UUID.randomUUID().toString();
      log.error("Engine REST failure, reference {}: {}", reference, what, e);
      ProblemDetail p = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error",
          "The engine could not complete the request. Quote reference " + reference + " to your administrator.");
      p.setProperty("reference", reference);
      return p;
    }

    private void writeProblem(ContentCachingResponseWrapper response, HttpServletRequest request, ProblemDetail problem)
        throws IOException {
      problem.setInstance(URI.create(request.getRequestURI().replaceAll("[^\\w/.\\-~]", "_")));
      response.setStatus(problem.getStatus());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.getOutputStream().write(objectMapper.writeValueAsBytes(problem));
    }

    private static boolean isProblem(String contentType) {
      return contentType != null && contentType.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }
  }

  private static boolean concurrent(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException) {
        return true;
      }
    }
    return false;
  }

  private static ProblemDetail conflict() {
    return problem(HttpStatus.CONFLICT, "Changed at the same moment",
        "Someone else completed or changed this at the same moment, and theirs was kept. Reload to see the current state.");
  }

  /** The engine's message without engine codes, exception or qualified class names. */
  static String clean(String message) {
    String s = ENGINE_CODE.matcher(message).replaceAll("");
    s = CLASS_NAME.matcher(s).replaceAll("");
    s = EXCEPTION_NAME.matcher(s).replaceAll("");
    return s.replaceAll("\\s{2,}", " ").trim();
  }

  private static String defaultDetail(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "There is no such resource.";
      case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
      case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as JSON.";
      default -> "The request was not accepted. Check it against the engine's REST API description.";
    };
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    return p;
  }
}
