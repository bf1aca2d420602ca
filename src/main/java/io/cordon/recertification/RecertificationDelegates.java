package io.cordon.recertification;

import static io.cordon.recertification.RecertificationVariables.*;

import io.cordon.offboarding.OffboardingService;
import io.cordon.platform.ConflictException;
import io.cordon.platform.InvalidInputException;
import io.cordon.platform.UserErrors;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
      RecertificationService.Profile profile = service.profile(string(execution, PARTNER_CODE));
      execution.setVariable(RISK_TIER, profile.riskTier());
      execution.setVariable(HIGHEST_CLASSIFICATION, profile.highestClassification());
    };
  }

  @Bean
  JavaDelegate scheduleRecertification() {
    return execution -> {
      Period period = service.schedule(string(execution, PARTNER_CODE), execution.getProcessInstanceId(),
          ((Number) execution.getVariable(RECERTIFICATION_MONTHS)).intValue(), string(execution, RISK_TIER),
          string(execution, HIGHEST_CLASSIFICATION));
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
    return execution -> service.request(id(execution), mailKey(execution), string(execution, RESPONSIBLE_USER));
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
      String partner = string(execution, PARTNER_CODE);
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
      var watch = service.ndaWatch(string(execution, PARTNER_CODE));
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
    return execution -> service.ndaExpired(string(execution, PARTNER_CODE), string(execution, NDA_REFERENCE),
        mailKey(execution));
  }

  /** Runs in the transaction of the completing renewal task, after its end of term or before. */
  @Bean
  JavaDelegate recordNdaRenewal() {
    return execution -> {
      FileValue file = execution.getVariableTyped(RENEWAL_DOCUMENT);
      UserErrors.reported(() -> {
        service.renewNda(string(execution, PARTNER_CODE), string(execution, NDA_REFERENCE), bytes(file),
            file == null ? null : file.getFilename(), date(execution, RENEWAL_SIGNATURE_DATE, "signature date"),
            string(execution, RENEWAL_SIGNATORIES), date(execution, RENEWAL_EXPIRES_ON, "new end of term"));
        return null;
      });
    };
  }

  @Bean
  JavaDelegate endRecertification() {
    return execution -> service.end(string(execution, PARTNER_CODE), "partner offboarded");
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
    String joined = string(execution, ENDING_DISCLOSURE_IDS);
    return joined == null ? List.of() : Arrays.stream(joined.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .map(Long::valueOf).toList();
  }

  private static String join(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static String string(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static LocalDate date(DelegateExecution execution, String name, String label) {
    Object value = execution.getVariable(name);
    if (value instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), java.time.ZoneOffset.UTC);
    }
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInputException("Give the " + label + ".");
    }
    try {
      return LocalDate.parse(value.toString().strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("The " + label + " must be a date such as 2026-05-31.");
    }
  }

  private static byte[] bytes(FileValue file) {
    if (file == null || file.getValue() == null) {
      return null;
    }
    try (InputStream in = file.getValue()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("The uploaded file could not be read", e);
    }
  }
}
