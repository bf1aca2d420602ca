package io.cordon.onboarding;

import static io.cordon.onboarding.OnboardingVariables.*;

import io.cordon.nda.NdaRecords;
import io.cordon.nda.NdaService;
import io.cordon.onboarding.OnboardingForms.Approval;
import io.cordon.onboarding.OnboardingForms.DueDiligence;
import io.cordon.onboarding.OnboardingForms.NdaReview;
import io.cordon.onboarding.OnboardingForms.PartnerData;
import io.cordon.onboarding.OnboardingForms.Request;
import io.cordon.onboarding.OnboardingForms.SecurityReview;
import io.cordon.onboarding.OnboardingForms.SignedNda;
import io.cordon.partner.DueDiligenceAnswers;
import io.cordon.platform.UserErrors;
import io.cordon.workflow.Field;
import io.cordon.workflow.TaskSubjects;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The onboarding model's delegates: each reads variables, calls one {@link OnboardingService} method and writes the
 * result variables. Referenced from the BPMN by bean name. Form answers are read through {@link OnboardingForms},
 * everything else through {@link OnboardingVariables}; decisions are taken on facts the service reads from the register.
 */
@Configuration
class OnboardingDelegates {

  private final OnboardingService service;
  private final TaskSubjects subjects;

  OnboardingDelegates(OnboardingService service, TaskSubjects subjects) {
    this.service = service;
    this.subjects = subjects;
  }

  /** For task names people read in lists and mails. */
  private String partnerName(String partnerCode) {
    return subjects.partnerName(partnerCode).orElse(partnerCode);
  }

  @Bean
  JavaDelegate checkOnboardingRequest() {
    return execution -> {
      OnboardingRequest request = new OnboardingRequest(Request.PARTNER_CODE.read(execution), Request.PARTNER_NAME.read(execution),
          Request.PARTNER_COUNTRY.read(execution), Request.PARTNER_TYPE.read(execution), Request.PARTNER_ADDRESS.read(execution),
          Request.PARTNER_NATIVE_NAME.read(execution), Request.PARTNER_REGISTRATION_ID.read(execution),
          Request.CONTACT_NAME.read(execution), Request.CONTACT_EMAIL.read(execution), Request.PURPOSE.read(execution),
          codeList(Request.SECRET_CODES.read(execution)), Request.NDA_KIND.read(execution));
      OnboardingStarted started = UserErrors.reported(() -> service.start(request, execution.getProcessInstanceId()));
      execution.setProcessBusinessKey(started.partnerCode());
      PARTNER_CODE.set(execution, started.partnerCode());
      SECRET_CODES.set(execution, started.secretCodes());
      // Shown on the security and NDA reviews; the decisions read the register, not this.
      HIGHEST_CLASSIFICATION.set(execution, started.highestClassification());
    };
  }

  @Bean
  JavaDelegate recordDueDiligence() {
    return execution -> {
      DueDiligenceAnswers answers = new DueDiligenceAnswers(DueDiligence.CERTIFICATIONS.read(execution),
          DueDiligence.ACCESS_CONTROL.read(execution), DueDiligence.SUBCONTRACTORS.read(execution),
          DueDiligence.INCIDENTS.read(execution), DueDiligence.DATA_LOCATION.read(execution),
          DueDiligence.STAFF_TURNOVER.read(execution), DueDiligence.PRIVACY_REGIME.read(execution),
          DueDiligence.FINDINGS.read(execution));
      DUE_DILIGENCE_ANSWERED_BY.set(execution, UserErrors.reported(() -> service.recordDueDiligence(
          PARTNER_CODE.require(execution), execution.getProcessInstanceId(), answers)));
    };
  }

  /**
   * The partner's risk tier (PartnerRiskTier.dmn) on the register's facts, stored on the partner, and the same table's
   * answer whether security reviews the partner, for the gateway after it.
   */
  @Bean
  JavaDelegate determineRiskTier() {
    return execution -> {
      OnboardingService.RiskAssessment assessed = service.assessRisk(PARTNER_CODE.require(execution), SECRET_CODES.get(execution));
      RISK_TIER.set(execution, assessed.tier().name());
      SECURITY_REVIEW.set(execution, assessed.securityReview());
    };
  }

