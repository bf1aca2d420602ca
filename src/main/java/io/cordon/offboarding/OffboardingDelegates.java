package io.cordon.offboarding;

import io.cordon.platform.UserErrors;

import static io.cordon.offboarding.OffboardingVariables.*;

import io.cordon.offboarding.OffboardingForms.Certificate;
import io.cordon.offboarding.OffboardingForms.Request;
import io.cordon.offboarding.OffboardingView.Item;
import io.cordon.workflow.Field;
import java.util.Arrays;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The offboarding model's delegates: each reads variables, calls one {@link OffboardingService} method and writes the
 * result variables. Referenced from the BPMN by bean name.
 */
@Configuration
class OffboardingDelegates {

  private final OffboardingService service;

  OffboardingDelegates(OffboardingService service) {
    this.service = service;
  }

  /** Runs as the instance starts (Tasklist, REST or another process): a refused request starts nothing. */
  @Bean
  JavaDelegate checkOffboardingRequest() {
    return execution -> {
      String partnerCode = Request.PARTNER_CODE.read(execution);
      List<Long> requested = UserErrors.reported(() -> disclosureIds(Request.DISCLOSURE_IDS.read(execution)));
      OffboardingService.Opened opened = UserErrors.reported(() -> service.open(partnerCode, requested,
          Request.REASON.read(execution), execution.getProcessInstanceId()));
      execution.setProcessBusinessKey(partnerCode);
      // The register's code from here on, not the start form's text (reminders and the partner's links read it).
      PARTNER_CODE.set(execution, partnerCode);
      OFFBOARDING_ID.set(execution, opened.offboardingId());
      WHOLE_RELATIONSHIP.set(execution, opened.wholeRelationship());
      DISCLOSURE_IDS.set(execution, opened.items().stream().map(Item::disclosureId).toList());
      SECRET_CODES.set(execution, opened.items().stream().map(Item::secretCode).toList());
      OFFBOARDING_ITEMS.set(execution, opened.items().stream()
          .map(i -> i.disclosureId() + ":" + i.secretCode() + ":" + i.ndaReference()).collect(Collectors.joining(",")));
    };
  }

  /** A job (asyncBefore with retries): a failure becomes an incident with the generator's message. */
  @Bean
  JavaDelegate generateOffboardingCertificates() {
    return execution -> NDA_REFERENCES.set(execution, service.generateCertificates(OFFBOARDING_ID.require(execution)));
  }

  /** Runs while procurement completes the upload task: problems are reported there, and the task stays open. */
  @Bean
  JavaDelegate recordSignedCertificate() {
    return execution -> {
      FileValue file = Certificate.FILE.read(execution);
      byte[] content = Field.bytes(file, Certificate.FILE.label());
      LocalDate signed = Certificate.SIGNATURE_DATE.read(execution);
      List<String> secretCodes = SECRET_CODES.get(execution);
      UserErrors.run(() -> service.recordSignedCertificate(OFFBOARDING_ID.require(execution), content, file.getFilename(),
          signed, Certificate.SIGNATORY.read(execution), outcomes(execution, secretCodes)));
      // The signed copy now lives in the document store with its hash; the process keeps only the offboarding id.
      execution.removeVariable(Certificate.FILE.name());
    };
  }

  @Bean
  JavaDelegate closeOffboardedDisclosures() {
    return execution -> WHOLE_RELATIONSHIP.set(execution, service.closeDisclosures(OFFBOARDING_ID.require(execution)));
  }

  @Bean
  JavaDelegate offboardPartner() {
    return execution -> service.offboardPartner(OFFBOARDING_ID.require(execution));
  }

  /** Execution listener (end) of the process: a cancelled instance frees the partner for a new offboarding. */
  @Bean
  ExecutionListener offboardingEnded() {
    return execution -> service.processEnded(execution.getProcessInstanceId());
  }

  /** The disclosure ids the request names (comma-separated); a token that is not a number is refused with its text. */
  private static List<Long> disclosureIds(String text) {
    return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).map(t -> {
      try {
        return Long.valueOf(t);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + t + "' is not a disclosure id (a number).");
      }
    }).distinct().toList();
  }
}
