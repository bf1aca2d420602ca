package io.cordon.recertification;

import static io.cordon.recertification.RecertificationVariables.*;

import io.cordon.offboarding.OffboardingService;
import io.cordon.platform.ConflictException;
import io.cordon.platform.UserErrors;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import io.cordon.recertification.RecertificationForms.Renewal;
import io.cordon.recertification.RecertificationForms.Review;
import io.cordon.workflow.Field;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The re-certification model's delegates: each reads variables, calls one {@link RecertificationService} method and
 * writes the result variables. Referenced from the BPMN by bean name.
 */
@Configuration
class RecertificationDelegates {

  private static final Logger log = LoggerFactory.getLogger(RecertificationDelegates.class);

  private final RecertificationService service;

  RecertificationDelegates(RecertificationService service) {
    this.service = service;
  }

  @Bean
  JavaDelegate recertificationProfile() {
    return execution -> {
      RecertificationService.Profile profile = service.profile(PARTNER_CODE.require(execution));
      RISK_TIER.set(execution, profile.riskTier());
      HIGHEST_CLASSIFICATION.set(execution, profile.highestClassification());
    };
  }

  @Bean
  JavaDelegate scheduleRecertification() {
    return execution -> {
      Period period = service.schedule(PARTNER_CODE.require(execution), execution.getProcessInstanceId(),
          RECERTIFICATION_MONTHS.require(execution), RISK_TIER.get(execution), HIGHEST_CLASSIFICATION.get(execution));
      RecertificationSchedule.Times times = service.times(period);
      RECERTIFICATION_ID.set(execution, period.id());
      PERIOD_NO.set(execution, period.periodNo());
      REQUEST_AT.set(execution, times.requestAt());
      FIRST_REMINDER_AT.set(execution, times.firstReminderAt());
      LAST_REMINDER_AT.set(execution, times.lastReminderAt());
      DUE_AT.set(execution, times.dueAt());
      GRACE_UNTIL.set(execution, times.graceUntil());
    };
  }

  @Bean
  JavaDelegate requestAttestation() {
    return execution -> service.request(id(execution), mailKey(execution), RESPONSIBLE_USER.get(execution));
  }

  /**
   * Runs in the transaction of the completing attestation task: a wrong entry is a bad request Tasklist shows, and
   * the task stays open.
   */
  @Bean
  JavaDelegate recordAttestation() {
    return execution -> {
      RecertificationService.Findings findings = UserErrors.reported(
          () -> service.attest(id(execution), RecertificationForms.ATTESTATION.read(execution)));
      FLAGGED.set(execution, findings.flagged());
      ATTESTATION_FINDINGS.set(execution, findings.summary());
      ENDING_DISCLOSURE_IDS.set(execution, findings.noLongerNeeded());
    };
  }

  @Bean
  JavaDelegate recordAttestationReview() {
    return execution -> {
      List<Long> ending = UserErrors.reported(() -> service.review(id(execution), Review.DECISION.read(execution),
          Review.COMMENT.read(execution)));
      Set<Long> all = new LinkedHashSet<>(ENDING_DISCLOSURE_IDS.get(execution));
      all.addAll(ending);
      ENDING_DISCLOSURE_IDS.set(execution, new ArrayList<>(all));
    };
  }

  @Bean
  JavaDelegate completeRecertification() {
    return execution -> service.complete(id(execution), ENDING_DISCLOSURE_IDS.get(execution));
  }

  /**
   * "No longer needed", or legal ended a flagged disclosure: their return or destruction runs as an
   * {@code OffboardingProcess} for those disclosures. One already being returned (another offboarding has it) is left
   * to that offboarding.
   */
  @Bean
  JavaDelegate startReturnOrDestroy(OffboardingService offboarding) {
    return execution -> {
      String partner = PARTNER_CODE.require(execution);
      List<Long> ending = ENDING_DISCLOSURE_IDS.get(execution);
      try {
        offboarding.start(partner, ending, "re-certification " + PERIOD_NO.get(execution)
            + ": no longer needed or ended by legal");
      } catch (ConflictException alreadyRunning) {
        log.info("Return or destruction of {} for {} not started: {}", ending, partner, alreadyRunning.getMessage());
      }
    };
  }

  @Bean
  JavaDelegate lapseRecertification() {
    return execution -> service.lapse(id(execution), mailKey(execution));
  }

  @Bean
  JavaDelegate watchNda() {
    return execution -> {
      var watch = service.ndaWatch(PARTNER_CODE.require(execution));
      NDA_REFERENCE.set(execution, watch.map(RecertificationService.NdaWatch::reference).orElse(null));
      watch.ifPresent(w -> {
        NDA_RENEWAL_AT.set(execution, w.times().renewalAt());
        NDA_RENEWAL_REMINDER_AT.set(execution, w.times().renewalReminderAt());
        NDA_EXPIRES_AT.set(execution, w.times().expiresAt());
      });
    };
  }

  @Bean
  JavaDelegate suspendForNdaExpiry() {
    return execution -> service.ndaExpired(PARTNER_CODE.require(execution), NDA_REFERENCE.get(execution),
        mailKey(execution));
  }

  /** Runs in the transaction of the completing renewal task, after its end of term or before. */
  @Bean
  JavaDelegate recordNdaRenewal() {
    return execution -> {
      FileValue file = Renewal.DOCUMENT.read(execution);
      byte[] content = Field.bytes(file, Renewal.DOCUMENT.label());
      LocalDate signed = Renewal.SIGNATURE_DATE.read(execution);
      LocalDate expires = Renewal.EXPIRES_ON.read(execution);
      UserErrors.run(() -> service.renewNda(PARTNER_CODE.require(execution), NDA_REFERENCE.get(execution), content,
          file.getFilename(), signed, Renewal.SIGNATORIES.read(execution), expires));
    };
  }

  @Bean
  JavaDelegate endRecertification() {
    return execution -> service.end(PARTNER_CODE.require(execution), "partner offboarded");
  }

  // ---- variables ----

  /** Idempotency key of a step's mail: process instance, activity and period. */
  private static String mailKey(DelegateExecution execution) {
    Integer period = PERIOD_NO.get(execution);
    return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + (period == null ? "-" : period);
  }

  private static long id(DelegateExecution execution) {
    return RECERTIFICATION_ID.require(execution);
  }

}
