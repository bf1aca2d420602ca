package io.cordon.leak;

import io.cordon.workflow.Variable;
import java.time.Instant;
import java.util.List;

/**
 * The variables {@code LeakResponseProcess} writes itself: ids, codes and the small decisions its gateways read. What
 * users submit is in {@link LeakForms}; the form gate keeps users from writing any of these.
 */
final class LeakVariables {

  static final Variable<Long> INCIDENT_ID = Variable.id("incidentId");
  static final Variable<String> INCIDENT_CODE = Variable.text("incidentCode");
  /** The secrets of the incident (also read by reminder and escalation mails, which show codes only). */
  static final Variable<List<String>> SECRET_CODES = Variable.codes("secretCodes");
  /** From the recorded report: the data-protection branch. */
  static final Variable<Boolean> PERSONAL_DATA = Variable.flag("personalDataInvolved");
  /** Written by the assessment step: confirmed or unknown (contain), or not confirmed (close). */
  static final Variable<Boolean> CONTAIN = Variable.flag("leakToContain");
  /** Written by the assessment step: partners the assessment suspects, for legal action. */
  static final Variable<List<String>> SUSPECTED_PARTNERS = Variable.codes("suspectedPartnerCodes");
  static final Variable<Boolean> HAS_SUSPECTS = Variable.flag("hasSuspectedPartners");
  /** The partner one legal-action instance is about (the multi-instance element variable). */
  static final Variable<String> PARTNER_CODE = Variable.text("partnerCode");
  /** Written by the notification step: the regulator deadline and when to remind of it. */
  static final Variable<Instant> REGULATOR_DEADLINE = Variable.time("regulatorDeadline");
  static final Variable<Instant> REGULATOR_REMINDER = Variable.time("regulatorReminder");

  private LeakVariables() {
  }
}
