package io.cordon.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One case per rule of bpmn/RegulatorDeadline.dmn, evaluated by Camunda's DMN engine from the file. */
class RegulatorDeadlineTest {

  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static final DmnDecision DEADLINE = parse();

  private static DmnDecision parse() {
    try (InputStream in = new FileInputStream("bpmn/RegulatorDeadline.dmn")) {
      return ENGINE.parseDecision(RegulatorDeadlines.DECISION, in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}: {1}, {2} h")
  @CsvSource({"DE, GDPR, 72", "FR, GDPR, 72", "NO, GDPR, 72", "GB, UK_GDPR, 72", "CN, PIPL, 24", "US, US_STATE, 720",
      "JP, DEFAULT, 72", "'', DEFAULT, 72"})
  void hoursFromDiscoveryPerCountry(String country, String regime, int hours) {
    DmnDecisionRuleResult row = ENGINE.evaluateDecisionTable(DEADLINE, Map.of("country", country)).getFirstResult();
    assertThat((String) row.getEntry("regime")).isEqualTo(regime);
    assertThat(((Number) row.getEntry("hours")).intValue()).isEqualTo(hours);
  }
}
