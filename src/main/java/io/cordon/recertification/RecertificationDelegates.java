package io.cordon.recertification;

import static io.cordon.recertification.RecertificationVariables.*;

import io.cordon.offboarding.OffboardingService;
import io.cordon.platform.ConflictException;
import io.cordon.platform.FormValues;
import io.cordon.platform.UserErrors;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
      RecertificationService.Profile profile = service.profile(FormValues.string(execution, PARTNER_CODE));
      execution.setVariable(RISK_TIER, profile.riskTier());
      execution.setVariable(HIGHEST_CLASSIFICATION, profile.highestClassification());
    };
  }

  @Bean
  JavaDelegate scheduleRecertification() {
    return execution -> {
      Period period = service.schedule(FormValues.string(execution, PARTNER_CODE), execution.getProcessInstanceId(),
          ((Number) execution.getVariable(RECERTIFICATION_MONTHS)).intValue(), FormValues.string(execution, RISK_TIER),
          FormValues.string(execution, HIGHEST_CLASSIFICATION));
      RecertificationSchedule.Times times = service.times(period);
      execution.setVariable(RECERTIFICATION_ID, period.id());
      execution.setVariable(PERIOD_NO, period.periodNo());
      execution.setVariable(REQUEST_AT, Date.from(times.requestAt()));
      execution.setVariable(FIRST_REMINDER_AT, Date.from(times.firstReminderAt()));
      execution.setVariable(LAST_REMINDER_AT, Date.from(times.lastReminderAt()));
      execution.setVariable(DUE_AT, Date.from(times.dueAt()));
      execution.setVariable(GRACE_UNTIL, Date.from(times.graceUntil()));
    };
  }

  @Bean
  JavaDelegate requestAttestation() {
    return execution -> service.request(id(execution), mailKey(execution), FormValues.string(execution, RESPONSIBLE_USER));
  }

  /**
   * Runs in the transaction of the completing attestation task: a wrong entry is a bad request Tasklist shows, and
   * the task stays open.
   */
  @Bean
  JavaDelegate recordAttestation() {
    return execution -> {
      RecertificationService.Findings findings = UserErrors.reported(
          () -> service.attest(id(execution), (String) execution.getVariable(ATTESTATION)));
      execution.setVariable(FLAGGED, findings.flagged());
      execution.setVariable(ATTESTATION_FINDINGS, findings.summary());
      execution.setVariable(ENDING_DISCLOSURE_IDS, join(findings.noLongerNeeded()));
    };
  }

  @Bean
  JavaDelegate recordAttestationReview() {
    return execution -> {
      List<Long> ending = UserErrors.reported(() -> service.review(id(execution),
          (String) execution.getVariable(REVIEW_DECISION), (String) execution.getVariable(REVIEW_COMMENT)));
      Set<Long> all = new LinkedHashSet<>(ids(execution));
      all.addAll(ending);
      execution.setVariable(ENDING_DISCLOSURE_IDS, join(new ArrayList<>(all)));
    };
  }

  @Bean
  JavaDelegate completeRecertification() {
    return execution -> service.complete(id(execution), ids(execution));
  }

  /**
   * "No longer needed", or legal ended a flagged disclosure: their return or destruction runs as an
   * {@code OffboardingProcess} for those disclosures. One already being returned (another offboarding has it) is left
   * to that offboarding.
   */
  @Bean
  JavaDelegate startReturnOrDestroy(OffboardingService offboarding) {
    return execution -> {
      String partner = FormValues.string(execution, PARTNER_CODE);
      try {
        offboarding.start(partner, ids(execution), "re-certification " + execution.getVariable(PERIOD_NO)
            + ": no longer needed or ended by legal");
      } catch (ConflictException alreadyRunning) {
        log.info("Return or destruction of {} for {} not started: {}", ids(execution), partner, alreadyRunning.getMessage());
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
      var watch = service.ndaWatch(FormValues.string(execution, PARTNER_CODE));
      execution.setVariable(NDA_REFERENCE, watch.map(RecertificationService.NdaWatch::reference).orElse(null));
      watch.ifPresent(w -> {
        execution.setVariable(NDA_RENEWAL_AT, Date.from(w.times().renewalAt()));
        execution.setVariable(NDA_RENEWAL_REMINDER_AT, Date.from(w.times().renewalReminderAt()));
        execution.setVariable(NDA_EXPIRES_AT, Date.from(w.times().expiresAt()));
      });
    };
  }

  @Bean
  JavaDelegate suspendForNdaExpiry() {
    return execution -> service.ndaExpired(FormValues.string(execution, PARTNER_CODE), FormValues.string(execution, NDA_REFERENCE),
        mailKey(execution));
  }

  /** Runs in the transaction of the completing renewal task, after its end of term or before. */
  @Bean
  JavaDelegate recordNdaRenewal() {
    return execution -> {
      FileValue file = execution.getVariableTyped(RENEWAL_DOCUMENT);
      byte[] content = FormValues.file(file, "Upload the signed renewal (PDF or DOCX).");
      LocalDate signed = FormValues.date(execution, RENEWAL_SIGNATURE_DATE, "date of the last signature");
      LocalDate expires = FormValues.date(execution, RENEWAL_EXPIRES_ON, "new end of term");
      UserErrors.run(() -> service.renewNda(FormValues.string(execution, PARTNER_CODE), FormValues.string(execution, NDA_REFERENCE), content,
          file.getFilename(), signed, FormValues.string(execution, RENEWAL_SIGNATORIES), expires));
    };
  }

  @Bean
  JavaDelegate endRecertification() {
    return execution -> service.end(FormValues.string(execution, PARTNER_CODE), "partner offboarded");
  }

  // ---- variables ----

  /** Idempotency key of a step's mail: process instance, activity and period. */
  private static String mailKey(DelegateExecution execution) {
    Object period = execution.getVariable(PERIOD_NO);
    return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + (period == null ? "-" : period);
  }

  private static long id(DelegateExecution execution) {
    return ((Number) execution.getVariable(RECERTIFICATION_ID)).longValue();
  }

  private static List<Long> ids(DelegateExecution execution) {
    String joined = FormValues.string(execution, ENDING_DISCLOSURE_IDS);
    return joined == null ? List.of() : Arrays.stream(joined.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .map(Long::valueOf).toList();
  }

  private static String join(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

}
