package io.cordon.onboarding;

import io.cordon.workflow.Variable;
import java.util.List;

/**
 * The variables the onboarding, disclosure-request and disclosure-approval models write themselves (service steps,
 * listeners, and what a call activity passes in): IDs, codes and small decisions only. What users submit is in
 * {@link OnboardingForms}; the form gate keeps users from writing any of these.
 */
final class OnboardingVariables {

  // Set by the request check
  static final Variable<String> PARTNER_CODE = Variable.text("partnerCode");
  static final Variable<List<String>> SECRET_CODES = Variable.codes("secretCodes");
  static final Variable<String> HIGHEST_CLASSIFICATION = Variable.text("highestClassification");
  /** The tier the register recorded for the partner (shown to reviewers and approvers). */
  static final Variable<String> RISK_TIER = Variable.text("riskTier");
  /** Whether security reviews the partner: PartnerRiskTier.dmn's answer with the tier (read by the gateway). */
  static final Variable<Boolean> SECURITY_REVIEW = Variable.flag("securityReview");
  /** Whose words the recorded due diligence is: the partner contact's (through its link) or procurement's entry. */
  static final Variable<String> DUE_DILIGENCE_ANSWERED_BY = Variable.text("dueDiligenceAnsweredBy");
  // Disclosure approvals: one DisclosureApprovalProcess per item of approvalItems (CallActivity_DisclosureApprovals)
  static final Variable<String> APPROVAL_ITEMS = Variable.text("approvalItems");
  /** In a DisclosureApprovalProcess: its one approval ({@link ApprovalItem}), passed in by the calling process. */
  static final Variable<String> APPROVAL_ITEM = Variable.text("approvalItem");
  /** In a DisclosureApprovalProcess: the disclosure it decides. */
  static final Variable<Long> DISCLOSURE_ID = Variable.id("disclosureId");
  // Read only by instances started on versions before the call activity (embedded multi-instance sub-process over
  // approvalCount, item loopCounter of approvalItems), so that they finish on their own version.
  static final Variable<Integer> APPROVAL_COUNT = Variable.count("approvalCount");
  static final Variable<Integer> LOOP_COUNTER = Variable.count("loopCounter");
  static final Variable<List<Long>> DISCLOSURE_IDS = Variable.ids("disclosureIds");
  // NDA
  static final Variable<String> NDA_TEMPLATE = Variable.text("ndaTemplate");
  static final Variable<List<String>> CLAUSE_KEYS = Variable.codes("clauseKeys");
  static final Variable<String> NDA_REFERENCE = Variable.text("ndaReference");
  static final Variable<Integer> NDA_VERSION = Variable.count("ndaVersion");
  /** What the NDA needs of the partner and the register lacks, as labels; set when Generate NDA cannot print it. */
  static final Variable<List<String>> MISSING_PARTNER_DATA = Variable.codes("missingPartnerData");
  static final Variable<Integer> RECERTIFICATION_MONTHS = Variable.count("recertificationMonths");
  // Disclosure request
  static final Variable<String> SECRET_CODE = Variable.text("secretCode");
  static final Variable<Boolean> IN_SCOPE = Variable.flag("inScope");
  static final Variable<String> SCOPE_REASON = Variable.text("scopeReason");
  static final Variable<String> PURPOSE = Variable.text("purpose");
  static final Variable<List<String>> PERMITTED_RECIPIENTS = Variable.codes("permittedRecipients");

  private OnboardingVariables() {
  }
}
