package io.cordon.recertification;

import io.cordon.workflow.Field;
import io.cordon.workflow.FormContract;
import io.cordon.workflow.ProcessForms;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

/**
 * The forms of {@code RecertificationProcess}: what its start (Cordon's own, when a partner becomes active) and each
 * user task accept, and how the step after it reads the answer.
 */
@Component
class RecertificationForms implements ProcessForms {

  /** The start, made by Cordon when onboarding completes ({@link RecertificationStarter}). */
  static final class Start {
    static final Field<String> PARTNER_CODE = Field.text("partnerCode", "partner code", 16).required();
    static final Field<String> RESPONSIBLE_USER = Field.text("responsibleUser", "responsible procurement user", 64);
  }

  /** Task_Attest and Task_AttestLate (bpmn/forms/Attestation.html): one JSON answer per disclosure. */
  static final Field<String> ATTESTATION = Field.text("attestation", "attestation", 1_000_000).required();

  /** Task_ReviewAttestation (bpmn/forms/ReviewAttestation.html). */
  static final class Review {
    static final Field<String> DECISION = Field.choice("reviewDecision", "review decision", "ACCEPT", "END_FLAGGED").required();
    static final Field<String> COMMENT = Field.text("reviewComment", "reason for the decision", 2000).required();
  }

  /** Task_RenewNda and Task_RenewExpiredNda (bpmn/forms/RenewNda.html). */
  static final class Renewal {
    static final Field<FileValue> DOCUMENT = Field.file("renewalDocument", "signed renewal (PDF or DOCX)");
    static final Field<LocalDate> SIGNATURE_DATE = Field.date("renewalSignatureDate", "date of the last signature");
    static final Field<String> SIGNATORIES = Field.text("renewalSignatories", "signatories", 1000);
    static final Field<LocalDate> EXPIRES_ON = Field.date("renewalExpiresOn", "new end of term");
  }

  @Override
  public List<FormContract> contracts() {
    String process = RecertificationVariables.PROCESS_KEY;
    return List.of(
        FormContract.start(process, "StartEvent_PartnerActive", "The re-certification start", Start.PARTNER_CODE,
            Start.RESPONSIBLE_USER),
        FormContract.task(process, "Task_Attest", "Attest re-certification", ATTESTATION),
        FormContract.task(process, "Task_AttestLate", "Resolve lapsed re-certification", ATTESTATION),
        FormContract.task(process, "Task_ReviewAttestation", "Review attestation findings", Review.DECISION, Review.COMMENT),
        FormContract.task(process, "Task_RenewNda", "Renew NDA", Renewal.DOCUMENT, Renewal.SIGNATURE_DATE,
            Renewal.SIGNATORIES, Renewal.EXPIRES_ON),
        FormContract.task(process, "Task_RenewExpiredNda", "Renew expired NDA", Renewal.DOCUMENT, Renewal.SIGNATURE_DATE,
            Renewal.SIGNATORIES, Renewal.EXPIRES_ON),
        FormContract.message(RecertificationVariables.OFFBOARDED_MESSAGE));
  }
}
