package io.cordon.offboarding;

import io.cordon.platform.FormValues;
import io.cordon.platform.UserErrors;

import static io.cordon.offboarding.OffboardingVariables.*;

import io.cordon.offboarding.OffboardingView.Item;
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
      String partnerCode = string(execution, PARTNER_CODE);
      OffboardingService.Opened opened = UserErrors.reported(() -> service.open(partnerCode, ids(execution, DISCLOSURE_IDS),
          string(execution, OFFBOARDING_REASON), execution.getProcessInstanceId()));
      execution.setProcessBusinessKey(partnerCode);
      execution.setVariable(OFFBOARDING_ID, opened.offboardingId());
      execution.setVariable(WHOLE_RELATIONSHIP, opened.wholeRelationship());
      execution.setVariable(DISCLOSURE_IDS, opened.items().stream().map(i -> String.valueOf(i.disclosureId()))
          .collect(Collectors.joining(",")));
      execution.setVariable(SECRET_CODES, opened.items().stream().map(Item::secretCode).distinct()
          .collect(Collectors.joining(",")));
      execution.setVariable(OFFBOARDING_ITEMS, opened.items().stream()
          .map(i -> i.disclosureId() + ":" + i.secretCode() + ":" + i.ndaReference()).collect(Collectors.joining(",")));
    };
  }

  /** A job (asyncBefore with retries): a failure becomes an incident with the generator's message. */
  @Bean
  JavaDelegate generateOffboardingCertificates() {
    return execution -> execution.setVariable(NDA_REFERENCES,
        String.join(",", service.generateCertificates(id(execution, OFFBOARDING_ID))));
  }

  /** Runs while procurement completes the upload task: problems are reported there, and the task stays open. */
  @Bean
  JavaDelegate recordSignedCertificate() {
    return execution -> {
      FileValue file = execution.getVariableTyped(SIGNED_CERTIFICATE_FILE);
      byte[] content = FormValues.file(file, "Upload the signed certificate of return or destruction (PDF or DOCX).");
      LocalDate signed = FormValues.date(execution, SIGNATURE_DATE, "date of the signature");
      List<String> secretCodes = List.of(string(execution, SECRET_CODES).split(","));
      UserErrors.run(() -> service.recordSignedCertificate(id(execution, OFFBOARDING_ID), content, file.getFilename(), signed,
          string(execution, SIGNATORY), outcomes(execution, secretCodes)));
      // The signed copy now lives in the document store with its hash; the process keeps only the offboarding id.
      execution.removeVariable(SIGNED_CERTIFICATE_FILE);
    };
  }

  @Bean
  JavaDelegate closeOffboardedDisclosures() {
    return execution -> execution.setVariable(WHOLE_RELATIONSHIP, service.closeDisclosures(id(execution, OFFBOARDING_ID)));
  }

  @Bean
  JavaDelegate offboardPartner() {
    return execution -> service.offboardPartner(id(execution, OFFBOARDING_ID));
  }

  /** Execution listener (end) of the process: a cancelled instance frees the partner for a new offboarding. */
  @Bean
  ExecutionListener offboardingEnded() {
    return execution -> service.processEnded(execution.getProcessInstanceId());
  }
}
