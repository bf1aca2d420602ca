package io.cordon.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One case per rule of the onboarding decision tables, evaluated by Camunda's DMN engine from the files in bpmn/. */
class OnboardingDecisionsTest {

  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static final DmnDecision RISK_TIER = parse("bpmn/PartnerRiskTier.dmn", "PartnerRiskTier");
  private static final DmnDecision APPROVALS = parse("bpmn/DisclosureApprovalMatrix.dmn", "DisclosureApprovalMatrix");
  private static final DmnDecision INTERVAL = parse("bpmn/RecertificationInterval.dmn", "RecertificationInterval");
  private static final DmnDecision REQUIRED_CLAUSES = parse("bpmn/RequiredNdaClauses.dmn", "RequiredNdaClauses");

  private static DmnDecision parse(String file, String key) {
    try (InputStream in = new FileInputStream(file)) {
      return ENGINE.parseDecision(key, in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Columns: rule, country, type, classification, certified, accessControl, subcontractors, incidents, turnover, tier. */
  @ParameterizedTest(name = "rule {0}: {9}")
  @CsvSource({
      "1,  DE, SUPPLIER,              CROWN_JEWEL,  true,  true,  false, true,  LOW,    CRITICAL",
      "2,  DE, SUPPLIER,              CROWN_JEWEL,  true,  false, false, false, LOW,    CRITICAL",
      "3,  CN, CONTRACT_MANUFACTURER, CROWN_JEWEL,  true,  true,  true,  false, LOW,    CRITICAL",
      "4,  DE, SUPPLIER,              CONFIDENTIAL, true,  true,  false, true,  LOW,    HIGH",
      "5,  DE, SUPPLIER,              CROWN_JEWEL,  true,  true,  true,  false, LOW,    HIGH",
      "6,  US, DISTRIBUTOR,           CONFIDENTIAL, true,  false, false, false, LOW,    HIGH",
      "7,  FR, SERVICE_PROVIDER,      SECRET,       true,  true,  false, false, HIGH,   HIGH",
      "8,  US, RD_PARTNER,            SECRET,       true,  true,  true,  false, LOW,    HIGH",
      "9,  DE, SUPPLIER,              CONFIDENTIAL, true,  true,  true,  false, LOW,    MEDIUM",
      "10, DE, SUPPLIER,              SECRET,       true,  true,  false, false, MEDIUM, MEDIUM",
      "11, DE, SUPPLIER,              CONFIDENTIAL, false, true,  false, false, LOW,    MEDIUM",
      "12, DE, SUPPLIER,              CONFIDENTIAL, true,  true,  false, false, HIGH,   MEDIUM",
      "13, DE, SUPPLIER,              CONFIDENTIAL, true,  true,  false, false, LOW,    LOW"})
  void partnerRiskTierRules(int rule, String country, String type, String classification, boolean certified,
      boolean accessControl, boolean subcontractors, boolean incidents, String turnover, String tier) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("country", country);
    vars.put("partnerType", type);
    vars.put("highestClassification", classification);
    vars.put("securityCertified", certified);
    vars.put("accessControlInPlace", accessControl);
    vars.put("usesSubcontractors", subcontractors);
    vars.put("incidentsLastFiveYears", incidents);
    vars.put("staffTurnover", turnover);
    DmnDecisionTableResult result = ENGINE.evaluateDecisionTable(RISK_TIER, vars);
    assertThat(result.getSingleResult().<String>getEntry("riskTier")).isEqualTo(tier);
    assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys("riskTier", "securityReview");
    // Security reviews high and critical partners: the onboarding's gateway follows the table's column.
    assertThat(result.getSingleResult().<Boolean>getEntry("securityReview")).as("security review for " + tier)
        .isEqualTo(tier.equals("HIGH") || tier.equals("CRITICAL"));
  }

  @Test
  void crownJewelsToAnEuPartnerWithSubcontractorsAreHighNotCritical() {
    Map<String, Object> vars = new HashMap<>(Map.of("country", "DE", "partnerType", "SUPPLIER",
        "highestClassification", "CROWN_JEWEL", "securityCertified", true, "accessControlInPlace", true,
        "usesSubcontractors", true, "incidentsLastFiveYears", false, "staffTurnover", "LOW"));
    assertThat(ENGINE.evaluateDecisionTable(RISK_TIER, vars).getSingleResult().<String>getEntry("riskTier")).isEqualTo("HIGH");
  }

  @ParameterizedTest(name = "{0} to a {1} partner needs {2}")
  @CsvSource({
      "CONFIDENTIAL, CRITICAL, ''",
      "SECRET,       LOW,      OWNER",
      "SECRET,       CRITICAL, OWNER",
      "CROWN_JEWEL,  MEDIUM,   OWNER",
      "CROWN_JEWEL,  HIGH,     OWNER+SECURITY",
      "CROWN_JEWEL,  CRITICAL, OWNER+SECURITY"})
  void disclosureApprovalMatrixRules(String classification, String tier, String approvers) {
    List<String> expected = approvers.isEmpty() ? List.of() : List.of(approvers.split("\\+"));
    DmnDecisionTableResult result = ENGINE.evaluateDecisionTable(APPROVALS, Map.of("classification", classification, "riskTier", tier));
    assertThat(result.collectEntries("approver")).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "an NDA for a {0} needs [{1}]")
  @CsvSource({
      "CONFIDENTIAL, ''",
      "SECRET,       ''",
      "CROWN_JEWEL,  audit-rights+sub-tier-flow-down"})
  void requiredNdaClausesRules(String classification, String clauses) {
    List<String> expected = clauses.isEmpty() ? List.of() : List.of(clauses.split("\\+"));
    DmnDecisionTableResult result = ENGINE.evaluateDecisionTable(REQUIRED_CLAUSES, Map.of("classification", classification));
    assertThat(result.collectEntries("clauseKey")).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "rule {0}: {1} partner holding {2} re-certifies every {3} months")
  @CsvSource({
      "1, CRITICAL, CONFIDENTIAL, 3",
      "2, HIGH,     SECRET,       6",
      "3, LOW,      CROWN_JEWEL,  6",
      "4, MEDIUM,   SECRET,       6",
      "5, MEDIUM,   CONFIDENTIAL, 12",
      "5, LOW,      SECRET,       12"})
  void recertificationIntervalRules(int rule, String tier, String classification, int months) {
    DmnDecisionTableResult result = ENGINE.evaluateDecisionTable(INTERVAL,
        Map.of("riskTier", tier, "highestClassification", classification));
    assertThat(result.getSingleResult().<Integer>getSingleEntry()).isEqualTo(months);
  }
}