  @Bean
  JavaDelegate rejectPartner() {
    return execution -> service.reject(PARTNER_CODE.require(execution), (String) execution.getVariableLocal("rejectedBy"),
        (String) execution.getVariableLocal("rejectionReason"));
  }

  @Bean
  JavaDelegate withdrawOnboarding() {
    return execution -> service.withdraw(PARTNER_CODE.require(execution), SignedNda.WITHDRAWAL_REASON.read(execution));
  }

  /** Runs as a job (asyncBefore), on Cordon's own authority: asks the approval matrix per secret. */
  @Bean
  JavaDelegate requestDisclosures() {
    return execution -> {
      OnboardingService.Requested requested = service.requestDisclosures(PARTNER_CODE.require(execution),
          SECRET_CODES.get(execution), NDA_REFERENCE.get(execution), PURPOSE.get(execution),
          PERMITTED_RECIPIENTS.get(execution));
      DISCLOSURE_IDS.set(execution, requested.disclosureIds());
      APPROVAL_ITEMS.set(execution, ApprovalItem.encodeAll(requested.approvals()));
      // For instances of versions before the call activity, whose sub-process loops over the count.
      APPROVAL_COUNT.set(execution, requested.approvals().size());
    };
  }

  @Bean
  JavaDelegate selectNdaClauses() {
    return execution -> {
      NdaService.Selection selection = service.selectClauses(PARTNER_CODE.require(execution), SECRET_CODES.get(execution),
          Request.NDA_KIND.read(execution), Request.INDIVIDUALS_SIGN.read(execution));
      NDA_TEMPLATE.set(execution, selection.templateKey());
      CLAUSE_KEYS.set(execution, selection.clauses());
    };
  }

  /**
   * A job (asyncBefore with retries): a failure becomes an incident with the generator's message. The first version
   * uses the template and clauses that Task_SelectClauses selected, so the decision tables are asked once per NDA.
   */
  @Bean
  JavaDelegate generateNda() {
    return execution -> {
      String template = NDA_TEMPLATE.get(execution);
      // Data a person can supply is a task for procurement (Error_PartnerDataMissing), not a failing job.
      List<String> missing = service.missingPartnerData(PARTNER_CODE.require(execution), template);
      if (!missing.isEmpty()) {
        MISSING_PARTNER_DATA.set(execution, missing);
        throw new BpmnError("Error_PartnerDataMissing", "The NDA needs the partner's " + String.join(", ", missing) + ".");
      }
      NdaService.Selection selected = template == null ? null : new NdaService.Selection(template, CLAUSE_KEYS.get(execution));
      NdaRecords.NdaVersionView nda = service.generateNda(NDA_REFERENCE.get(execution), PARTNER_CODE.require(execution),
          SECRET_CODES.get(execution), Request.NDA_KIND.read(execution), Request.PURPOSE.read(execution),
          Request.INDIVIDUALS_SIGN.read(execution), fallbacks(execution), selected);
      NDA_REFERENCE.set(execution, nda.reference());
      NDA_VERSION.set(execution, nda.version());
      CLAUSE_KEYS.set(execution, nda.clauses().stream().map(NdaRecords.UsedClause::ref).toList());
      // Each review round starts empty: the last round's answer is in the evidence and in this version's clauses.
      execution.removeVariables(List.of(NdaReview.DECISION.name(), NdaReview.FALLBACKS.name(), NdaReview.COMMENT.name()));
    };
  }

  /** Task listener (create): the task names the partner and what is missing, so lists and mails say it. */
  @Bean
  TaskListener namePartnerDataTask() {
    return task -> task.setName("Complete partner data for " + partnerName(PARTNER_CODE.get(task)) + " ("
        + PARTNER_CODE.get(task) + "): "
        + String.join(", ", MISSING_PARTNER_DATA.get(task)));
  }

