package io.cordon.workflow;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda REST wraps most engine refusals into a 500 ("Cannot put execution variable ..."). A refused submission is
 * the caller's mistake: answered 400 with the gate's sentence, on every endpoint (variables, starts, messages, tasks).
 */
@Configuration
class FormRefusedRestAnswer {

  @Bean
  ResourceConfigCustomizer formRefusedAnswer() {
    return config -> config.register(Mapper.class).register(EngineMapper.class);
  }

  private static Response refused(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      // The gate's refusal, or a step that refuses what the user submitted (a missing reason, an unknown fallback):
      // the caller's mistake, with the step's sentence, never a 500 wrapped in "Cannot submit task form ...".
      if (cause instanceof FormRefusedException || cause instanceof org.camunda.bpm.engine.BadUserRequestException) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "InvalidRequestException", "message", cause.getMessage())).build();
      }
    }
    return null;
  }

  @Priority(1)
  static final class EngineMapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response refused = refused(exception);
      return refused != null ? refused : camunda.toResponse(exception);
    }
  }

  @Priority(1)
  static final class Mapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      Response refused = refused(exception);
      return refused != null ? refused : camunda.toResponse(exception);
    }
  }
}
