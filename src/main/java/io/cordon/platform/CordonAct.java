package io.cordon.platform;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Engine calls that are Cordon's own act, not the user's (a process starting or ending another): inside a process
 * step they run without the step user's authorization checks; outside one the caller is Cordon already.
 */
public final class CordonAct {

  private CordonAct() {
  }

  public static <T> T run(Callable<T> work) {
    CommandContext step = Context.getCommandContext();
    try {
      return step == null ? work.call() : step.runWithoutAuthorization(work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
