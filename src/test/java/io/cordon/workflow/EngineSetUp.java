package io.cordon.workflow;

import java.util.concurrent.Callable;

/** For benchmarks that copy process instances with their variables: set-up the form gate would refuse. */
public final class EngineSetUp {

  private EngineSetUp() {
  }

  public static <T> T run(Callable<T> work) {
    try {
      return FormGate.duringSetUp(work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
