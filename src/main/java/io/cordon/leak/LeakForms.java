package io.cordon.leak;

import io.cordon.workflow.Field;
import io.cordon.workflow.FormContract;
import io.cordon.workflow.ProcessForms;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** The forms of {@code LeakResponseProcess}: the report (Tasklist or REST) and each user task's answer. */
@Component
class LeakForms implements ProcessForms {

  /** Start form (bpmn/forms/LeakReport.form) and POST /api/incidents. No file field: Cordon holds no secret content. */
  static final class Report {
    /** Comma-separated secret codes. */
    static final Field<String> SECRET_CODES = Field.text("leakSecretCodes", "secret codes", 2_000).required();
    static final Field<String> NOTICED_HOW = Field.text("noticedHow", "how the leak was noticed", 2_000).required();
    static final Field<String> SUSPECTED = Field.text("suspected", "suspected partners or people", 2_000);
    static final Field<LocalDate> SINCE = Field.date("leakSince", "since when");
    static final Field<Boolean> PERSONAL_DATA = Field.flag("personalData", "personal data involved");
  }

  /** Task_AssessLeak (bpmn/forms/LeakAssessment.form): legal and security. */
  static final class Assessment {
    static final Field<String> OUTCOME = Field.choice("assessment", "assessment", LeakService.Assessment.class).required();
    /** Comma-separated partner codes of the holders suspected. */
    static final Field<String> SUSPECTED_PARTNERS = Field.text("suspectedPartners", "suspected holders (partner codes)", 4_000);
    static final Field<String> NOTE = Field.text("assessmentNote", "assessment note", 2_000);
  }

  /** Task_DecideContainment (bpmn/forms/LeakContainment.form): security. */
  static final class Containment {
    static final Field<String> SCOPE = Field.choice("containmentScope", "suspend disclosures to", LeakService.Scope.class).required();
    static final Field<String> NOTE = Field.text("containmentNote", "cause recorded on the suspension", 500);
  }

  /** Task_AssessDataProtection (bpmn/forms/LeakDataProtection.form): legal, by the regulator deadline. */
  static final class DataProtection {
    static final Field<String> OUTCOME = Field.choice("dataProtectionOutcome", "data-protection outcome",
        LeakService.DpaOutcome.class).required();
    static final Field<String> NOTE = Field.text("dataProtectionNote", "data-protection note", 2_000);
  }

  /** Task_DecideLegalAction (bpmn/forms/LeakLegalAction.form): legal, once per suspected partner. */
  static final class LegalAction {
    static final Field<String> ACTION = Field.choice("legalAction", "legal action", LeakService.Action.class).required();
    static final Field<String> NOTE = Field.text("legalActionNote", "legal action note", 2_000);
  }

  /** Task_CloseIncident (bpmn/forms/LeakClosure.form): security. */
  static final class Closure {
    static final Field<String> SUMMARY = Field.text("incidentSummary", "summary", 4_000).required();
    static final Field<String> LESSONS = Field.text("lessons", "lessons learned", 4_000);
    /** Comma-separated protection measures to add to the secrets (ACCESS_CONTROL, MARKING, ...). */
    static final Field<String> MEASURES = Field.text("measuresToAdd", "measures to add", 200);
  }

  @Override
  public List<FormContract> contracts() {
    String process = LeakService.PROCESS;
    return List.of(
        FormContract.start(process, "StartEvent_LeakReported", "The leak report", Report.SECRET_CODES, Report.NOTICED_HOW,
            Report.SUSPECTED, Report.SINCE, Report.PERSONAL_DATA),
        FormContract.task(process, "Task_AssessLeak", "Assess leak", Assessment.OUTCOME, Assessment.SUSPECTED_PARTNERS,
            Assessment.NOTE),
        FormContract.task(process, "Task_DecideContainment", "Decide containment", Containment.SCOPE, Containment.NOTE),
        FormContract.task(process, "Task_AssessDataProtection", "Assess data protection", DataProtection.OUTCOME,
            DataProtection.NOTE),
        FormContract.task(process, "Task_DecideLegalAction", "Decide legal action", LegalAction.ACTION, LegalAction.NOTE),
        FormContract.task(process, "Task_CloseIncident", "Close incident", Closure.SUMMARY, Closure.LESSONS, Closure.MEASURES));
  }
}
