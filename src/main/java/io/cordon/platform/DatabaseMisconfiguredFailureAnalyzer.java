package io.cordon.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a database start-up failure into Spring Boot's "APPLICATION FAILED TO START" report with the fix. */
class DatabaseMisconfiguredFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseMisconfiguredException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DatabaseMisconfiguredException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
