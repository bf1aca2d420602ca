package io.cordon.onboarding;

import io.cordon.platform.FormValues;
import io.cordon.platform.UserErrors;

import static io.cordon.onboarding.OnboardingVariables.*;

import io.cordon.nda.NdaRecords;
import io.cordon.nda.NdaService;
import io.cordon.partner.DueDiligenceAnswers;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.variable.value.FileValue;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The onboarding model's delegates: each reads variables, calls one {@link OnboardingService} method and writes the
 * result variables. Referenced from the BPMN by bean name.
 */
@Configuration
class OnboardingDelegates {

  private static final List<String> SECURITY_DECISIONS = List.of("APPROVE", "REJECT", "MORE_INFO");

  private final OnboardingService service;

  OnboardingDelegates(OnboardingService service) {
    this.service = service;
  }

  @Bean
  JavaDelegate checkOnboardingRequest() {
    return execution -> {
      OnboardingRequest request = new OnboardingRequest(string(execution, PARTNER_CODE), string(execution, PARTNER_NAME),
          string(execution, PARTNER_COUNTRY), string(execution, PARTNER_TYPE), string(execution, PARTNER_ADDRESS),
          string(execution, PARTNER_NATIVE_NAME), string(execution, PARTNER_REGISTRATION_ID), string(execution, CONTACT_NAME),
          string(execution, CONTACT_EMAIL), string(execution, PURPOSE), codes(execution, REQUESTED_SECRET_CODES),
          string(execution, NDA_KIND));
      OnboardingStarted started = UserErrors.reported(() -> service.start(request, execution.getProcessInstanceId()));
      execution.setProcessBusinessKey(started.partnerCode());
      execution.setVariable(PARTNER_CODE, started.partnerCode());
      execution.setVariable(SECRET_CODES, String.join(",", started.secretCodes()));
      execution.setVariable(HIGHEST_CLASSIFICATION, started.highestClassification());
      execution.setVariable(COUNTRY, started.country());
      execution.setVariable(PARTNER_TYPE, started.partnerType());
    };
  }

  @Bean
  JavaDelegate recordDueDiligence() {
    return execution -> {
      DueDiligenceAnswers answers = new DueDiligenceAnswers(string(execution, SECURITY_CERTIFICATIONS),
          flag(execution, ACCESS_CONTROL), flag(execution, USES_SUBCONTRACTORS), flag(execution, INCIDENTS),
          string(execution, DATA_LOCATION), string(execution, STAFF_TURNOVER), string(execution, PRIVACY_REGIME),
          string(execution, FINDINGS));
      UserErrors.reported(() -> {
        service.recordDueDiligence(string(execution, PARTNER_CODE), execution.getProcessInstanceId(), answers);
        return null;
      });
      execution.setVariable(SECURITY_CERTIFIED, answers.securityCertified());
    };
  }

  @Bean
  JavaDelegate recordRiskTier() {
    return execution -> service.recordRiskTier(string(execution, PARTNER_CODE), string(execution, RISK_TIER));
  }

  @Bean
  JavaDelegate rejectPartner() {
    return execution -> service.reject(string(execution, PARTNER_CODE), string(execution, REJECTED_BY),
        string(execution, REJECTION_REASON));
  }

  @Bean
  JavaDelegate withdrawOnboarding() {
    return execution -> service.withdraw(string(execution, PARTNER_CODE), string(execution, WITHDRAWAL_REASON));
  }

  /** Runs as a job (asyncBefore), on Cordon's own authority: evaluates the approval matrix per secret. */
  @Bean
  JavaDelegate requestDisclosures(DecisionService decisions) {
    return execution -> {
      String riskTier = string(execution, RISK_TIER);
      OnboardingService.Requested requested = service.requestDisclosures(string(execution, PARTNER_CODE),
          codes(execution, SECRET_CODES), string(execution, NDA_REFERENCE), string(execution, PURPOSE),
          codes(execution, PERMITTED_RECIPIENTS), secret -> decisions.evaluateDecisionTableByKey("DisclosureApprovalMatrix",
              Map.of("classification", secret.classification().name(), RISK_TIER, riskTier)).collectEntries("approver"));
      execution.setVariable(DISCLOSURE_IDS, requested.disclosureIds().stream().map(String::valueOf)
          .reduce((a, b) -> a + "," + b).orElse(""));
      execution.setVariable(APPROVAL_ITEMS, ApprovalItem.encodeAll(requested.approvals()));
      execution.setVariable(APPROVAL_COUNT, requested.approvals().size());
    };
  }

