package io.cordon.recertification;

/** Names of {@code RecertificationProcess}'s variables (IDs, dates and small decisions only). */
final class RecertificationVariables {

  static final String PROCESS_KEY = "RecertificationProcess";
  static final String OFFBOARDED_MESSAGE = "PartnerOffboarded";

  static final String PARTNER_CODE = "partnerCode";
  /** The procurement user who onboarded the partner: receives the period's request. */
  static final String RESPONSIBLE_USER = "responsibleUser";
  // Period
  static final String RISK_TIER = "riskTier";
  static final String HIGHEST_CLASSIFICATION = "highestClassification";
  static final String RECERTIFICATION_MONTHS = "recertificationMonths";
  static final String RECERTIFICATION_ID = "recertificationId";
  static final String PERIOD_NO = "periodNo";
  static final String REQUEST_AT = "requestAt";
  static final String FIRST_REMINDER_AT = "firstReminderAt";
  static final String LAST_REMINDER_AT = "lastReminderAt";
  static final String DUE_AT = "dueAt";
  static final String GRACE_UNTIL = "graceUntil";
  // Attestation (form) and its outcome
  static final String ATTESTATION = "attestation";
  static final String FLAGGED = "flagged";
  static final String ATTESTATION_FINDINGS = "attestationFindings";
  static final String ENDING_DISCLOSURE_IDS = "endingDisclosureIds";
  static final String REVIEW_DECISION = "reviewDecision";
  static final String REVIEW_COMMENT = "reviewComment";
  // NDA watch
  static final String NDA_REFERENCE = "ndaReference";
  static final String NDA_RENEWAL_AT = "ndaRenewalAt";
  static final String NDA_RENEWAL_REMINDER_AT = "ndaRenewalReminderAt";
  static final String NDA_EXPIRES_AT = "ndaExpiresAt";
  // Renewal (form)
  static final String RENEWAL_DOCUMENT = "renewalDocument";
  static final String RENEWAL_SIGNATURE_DATE = "renewalSignatureDate";
  static final String RENEWAL_SIGNATORIES = "renewalSignatories";
  static final String RENEWAL_EXPIRES_ON = "renewalExpiresOn";

  private RecertificationVariables() {
  }
}
