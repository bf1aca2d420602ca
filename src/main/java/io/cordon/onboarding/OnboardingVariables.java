package io.cordon.onboarding;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The onboarding's process variables, in one place: IDs, codes and small decisions only. */
final class OnboardingVariables {

  // Start form
  static final String PARTNER_CODE = "partnerCode";
  static final String PARTNER_NAME = "partnerName";
  static final String PARTNER_COUNTRY = "partnerCountry";
  static final String PARTNER_TYPE = "partnerType";
  static final String PARTNER_ADDRESS = "partnerAddress";
  static final String PARTNER_NATIVE_NAME = "partnerNativeName";
  static final String PARTNER_REGISTRATION_ID = "partnerRegistrationId";
  static final String CONTACT_NAME = "contactName";
  static final String CONTACT_EMAIL = "contactEmail";
  static final String PURPOSE = "purpose";
  static final String REQUESTED_SECRET_CODES = "requestedSecretCodes";
  static final String NDA_KIND = "ndaKind";
  static final String INDIVIDUALS_SIGN = "individualsSign";
  // Set by the request check; inputs of the decisions
  static final String SECRET_CODES = "secretCodes";
  static final String HIGHEST_CLASSIFICATION = "highestClassification";
  static final String COUNTRY = "country";
  static final String SECURITY_CERTIFIED = "securityCertified";
  static final String RISK_TIER = "riskTier";
  // Due-diligence form
  static final String SECURITY_CERTIFICATIONS = "securityCertifications";
  static final String ACCESS_CONTROL = "accessControlInPlace";
  static final String USES_SUBCONTRACTORS = "usesSubcontractors";
  static final String INCIDENTS = "incidentsLastFiveYears";
  static final String DATA_LOCATION = "dataLocation";
  static final String STAFF_TURNOVER = "staffTurnover";
  static final String PRIVACY_REGIME = "privacyRegime";
  static final String FINDINGS = "findings";
  // Reviews
  static final String SECURITY_DECISION = "securityDecision";
  static final String SECURITY_COMMENT = "securityComment";
  static final String REJECTED_BY = "rejectedBy";
  static final String REJECTION_REASON = "rejectionReason";
  // Disclosure approvals (multi-instance over approvalCount; item i of approvalItems per instance)
  static final String APPROVAL_ITEMS = "approvalItems";
  static final String APPROVAL_COUNT = "approvalCount";
  static final String LOOP_COUNTER = "loopCounter";
  static final String DISCLOSURE_ID = "disclosureId";
  static final String APPROVAL_DECISION = "approvalDecision";
  static final String APPROVAL_COMMENT = "approvalComment";
  // NDA
  static final String NDA_TEMPLATE = "ndaTemplate";
  static final String CLAUSE_KEYS = "clauseKeys";
  static final String NDA_REFERENCE = "ndaReference";
  static final String NDA_VERSION = "ndaVersion";
  static final String NDA_FALLBACKS = "ndaFallbacks";
  static final String LEGAL_DECISION = "legalDecision";
  static final String LEGAL_COMMENT = "legalComment";
  static final String SIGNED_NDA_FILE = "signedNdaFile";
  static final String SIGNATURE_DATE = "signatureDate";
  static final String SIGNATORIES = "signatories";
  // Signature and activation
  static final String RECERTIFICATION_MONTHS = "recertificationMonths";
  // Disclosure request
  static final String SECRET_CODE = "secretCode";
  static final String PERMITTED_RECIPIENTS = "permittedRecipients";
  static final String IN_SCOPE = "inScope";
  static final String SCOPE_REASON = "scopeReason";
  static final String DISCLOSURE_IDS = "disclosureIds";
  static final String WITHDRAWAL_REASON = "withdrawalReason";

  private OnboardingVariables() {
  }

  static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  static boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  /** Legal's fallback choices, one per line: {@code clause-key=fallback-key}. */
  static Map<String, String> fallbacks(VariableScope scope) {
    String text = string(scope, NDA_FALLBACKS);
    Map<String, String> choices = new LinkedHashMap<>();
    if (text != null) {
      for (String line : text.split("[\\r\\n,]+")) {
        if (line.isBlank()) {
          continue;
        }
        String[] pair = line.split("=", 2);
        if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
          throw new IllegalArgumentException("Write each fallback as clause-key=fallback-key, not '" + line.trim() + "'.");
        }
        choices.put(pair[0].trim(), pair[1].trim());
      }
    }
    return choices;
  }

  static List<String> codes(VariableScope scope, String name) {
    String value = string(scope, name);
    return value == null || value.isBlank() ? List.of()
        : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }
}