  /** Task listener (create) of the approval task: who decides this instance's disclosure. */
  @Bean
  TaskListener assignDisclosureApproval() {
    return task -> {
      int index = ((Number) task.getExecution().getVariable(LOOP_COUNTER)).intValue();
      ApprovalItem item = ApprovalItem.decodeAll(string(task, APPROVAL_ITEMS)).get(index);
      // On the sub-process instance (declared there), so the decision step after the task reads it.
      task.getExecution().setVariable(DISCLOSURE_ID, item.disclosureId());
      task.setVariableLocal("secretCode", service.secretOf(item.disclosureId()));
      if (ApprovalItem.OWNER.equals(item.role())) {
        task.setAssignee(item.userId());
      } else {
        task.addCandidateGroup("security");
      }
      task.setName("Approve disclosure " + item.disclosureId() + " to " + string(task, PARTNER_CODE)
          + (ApprovalItem.OWNER.equals(item.role()) ? " (owner)" : " (security)"));
    };
  }

  @Bean
  JavaDelegate recordDisclosureDecision() {
    return execution -> UserErrors.reported(() -> {
      service.decideDisclosure(((Number) execution.getVariable(DISCLOSURE_ID)).longValue(),
          "APPROVED".equals(string(execution, APPROVAL_DECISION)), string(execution, APPROVAL_COMMENT));
      return null;
    });
  }


  @Bean
  JavaDelegate selectNdaClauses() {
    return execution -> {
      NdaService.Selection selection = service.selectClauses(string(execution, PARTNER_CODE), codes(execution, SECRET_CODES),
          string(execution, NDA_KIND), flag(execution, INDIVIDUALS_SIGN));
      execution.setVariable(NDA_TEMPLATE, selection.templateKey());
      execution.setVariable(CLAUSE_KEYS, String.join(",", selection.clauses()));
    };
  }

  /**
   * A job (asyncBefore with retries): a failure becomes an incident with the generator's message. The first version
   * uses the template and clauses that Task_SelectClauses selected, so the decision tables are asked once per NDA.
   */
  @Bean
  JavaDelegate generateNda() {
    return execution -> {
      String template = string(execution, NDA_TEMPLATE);
      NdaService.Selection selected = template == null ? null : new NdaService.Selection(template, codes(execution, CLAUSE_KEYS));
      NdaRecords.NdaVersionView nda = service.generateNda(string(execution, NDA_REFERENCE), string(execution, PARTNER_CODE),
          codes(execution, SECRET_CODES), string(execution, NDA_KIND), string(execution, PURPOSE),
          flag(execution, INDIVIDUALS_SIGN), fallbacks(execution), selected);
      execution.setVariable(NDA_REFERENCE, nda.reference());
      execution.setVariable(NDA_VERSION, nda.version());
      execution.setVariable(CLAUSE_KEYS, nda.clauses().stream().map(NdaRecords.UsedClause::ref)
          .reduce((a, b) -> a + "," + b).orElse(""));
    };
  }

  /** Runs as legal completes the review: an incomplete decision is refused there, and the task stays open. */
  @Bean
  JavaDelegate checkLegalDecision() {
    return execution -> {
      String decision = string(execution, LEGAL_DECISION);
      if (!java.util.Set.of("APPROVE", "CHANGE_CLAUSES", "REJECT").contains(String.valueOf(decision))) {
        throw new BadUserRequestException("Choose a decision: approve, change clauses or reject.");
      }
      if ("CHANGE_CLAUSES".equals(decision)) {
        try {
          if (fallbacks(execution).isEmpty()) {
            throw new BadUserRequestException("Name at least one fallback position (clause-key=fallback-key).");
          }
        } catch (IllegalArgumentException e) {
          throw new BadUserRequestException(e.getMessage());
        }
      }
      if ("REJECT".equals(decision) && string(execution, LEGAL_COMMENT) == null) {
        throw new BadUserRequestException("Give the reason for rejecting the partner.");
      }
      service.recordReviewDecision("LEGAL_REVIEW_DECIDED", string(execution, PARTNER_CODE), codes(execution, SECRET_CODES),
          string(execution, NDA_REFERENCE), decision, string(execution, LEGAL_COMMENT));
    };
  }

