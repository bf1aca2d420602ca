package io.cordon.leak;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${leakSuspects.of(execution)}}: the partners of the legal-action tasks (the multi-instance collection), read
 * from the register as the assessment recorded them, not from a variable. Public for the expression language.
 */
@Component("leakSuspects")
public class LeakSuspects {

  private final LeakService service;

  LeakSuspects(LeakService service) {
    this.service = service;
  }

  public List<String> of(DelegateExecution execution) {
    return service.suspectedPartners(LeakVariables.INCIDENT_ID.require(execution));
  }
}
