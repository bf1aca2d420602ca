package io.cordon.leak;

import io.cordon.nda.CompanyProfile;
import io.cordon.secret.SecretService;
import io.cordon.workflow.Decisions;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The data-protection regulator deadline of a leak involving personal data, from {@code bpmn/RegulatorDeadline.dmn}:
 * hours from discovery per country, for the company's country and every country where the secrets are held; the
 * earliest deadline wins. Legal edits the table in Camunda Modeler (or redeploys it), not the code.
 */
@Component
class RegulatorDeadlines {

  static final String DECISION = "RegulatorDeadline";

  record Deadline(String regime, String country, int hours, Instant due) {
  }

  private final Decisions decisions;
  private final SecretService secrets;
  private final CompanyProfile company;
  private final Duration remindBefore;

  RegulatorDeadlines(Decisions decisions, SecretService secrets, CompanyProfile company,
      @Value("${cordon.leak.regulator-reminder-before:PT24H}") Duration remindBefore) {
    this.decisions = decisions;
    this.secrets = secrets;
    this.company = company;
    this.remindBefore = remindBefore;
  }

  /** The earliest deadline over the countries concerned, counted from {@code discovered}. */
  Deadline earliest(Collection<String> secretCodes, Instant discovered) {
    TreeSet<String> countries = new TreeSet<>();
    if (company.country() != null) {
      countries.add(company.country());
    }
    for (String code : secretCodes) {
      // The register's facts, read on Cordon's authority (the step runs as a job): countries are never shown here.
      countries.addAll(secrets.countriesOf(code));
    }
    if (countries.isEmpty()) {
      countries.add("");
    }
    Deadline earliest = null;
    for (String country : countries) {
      DmnDecisionRuleResult row = decisions.table(DECISION, Map.of("country", country)).getFirstResult();
      if (row == null) {
        continue;
      }
      int hours = ((Number) row.get("hours")).intValue();
      if (earliest == null || hours < earliest.hours()) {
        earliest = new Deadline((String) row.get("regime"), country, hours, discovered.plus(Duration.ofHours(hours)));
      }
    }
    if (earliest == null) {
      throw new IllegalStateException(DECISION + ".dmn gave no deadline for " + countries);
    }
    return earliest;
  }

  /** When to remind of the deadline: {@code cordon.leak.regulator-reminder-before} before it, not before now. */
  Instant reminder(Instant deadline) {
    Instant at = deadline.minus(remindBefore);
    Instant now = LeakService.now();
    return at.isBefore(now) ? now.plusSeconds(60) : at;
  }
}