  /** Runs while procurement completes the form: data still missing is refused there, and the task stays open. */
  @Bean
  JavaDelegate recordPartnerData() {
    return execution -> {
      UserErrors.run(() -> service.completePartnerData(PARTNER_CODE.require(execution), NDA_TEMPLATE.get(execution),
          PartnerData.ADDRESS.read(execution), PartnerData.REGISTRATION_ID.read(execution),
          PartnerData.NATIVE_NAME.read(execution)));
      MISSING_PARTNER_DATA.set(execution, List.of());
    };
  }

  /** Runs as legal completes the review: an incomplete decision is refused there, and the task stays open. */
  @Bean
  JavaDelegate checkLegalDecision() {
    return execution -> {
      String decision = NdaReview.DECISION.read(execution);
      if ("CHANGE_CLAUSES".equals(decision) && fallbacks(execution).isEmpty()) {
        throw new BadUserRequestException("Name at least one fallback position (clause-key=fallback-key).");
      }
      if ("REJECT".equals(decision) && NdaReview.COMMENT.read(execution) == null) {
        throw new BadUserRequestException("Give the reason for rejecting the partner.");
      }
      if ("CHANGE_CLAUSES".equals(decision)) {
        UserErrors.run(() -> service.checkFallbacks(NDA_REFERENCE.require(execution), fallbacks(execution)));
      }
      service.recordReviewDecision("LEGAL_REVIEW_DECIDED", PARTNER_CODE.require(execution), SECRET_CODES.get(execution),
          NDA_REFERENCE.get(execution), decision, NdaReview.COMMENT.read(execution));
    };
  }

  /** Execution listener (end) of the security review: the decision, by whoever completed it, as evidence. */
  @Bean
  ExecutionListener recordSecurityDecision() {
    return execution -> service.recordReviewDecision("SECURITY_REVIEW_DECIDED", PARTNER_CODE.require(execution),
        SECRET_CODES.get(execution), null, SecurityReview.DECISION.read(execution), SecurityReview.COMMENT.read(execution));
  }

  @Bean
  JavaDelegate approveNda() {
    return execution -> service.approveNda(NDA_REFERENCE.require(execution), NDA_VERSION.require(execution));
  }

  /** Runs while procurement completes the form: problems with the upload are reported there, nothing is kept. */
  @Bean
  JavaDelegate recordExecutedNda() {
    return execution -> {
      FileValue file = SignedNda.FILE.read(execution);
      byte[] content = Field.bytes(file, SignedNda.FILE.label());
      var signed = SignedNda.SIGNATURE_DATE.read(execution);
      UserErrors.reported(() -> service.recordExecutedNda(NDA_REFERENCE.require(execution), content, file.getFilename(),
          signed, SignedNda.SIGNATORIES.read(execution)));
      // The executed copy now lives in the NDA store with its hash; the process keeps only the reference.
      execution.removeVariable(SignedNda.FILE.name());
    };
  }

  /** The re-certification interval (RecertificationInterval.dmn) on the register's facts: the partner's tier, the secrets. */
  @Bean
  JavaDelegate determineRecertificationInterval() {
    return execution -> RECERTIFICATION_MONTHS.set(execution,
        service.recertificationMonths(PARTNER_CODE.require(execution), SECRET_CODES.get(execution)));
  }

  @Bean
  JavaDelegate activatePartner() {
    return execution -> {
      String reference = NDA_REFERENCE.require(execution);
      service.activate(PARTNER_CODE.require(execution), reference, NDA_VERSION.require(execution),
          service.coveredSecrets(reference), RECERTIFICATION_MONTHS.require(execution));
    };
  }

  // ---- DisclosureRequestProcess ----