  /** Execution listener (end) of the security review: the decision, by whoever completed it, as evidence. */
  @Bean
  ExecutionListener recordSecurityDecision() {
    return execution -> {
      String decision = string(execution, SECURITY_DECISION);
      if (!SECURITY_DECISIONS.contains(String.valueOf(decision))) {
        // A client other than the form (REST) may leave it out; the gateway after the task would fail obscurely.
        throw new BadUserRequestException("Give securityDecision: one of " + String.join(", ", SECURITY_DECISIONS)
            + (decision == null ? "." : ", not '" + decision + "'."));
      }
      service.recordReviewDecision("SECURITY_REVIEW_DECIDED", string(execution, PARTNER_CODE),
          codes(execution, SECRET_CODES), null, decision, string(execution, SECURITY_COMMENT));
    };
  }

  @Bean
  JavaDelegate approveNda() {
    return execution -> service.approveNda(string(execution, NDA_REFERENCE), ((Number) execution.getVariable(NDA_VERSION)).intValue());
  }

  /** Runs while procurement completes the form: problems with the upload are reported there, nothing is kept. */
  @Bean
  JavaDelegate recordExecutedNda() {
    return execution -> {
      FileValue file = execution.getVariableTyped(SIGNED_NDA_FILE);
      byte[] content = FormValues.file(file, "Upload the signed NDA (PDF or DOCX).");
      LocalDate signed = FormValues.date(execution, SIGNATURE_DATE, "date of the last signature");
      UserErrors.reported(() -> service.recordExecutedNda(string(execution, NDA_REFERENCE), content, file.getFilename(),
          signed, string(execution, SIGNATORIES)));
      // The executed copy now lives in the NDA store with its hash; the process keeps only the reference.
      execution.removeVariable(SIGNED_NDA_FILE);
    };
  }

  @Bean
  JavaDelegate activatePartner() {
    return execution -> {
      String reference = string(execution, NDA_REFERENCE);
      service.activate(string(execution, PARTNER_CODE), reference, ((Number) execution.getVariable(NDA_VERSION)).intValue(),
          service.coveredSecrets(reference), ((Number) execution.getVariable(RECERTIFICATION_MONTHS)).intValue());
    };
  }

  // ---- DisclosureRequestProcess ----

  /** Runs while procurement starts the request: an inactive partner or secret is refused there. */
  @Bean
  JavaDelegate checkDisclosureScope(DisclosureScope scope, io.cordon.partner.PartnerService partners) {
    return execution -> {
      String partnerCode = string(execution, PARTNER_CODE);
      String secretCode = string(execution, SECRET_CODE);
      DisclosureScope.Scope result = UserErrors.reported(() -> scope.check(partnerCode, secretCode));
      execution.setProcessBusinessKey(partnerCode + ":" + secretCode);
      execution.setVariable(IN_SCOPE, result.inScope());
      execution.setVariable(SCOPE_REASON, result.reason());
      execution.setVariable(SECRET_CODES, secretCode);
      execution.setVariable(RISK_TIER, String.valueOf(partners.get(partnerCode).riskTier()));
      if (result.ndaReference() != null) {
        execution.setVariable(NDA_REFERENCE, result.ndaReference());
        execution.setVariable(NDA_VERSION, result.ndaVersion());
      }
    };
  }

  @Bean
  JavaDelegate discloseApproved() {
    return execution -> service.discloseApproved(codes(execution, DISCLOSURE_IDS).stream().map(Long::valueOf).toList(),
        string(execution, NDA_REFERENCE), (Integer) execution.getVariable(NDA_VERSION));
  }
}
