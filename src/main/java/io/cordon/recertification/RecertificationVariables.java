package io.cordon.recertification;

import io.cordon.workflow.Variable;
import java.time.Instant;
import java.util.List;

/**
 * The variables {@code RecertificationProcess} writes itself (IDs, dates and small decisions only). What users submit
 * is in {@link RecertificationForms}; the form gate keeps users from writing any of these.
 */
final class RecertificationVariables {

  static final String PROCESS_KEY = "RecertificationProcess";
  static final String OFFBOARDED_MESSAGE = "PartnerOffboarded";

  static final Variable<String> PARTNER_CODE = Variable.text(RecertificationForms.Start.PARTNER_CODE.name());
  /** The procurement user who onboarded the partner: receives the period's request. */
  static final Variable<String> RESPONSIBLE_USER = Variable.text(RecertificationForms.Start.RESPONSIBLE_USER.name());
  // Period
  static final Variable<String> RISK_TIER = Variable.text("riskTier");
  static final Variable<String> HIGHEST_CLASSIFICATION = Variable.text("highestClassification");
  static final Variable<Integer> RECERTIFICATION_MONTHS = Variable.count("recertificationMonths");
  static final Variable<Long> RECERTIFICATION_ID = Variable.id("recertificationId");
  static final Variable<Integer> PERIOD_NO = Variable.count("periodNo");
  static final Variable<Instant> REQUEST_AT = Variable.time("requestAt");
  static final Variable<Instant> FIRST_REMINDER_AT = Variable.time("firstReminderAt");
  static final Variable<Instant> LAST_REMINDER_AT = Variable.time("lastReminderAt");
  static final Variable<Instant> DUE_AT = Variable.time("dueAt");
  static final Variable<Instant> GRACE_UNTIL = Variable.time("graceUntil");
  // Outcome of the attestation
  static final Variable<Boolean> FLAGGED = Variable.flag("flagged");
  static final Variable<String> ATTESTATION_FINDINGS = Variable.text("attestationFindings");
  static final Variable<List<Long>> ENDING_DISCLOSURE_IDS = Variable.ids("endingDisclosureIds");
  // NDA watch
  static final Variable<String> NDA_REFERENCE = Variable.text("ndaReference");
  static final Variable<Instant> NDA_RENEWAL_AT = Variable.time("ndaRenewalAt");
  static final Variable<Instant> NDA_RENEWAL_REMINDER_AT = Variable.time("ndaRenewalReminderAt");
  static final Variable<Instant> NDA_EXPIRES_AT = Variable.time("ndaExpiresAt");

  private RecertificationVariables() {
  }
}