  /** Runs while procurement starts the request: an inactive partner or secret is refused there. */
  @Bean
  JavaDelegate checkDisclosureScope(DisclosureScope scope) {
    return execution -> {
      String partnerCode = OnboardingForms.DisclosureRequest.PARTNER_CODE.read(execution);
      String secretCode = OnboardingForms.DisclosureRequest.SECRET_CODE.read(execution);
      DisclosureScope.Scope result = UserErrors.reported(() -> scope.check(partnerCode, secretCode));
      execution.setProcessBusinessKey(partnerCode + ":" + secretCode);
      IN_SCOPE.set(execution, result.inScope());
      SCOPE_REASON.set(execution, result.reason());
      SECRET_CODES.set(execution, List.of(secretCode));
      RISK_TIER.set(execution, result.riskTier());
      if (result.ndaReference() != null) {
        NDA_REFERENCE.set(execution, result.ndaReference());
        NDA_VERSION.set(execution, result.ndaVersion());
      }
    };
  }

  @Bean
  JavaDelegate discloseApproved() {
    return execution -> service.discloseApproved(DISCLOSURE_IDS.get(execution), NDA_REFERENCE.get(execution),
        NDA_VERSION.get(execution));
  }

  // ---- DisclosureApprovalProcess (called by both models above, one instance per approval) ----

  /**
   * Task listener (create) of the approval task: who decides this approval's disclosure. The disclosure and its secret
   * are kept on the approval's own instance, for the decision step and the reminder mails.
   */
  @Bean
  TaskListener assignDisclosureApproval() {
    return task -> {
      String passedIn = APPROVAL_ITEM.get(task);
      if (passedIn == null && APPROVAL_ITEMS.get(task) == null) {
        throw new BadUserRequestException("A disclosure approval is started only by an onboarding or a disclosure request, "
            + "which name the disclosure to approve.");
      }
      ApprovalItem item = passedIn != null ? ApprovalItem.decode(passedIn)
          // An instance of a version before the call activity: its item of the parent's list (sub-process variables).
          : ApprovalItem.decodeAll(APPROVAL_ITEMS.get(task)).get(LOOP_COUNTER.require(task.getExecution()));
      DISCLOSURE_ID.set(task.getExecution(), item.disclosureId());
      String secretCode = service.secretOf(item.disclosureId());
      task.setVariableLocal("secretCode", secretCode);
      if (passedIn != null) {
        SECRET_CODES.set(task.getExecution(), List.of(secretCode));
      }
      if (ApprovalItem.OWNER.equals(item.role())) {
        task.setAssignee(item.userId());
      } else {
        task.addCandidateGroup("security");
      }
      task.setName("Approve disclosure of " + secretCode + " to " + partnerName(PARTNER_CODE.get(task))
          + (ApprovalItem.OWNER.equals(item.role()) ? " (owner)" : " (security)"));
    };
  }

  /** The approver's answer, recorded on the disclosure: the only way it reaches the calling process. */
  @Bean
  JavaDelegate recordDisclosureDecision() {
    return execution -> UserErrors.run(() -> service.decideDisclosure(DISCLOSURE_ID.require(execution),
        "APPROVED".equals(Approval.DECISION.read(execution)), Approval.COMMENT.read(execution)));
  }

  // ---- form answers that need reading ----

  /** Codes typed into a form, separated by commas or spaces. */
  private static List<String> codeList(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
        .distinct().toList();
  }

  /** Legal's fallback choices, one per line: {@code clause-key=fallback-key}; a malformed line is a bad request. */
  static Map<String, String> fallbacks(VariableScope scope) {
    String text = NdaReview.FALLBACKS.read(scope);
    Map<String, String> choices = new LinkedHashMap<>();
    if (text != null) {
      for (String line : text.split("[\\r\\n,]+")) {
        if (line.isBlank()) {
          continue;
        }
        String[] pair = line.split("=", 2);
        if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
          throw new BadUserRequestException("Write each fallback as clause-key=fallback-key, not '" + line.strip() + "'.");
        }
        choices.put(pair[0].strip(), pair[1].strip());
      }
    }
    return choices;
  }
}
