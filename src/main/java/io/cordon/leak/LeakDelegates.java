package io.cordon.leak;

import static io.cordon.leak.LeakVariables.*;

import io.cordon.leak.LeakForms.Assessment;
import io.cordon.leak.LeakForms.Closure;
import io.cordon.leak.LeakForms.Containment;
import io.cordon.leak.LeakForms.DataProtection;
import io.cordon.leak.LeakForms.LegalAction;
import io.cordon.leak.LeakForms.Report;
import io.cordon.platform.UserErrors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;

/**
 * The leak response model's delegates: each reads variables, calls one {@link LeakService} method and writes the
 * result variables its gateways read. Referenced from the BPMN by bean name.
 */
@Configuration
class LeakDelegates {

  private final LeakService service;

  LeakDelegates(LeakService service) {
    this.service = service;
  }

  /** Runs as the instance starts (Tasklist or REST): a refused report starts nothing. */
  @Bean
  JavaDelegate openLeakIncident() {
    return execution -> {
      LeakService.Report report = new LeakService.Report(LeakService.secretCodes(Report.SECRET_CODES.read(execution)),
          Report.NOTICED_HOW.read(execution), Report.SUSPECTED.read(execution), Report.SINCE.read(execution),
          Report.PERSONAL_DATA.read(execution));
      LeakService.Opened opened;
      try {
        opened = UserErrors.reported(() -> service.open(report, execution.getProcessInstanceId()));
      } catch (AccessDeniedException e) {
        throw new BadUserRequestException(e.getMessage(), e);
      }
      execution.setProcessBusinessKey(opened.code());
      INCIDENT_ID.set(execution, opened.id());
      INCIDENT_CODE.set(execution, opened.code());
      SECRET_CODES.set(execution, opened.secretCodes());
      PERSONAL_DATA.set(execution, opened.personalData());
    };
  }

  /** Runs while legal or security complete the assessment: a partner that held nothing is refused there. */
  @Bean
  JavaDelegate recordLeakAssessment() {
    return execution -> {
      LeakService.Assessed assessed = UserErrors.reported(() -> service.assess(INCIDENT_ID.require(execution),
          LeakService.Assessment.valueOf(Assessment.OUTCOME.read(execution)), Assessment.SUSPECTED_PARTNERS.read(execution),
          Assessment.NOTE.read(execution)));
      CONTAIN.set(execution, assessed.contain());
      SUSPECTED_PARTNERS.set(execution, assessed.suspectedPartners());
      HAS_SUSPECTS.set(execution, !assessed.suspectedPartners().isEmpty());
    };
  }

  /** A job (asyncBefore with retries): packs and legal holds on Cordon's authority. */
  @Bean
  JavaDelegate preserveLeakEvidence() {
    return execution -> service.preserve(INCIDENT_ID.require(execution));
  }

  @Bean
  JavaDelegate containLeak() {
    return execution -> UserErrors.run(() -> service.contain(INCIDENT_ID.require(execution),
        LeakService.Scope.valueOf(Containment.SCOPE.read(execution)), Containment.NOTE.read(execution), mailKey(execution)));
  }

  /** A job (asyncBefore): mail to owners and management, the regulator deadline where personal data is involved. */
  @Bean
  JavaDelegate notifyLeak() {
    return execution -> {
      LeakService.Notified notified = service.notifyInternally(INCIDENT_ID.require(execution), mailKey(execution));
      REGULATOR_DEADLINE.set(execution, notified.deadline());
      REGULATOR_REMINDER.set(execution, notified.reminder());
    };
  }

  @Bean
  JavaDelegate recordDataProtection() {
    return execution -> service.recordDataProtection(INCIDENT_ID.require(execution),
        LeakService.DpaOutcome.valueOf(DataProtection.OUTCOME.read(execution)), DataProtection.NOTE.read(execution));
  }

  @Bean
  JavaDelegate recordLegalAction() {
    return execution -> {
      UserErrors.run(() -> service.recordLegalAction(INCIDENT_ID.require(execution), PARTNER_CODE.require(execution),
          LeakService.Action.valueOf(LegalAction.ACTION.read(execution)), LegalAction.NOTE.read(execution)));
      // The next partner's task starts with an empty form.
      execution.removeVariable(LegalAction.ACTION.name());
      execution.removeVariable(LegalAction.NOTE.name());
    };
  }

  @Bean
  JavaDelegate closeLeakIncident() {
    return execution -> UserErrors.run(() -> service.close(INCIDENT_ID.require(execution), Closure.SUMMARY.read(execution),
        Closure.LESSONS.read(execution), LeakService.measures(Closure.MEASURES.read(execution))));
  }

  /** Execution listener (end) of the process: a cancelled instance releases its secrets. */
  @Bean
  ExecutionListener leakResponseEnded() {
    return execution -> service.processEnded(execution.getProcessInstanceId());
  }

  private static String mailKey(DelegateExecution execution) {
    return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
  }
}
