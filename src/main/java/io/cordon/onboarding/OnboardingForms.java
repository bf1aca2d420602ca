package io.cordon.onboarding;

import io.cordon.nda.NdaKind;
import io.cordon.partner.PartnerType;
import io.cordon.workflow.Field;
import io.cordon.workflow.FormContract;
import io.cordon.workflow.ProcessForms;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

/**
 * The forms of {@code PartnerOnboardingProcess}, {@code DisclosureRequestProcess} and the {@code DisclosureApprovalProcess}
 * both call: what each start and user task accepts, and how the step after it reads the answer. Nothing else can be
 * submitted to them.
 */
@Component
class OnboardingForms implements ProcessForms {

  static final String ONBOARDING = "PartnerOnboardingProcess";
  static final String DISCLOSURE_REQUEST = "DisclosureRequestProcess";
  static final String DISCLOSURE_APPROVAL = "DisclosureApprovalProcess";

  /** Start form of the onboarding (bpmn/forms/OnboardingRequest.form). */
  static final class Request {
    static final Field<String> PARTNER_CODE = Field.text("partnerCode", "existing partner code", 16);
    static final Field<String> PARTNER_NAME = Field.text("partnerName", "partner's legal name", 200);
    static final Field<String> PARTNER_NATIVE_NAME = Field.text("partnerNativeName", "name in native script", 200);
    static final Field<String> PARTNER_COUNTRY = Field.text("partnerCountry", "country (ISO code)", 2);
    static final Field<String> PARTNER_TYPE = Field.choice("partnerType", "partner type", PartnerType.class);
    static final Field<String> PARTNER_REGISTRATION_ID = Field.text("partnerRegistrationId", "registration number", 64);
    static final Field<String> PARTNER_ADDRESS = Field.text("partnerAddress", "registered address", 500);
    static final Field<String> CONTACT_NAME = Field.text("contactName", "contact name", 100);
    static final Field<String> CONTACT_EMAIL = Field.text("contactEmail", "contact e-mail", 254);
    static final Field<String> PURPOSE = Field.text("purpose", "purpose", 2000).required();
    static final Field<String> SECRET_CODES = Field.text("requestedSecretCodes", "requested secret codes", 2000).required();
    static final Field<String> NDA_KIND = Field.choice("ndaKind", "NDA kind", NdaKind.class).required();
    static final Field<Boolean> INDIVIDUALS_SIGN = Field.flag("individualsSign", "individuals sign");
  }

  /** Task_ReviewDueDiligence (bpmn/forms/DueDiligence.html). */
  static final class DueDiligence {
    static final Field<String> CERTIFICATIONS = Field.text("securityCertifications", "security certifications", 500);
    static final Field<Boolean> ACCESS_CONTROL = Field.flag("accessControlInPlace", "access control in place");
    static final Field<Boolean> SUBCONTRACTORS = Field.flag("usesSubcontractors", "uses subcontractors");
    static final Field<Boolean> INCIDENTS = Field.flag("incidentsLastFiveYears", "incidents in the last five years");
    static final Field<String> DATA_LOCATION = Field.text("dataLocation", "data location", 200);
    static final Field<String> STAFF_TURNOVER = Field.choice("staffTurnover", "staff turnover", "LOW", "MEDIUM", "HIGH").required();
    static final Field<String> PRIVACY_REGIME = Field.text("privacyRegime", "privacy regime", 200);
    static final Field<String> FINDINGS = Field.text("findings", "findings", 4000).required();
  }

  /** Task_ReviewSecurity (bpmn/forms/SecurityReview.html). */
  static final class SecurityReview {
    static final Field<String> DECISION = Field.choice("securityDecision", "security decision", "APPROVE", "MORE_INFO", "REJECT").required();
    static final Field<String> COMMENT = Field.text("securityComment", "reason or question", 4000).required();
  }

  /** Task_ReviewNda (bpmn/forms/NdaReview.html). */
  static final class NdaReview {
    static final Field<String> DECISION = Field.choice("legalDecision", "legal decision", "APPROVE", "CHANGE_CLAUSES", "REJECT").required();
    static final Field<String> FALLBACKS = Field.text("ndaFallbacks", "fallback positions", 4000);
    static final Field<String> COMMENT = Field.text("legalComment", "comment", 4000);
  }

  /** Task_CompletePartnerData (bpmn/forms/CompletePartnerData.html): a blank field keeps the register's value. */
  static final class PartnerData {
    static final Field<String> ADDRESS = Field.text("partnerAddress", "registered address", 500);
    static final Field<String> REGISTRATION_ID = Field.text("partnerRegistrationId", "registration number", 64);
    static final Field<String> NATIVE_NAME = Field.text("partnerNativeName", "name in native script", 200);
  }

