package io.cordon.nda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One test per rule of bpmn/NdaClauseSelection.dmn; each also checks the neighbouring case where the rule must not fire. */
class NdaClauseSelectionTest {

  static final List<String> ALWAYS = List.of("definition-confidential-information", "obligations", "permitted-recipients",
      "return-destroy", "remedies", "term-survival", "no-licence-no-warranty", "entire-agreement", "amendments", "assignment",
      "notices", "severability", "counterparts");
  static final List<String> EU_EEA = List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
      "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");
  static DmnEngine engine;
  static DmnDecision templates;
  static DmnDecision clauses;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("bpmn/NdaClauseSelection.dmn")) {
      for (DmnDecision d : engine.parseDecisions(in)) {
        if (d.getKey().equals(ClauseSelection.TEMPLATE_DECISION)) {
          templates = d;
        } else {
          clauses = d;
        }
      }
    }
  }

  static Map<String, Object> in(String country, String type, String kind, String classification, boolean individuals) {
    return in(country, type, kind, classification, individuals, "GB");
  }

  static Map<String, Object> in(String country, String type, String kind, String classification, boolean individuals,
      String companyCountry) {
    return Map.of("partnerCountry", country, "partnerType", type, "ndaKind", kind, "highestClassification", classification,
        "individualsSign", individuals, "companyCountry", companyCountry);
  }

  /** A partner in {@code country} of a company in {@code companyCountry}. */
  static Map<String, Object> company(String companyCountry, String country) {
    return in(country, "SUPPLIER", "MUTUAL", "CONFIDENTIAL", false, companyCountry);
  }

  static Map<String, Object> base(String country) {
    return in(country, "SUPPLIER", "MUTUAL", "CONFIDENTIAL", false);
  }

  static List<String> clauses(Map<String, Object> input) {
    return engine.evaluateDecisionTable(clauses, input).collectEntries("clauseKey");
  }

  static String template(Map<String, Object> input) {
    return engine.evaluateDecisionTable(templates, input).getSingleResult().getSingleEntry();
  }

  /** The scope check and the disclosure gate demand what RequiredNdaClauses.dmn lists; this table must select it. */
  @Test
  void everyClauseRequiredForAClassificationIsSelectedForIt() throws Exception {
    DmnDecision required;
    try (InputStream in = new FileInputStream("bpmn/RequiredNdaClauses.dmn")) {
      required = engine.parseDecision("RequiredNdaClauses", in);
    }
    for (String classification : List.of("CONFIDENTIAL", "SECRET", "CROWN_JEWEL")) {
      List<String> needed = engine.evaluateDecisionTable(required, Map.of("classification", classification))
          .collectEntries("clauseKey");
      for (String country : List.of("DE", "US", "CN", "GB")) {
        for (String kind : List.of("MUTUAL", "ONE_WAY")) {
          for (String type : List.of("SUPPLIER", "CONTRACT_MANUFACTURER", "DISTRIBUTOR", "RD_PARTNER", "SERVICE_PROVIDER")) {
            assertThat(clauses(in(country, type, kind, classification, false))).as(classification + " " + country + " "
                + kind + " " + type).containsAll(needed);
          }
        }
      }
    }
  }

  @Test
  void chinesePartnerGetsTheBilingualTemplateOfTheRequestedKind() {
    assertThat(template(base("CN"))).isEqualTo("nda-mutual-en-zh");
    assertThat(template(in("CN", "SUPPLIER", "ONE_WAY", "CONFIDENTIAL", false))).isEqualTo("nda-one-way-en-zh");
    assertThat(template(in("HK", "SUPPLIER", "ONE_WAY", "CONFIDENTIAL", false))).isEqualTo("nda-one-way");
  }

  @Test
  void mutualKindElsewhereGetsTheMutualTemplate() {
    assertThat(template(base("DE"))).isEqualTo("nda-mutual");
  }

  @Test
  void oneWayKindElsewhereGetsTheOneWayTemplate() {
    assertThat(template(in("US", "SUPPLIER", "ONE_WAY", "CONFIDENTIAL", false))).isEqualTo("nda-one-way");
  }

  @Test
  void everyNdaGetsTheBaseClausesAndTheBoilerplate() {
    assertThat(clauses(base("GB"))).containsExactlyInAnyOrder(
        "definition-confidential-information", "obligations", "permitted-recipients", "return-destroy", "remedies",
        "term-survival", "no-licence-no-warranty", "entire-agreement", "amendments", "assignment", "notices", "severability",
        "counterparts", "governing-law-england-wales");
    for (String country : List.of("CN", "US", "DE", "JP")) {
      assertThat(clauses(base(country))).as(country).containsAll(ALWAYS);
      assertThat(clauses(company("DE", country))).as("German company, " + country).containsAll(ALWAYS);
    }
  }

  @Test
  void chinesePartnerGetsPrcLawAndForum() {
    assertThat(clauses(base("CN"))).contains("governing-law-prc").doesNotContain("governing-law-england-wales", "governing-law-new-york");
    assertThat(clauses(base("HK"))).doesNotContain("governing-law-prc");
  }

  @Test
  void chinesePartnerGetsTheExplicitConfidentialityMeasures() {
    assertThat(clauses(base("CN"))).contains("confidentiality-measures-prc");
    assertThat(clauses(base("TW"))).doesNotContain("confidentiality-measures-prc");
  }

  @Test
  void usPartnerGetsNewYorkLaw() {
    assertThat(clauses(base("US"))).contains("governing-law-new-york").doesNotContain("governing-law-england-wales");
  }

  @Test
  void otherPartnersGetEnglishLaw() {
    assertThat(clauses(base("JP"))).contains("governing-law-england-wales");
    assertThat(clauses(base("DE"))).contains("governing-law-england-wales").doesNotContain("governing-law-germany");
  }

  @Test
  void germanCompanyGetsGermanLawForEveryPartnerOutsideChina() {
    for (String country : List.of("DE", "FR", "GB", "US", "JP")) {
      List<String> selected = clauses(company("DE", country));
      assertThat(selected).as(country).contains("governing-law-germany")
          .doesNotContain("governing-law-england-wales", "governing-law-new-york", "governing-law-prc");
      assertThat(selected.stream().filter(k -> k.startsWith("governing-law-"))).as(country + ": one governing law").hasSize(1);
    }
    assertThat(clauses(company("DE", "CN"))).contains("governing-law-prc").doesNotContain("governing-law-germany");
    assertThat(clauses(company("FR", "US"))).contains("governing-law-new-york").doesNotContain("governing-law-germany");
  }

  @Test
  void euAndEeaPartnersGetTheTradeSecretsDirectiveClause() {
    for (String country : EU_EEA) {
      assertThat(clauses(base(country))).as(country).contains("trade-secrets-eu");
    }
    for (String country : List.of("GB", "CH", "US", "CN", "TR")) {
      assertThat(clauses(base(country))).as(country).doesNotContain("trade-secrets-eu");
    }
  }

  @Test
  void germanPartnersAndGermanLawGetTheGeschGehGClause() {
    assertThat(clauses(base("DE"))).contains("trade-secrets-germany", "trade-secrets-eu");
    assertThat(clauses(company("DE", "US"))).contains("trade-secrets-germany").doesNotContain("trade-secrets-eu");
    assertThat(clauses(base("AT"))).doesNotContain("trade-secrets-germany");
    assertThat(clauses(base("US"))).doesNotContain("trade-secrets-germany");
    assertThat(clauses(company("DE", "CN"))).as("PRC law governs").doesNotContain("trade-secrets-germany");
  }

  @Test
  void individualsSigningGetSignatureLinesWhereverThePartnerIs() {
    for (String country : List.of("US", "GB", "CN", "DE")) {
      assertThat(clauses(in(country, "SERVICE_PROVIDER", "ONE_WAY", "CONFIDENTIAL", true))).as(country)
          .contains("individual-acknowledgement");
      assertThat(clauses(in(country, "SERVICE_PROVIDER", "ONE_WAY", "CONFIDENTIAL", false))).as(country)
          .doesNotContain("individual-acknowledgement");
    }
  }

  @Test
  void euAndEeaPartnersGetTheDataProtectionClause() {
    for (String country : List.of("DE", "FR", "PL", "NO", "IS")) {
      assertThat(clauses(base(country))).as(country).contains("data-protection-eu");
    }
    for (String country : List.of("GB", "CH", "US", "CN")) {
      assertThat(clauses(base(country))).as(country).doesNotContain("data-protection-eu");
    }
  }

  @Test
  void usIndividualsGetTheWhistleblowerNotice() {
    assertThat(clauses(in("US", "SERVICE_PROVIDER", "ONE_WAY", "CONFIDENTIAL", true))).contains("whistleblower-notice-us");
    assertThat(clauses(in("US", "SERVICE_PROVIDER", "ONE_WAY", "CONFIDENTIAL", false))).doesNotContain("whistleblower-notice-us");
    assertThat(clauses(in("GB", "SERVICE_PROVIDER", "ONE_WAY", "CONFIDENTIAL", true))).doesNotContain("whistleblower-notice-us");
  }

  @Test
  void crownJewelsAddAuditRights() {
    assertThat(clauses(in("GB", "SUPPLIER", "MUTUAL", "CROWN_JEWEL", false))).contains("audit-rights");
    assertThat(clauses(in("GB", "SUPPLIER", "MUTUAL", "SECRET", false))).doesNotContain("audit-rights");
  }

  @Test
  void crownJewelsAddSubTierFlowDown() {
    assertThat(clauses(in("GB", "SUPPLIER", "MUTUAL", "CROWN_JEWEL", false))).contains("sub-tier-flow-down");
    assertThat(clauses(in("GB", "SUPPLIER", "MUTUAL", "SECRET", false))).doesNotContain("sub-tier-flow-down");
  }

  @Test
  void contractManufacturersGetSubTierFlowDown() {
    assertThat(clauses(in("GB", "CONTRACT_MANUFACTURER", "MUTUAL", "CONFIDENTIAL", false))).contains("sub-tier-flow-down");
    assertThat(clauses(in("GB", "DISTRIBUTOR", "MUTUAL", "CONFIDENTIAL", false))).doesNotContain("sub-tier-flow-down");
  }

  @Test
  void secretAndAboveExcludeResiduals() {
    assertThat(clauses(in("GB", "SUPPLIER", "MUTUAL", "SECRET", false))).contains("residuals-exclusion");
    assertThat(clauses(in("GB", "SUPPLIER", "MUTUAL", "CROWN_JEWEL", false))).contains("residuals-exclusion");
    assertThat(clauses(base("GB"))).doesNotContain("residuals-exclusion");
  }

  @Test
  void everyClauseTheTableCanSelectExistsAndChinaSelectionsHaveChinese() {
    ClauseLibrary library = new ClauseLibrary();
    for (String country : List.of("CN", "US", "DE", "GB", "FR")) {
      for (String classification : List.of("CONFIDENTIAL", "SECRET", "CROWN_JEWEL")) {
        for (String type : List.of("SUPPLIER", "CONTRACT_MANUFACTURER")) {
          for (String key : clauses(in(country, type, "MUTUAL", classification, true))) {
            assertThat(library.latest(key)).as(key).isNotNull();
            if (country.equals("CN")) {
              assertThat(library.latest(key).languages()).as(key + " for the bilingual template").contains("zh");
            }
          }
        }
      }
    }
  }
}
