package io.cordon.offboarding;

import io.cordon.workflow.Field;
import io.cordon.workflow.FormContract;
import io.cordon.workflow.ProcessForms;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

/** The forms of {@code OffboardingProcess}: its start (Tasklist, REST or another process) and the upload task. */
@Component
class OffboardingForms implements ProcessForms {

  /** Start form (bpmn/forms/OffboardingRequest.form); the REST API and re-certification also name disclosures. */
  static final class Request {
    static final Field<String> PARTNER_CODE = Field.text("partnerCode", "partner code", 16).required();
    static final Field<String> REASON = Field.text("offboardingReason", "reason", 500).required();
    /** Comma-separated disclosure ids; empty for the whole relationship. */
    static final Field<String> DISCLOSURE_IDS = Field.text("disclosureIds", "disclosure ids", 20_000);
  }

  /** Task_UploadSignedCertificate (bpmn/forms/OffboardingSignedCertificate.html). */
  static final class Certificate {
    static final Field<FileValue> FILE = Field.file("signedCertificateFile", "signed certificate of return or destruction (PDF or DOCX)");
    static final Field<LocalDate> SIGNATURE_DATE = Field.date("signatureDate", "date of the signature");
    static final Field<String> SIGNATORY = Field.text("signatory", "signatory", 500);
    static final Field<String> OUTCOME_FOR_ALL = Field.choice("outcomeForAll", "outcome", "RETURNED", "DESTROYED",
        OffboardingVariables.PER_ITEM);
    /** Per item: {@code TS-0001=RETURNED,TS-0002=DESTROYED}. */
    static final Field<String> ITEM_OUTCOMES = Field.text("itemOutcomes", "outcome per item", 20_000);
  }

  @Override
  public List<FormContract> contracts() {
    String process = OffboardingService.PROCESS;
    return List.of(
        FormContract.start(process, "StartEvent_OffboardingRequested", "The offboarding request", Request.PARTNER_CODE,
            Request.REASON, Request.DISCLOSURE_IDS),
        FormContract.task(process, "Task_UploadSignedCertificate", "Upload signed certificate", Certificate.FILE,
            Certificate.SIGNATURE_DATE, Certificate.SIGNATORY, Certificate.OUTCOME_FOR_ALL, Certificate.ITEM_OUTCOMES));
  }
}