  /** Task_RecordSignedNda (bpmn/forms/SignedNda.html). */
  static final class SignedNda {
    static final Field<String> DECISION = Field.choice("signedDecision", "outcome", "SIGNED", "WITHDRAW").required();
    static final Field<FileValue> FILE = Field.file("signedNdaFile", "signed NDA (PDF or DOCX)");
    static final Field<LocalDate> SIGNATURE_DATE = Field.date("signatureDate", "date of the last signature");
    static final Field<String> SIGNATORIES = Field.text("signatories", "signatories", 1000);
    static final Field<String> WITHDRAWAL_REASON = Field.text("withdrawalReason", "reason for withdrawing", 2000);
  }

  /** Task_ApproveDisclosure of DisclosureApprovalProcess (bpmn/forms/ApproveDisclosure.html). */
  static final class Approval {
    static final Field<String> DECISION = Field.choice("approvalDecision", "decision", "APPROVED", "DECLINED").required();
    static final Field<String> COMMENT = Field.text("approvalComment", "comment", 500);
  }

  /** Start form of the disclosure request (bpmn/forms/DisclosureRequest.form). */
  static final class DisclosureRequest {
    static final Field<String> PARTNER_CODE = Field.text("partnerCode", "partner code", 16).required();
    static final Field<String> SECRET_CODE = Field.text("secretCode", "secret code", 16).required();
    static final Field<String> PURPOSE = Field.text("purpose", "purpose", 2000).required();
    static final Field<String> PERMITTED_RECIPIENTS = Field.text("permittedRecipients", "permitted recipients", 1000);
  }

  /** Task_AmendNda (bpmn/forms/NdaAmendment.form). */
  static final class Amendment {
    static final Field<String> NOTE = Field.text("amendmentNote", "amendment note", 2000).required();
  }

  @Override
  public List<FormContract> contracts() {
    return List.of(
        FormContract.start(ONBOARDING, "StartEvent_OnboardingRequested", "The onboarding request", Request.PARTNER_CODE,
            Request.PARTNER_NAME, Request.PARTNER_NATIVE_NAME, Request.PARTNER_COUNTRY, Request.PARTNER_TYPE,
            Request.PARTNER_REGISTRATION_ID, Request.PARTNER_ADDRESS, Request.CONTACT_NAME, Request.CONTACT_EMAIL,
            Request.PURPOSE, Request.SECRET_CODES, Request.NDA_KIND, Request.INDIVIDUALS_SIGN),
        FormContract.task(ONBOARDING, "Task_ReviewDueDiligence", "Review due diligence", DueDiligence.CERTIFICATIONS,
            DueDiligence.ACCESS_CONTROL, DueDiligence.SUBCONTRACTORS, DueDiligence.INCIDENTS, DueDiligence.DATA_LOCATION,
            DueDiligence.STAFF_TURNOVER, DueDiligence.PRIVACY_REGIME, DueDiligence.FINDINGS),
        FormContract.task(ONBOARDING, "Task_ReviewSecurity", "Review partner security", SecurityReview.DECISION,
            SecurityReview.COMMENT),
        FormContract.task(ONBOARDING, "Task_CompletePartnerData", "Complete partner data", PartnerData.ADDRESS,
            PartnerData.REGISTRATION_ID, PartnerData.NATIVE_NAME),
        FormContract.task(ONBOARDING, "Task_ReviewNda", "Review NDA", NdaReview.DECISION, NdaReview.FALLBACKS,
            NdaReview.COMMENT),
        FormContract.task(ONBOARDING, "Task_RecordSignedNda", "Record signed NDA", SignedNda.DECISION, SignedNda.FILE,
            SignedNda.SIGNATURE_DATE, SignedNda.SIGNATORIES, SignedNda.WITHDRAWAL_REASON),
        FormContract.start(DISCLOSURE_REQUEST, "StartEvent_DisclosureRequested", "The disclosure request",
            DisclosureRequest.PARTNER_CODE, DisclosureRequest.SECRET_CODE, DisclosureRequest.PURPOSE,
            DisclosureRequest.PERMITTED_RECIPIENTS),
        FormContract.task(DISCLOSURE_REQUEST, "Task_AmendNda", "Amend the NDA", Amendment.NOTE),
        FormContract.task(DISCLOSURE_APPROVAL, "Task_ApproveDisclosure", "Approve disclosure", Approval.DECISION,
            Approval.COMMENT),
        // The same task inside the embedded sub-process of versions before the call activity: their open approvals
        // are completed with the same answer, so those instances finish on their own version.
        FormContract.task(ONBOARDING, "Task_ApproveDisclosure", "Approve disclosure", Approval.DECISION, Approval.COMMENT),
        FormContract.task(DISCLOSURE_REQUEST, "Task_ApproveDisclosure", "Approve disclosure", Approval.DECISION,
            Approval.COMMENT));
  }
}
