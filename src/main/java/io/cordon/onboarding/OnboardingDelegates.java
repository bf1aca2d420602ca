package io.cordon.onboarding;

import static io.cordon.onboarding.OnboardingVariables.*;

import io.cordon.partner.DueDiligenceAnswers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
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

  private final OnboardingService service;

  OnboardingDelegates(OnboardingService service) {
    this.service = service;
  }

  @Bean
  JavaDelegate checkOnboardingRequest() {
    return execution -> {
      OnboardingRequest request = new OnboardingRequest(string(execution, PARTNER_CODE), string(execution, PARTNER_NAME),
          string(execution, PARTNER_COUNTRY), string(execution, PARTNER_TYPE), string(execution, PARTNER_ADDRESS), string(execution, CONTACT_NAME),
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
  JavaDelegate requestDisclosures(DecisionService decisions, io.cordon.secret.SecretService secrets) {
    return execution -> {
      List<String> codes = codes(execution, SECRET_CODES);
      Map<String, List<String>> approvers = new HashMap<>();
      secrets.resolve(codes).forEach((code, secret) -> approvers.put(code, decisions.evaluateDecisionTableByKey(
              "DisclosureApprovalMatrix", Map.of("classification", secret.classification().name(),
                  RISK_TIER, string(execution, RISK_TIER)))
          .collectEntries("approver")));
      List<ApprovalItem> items = service.requestDisclosures(string(execution, PARTNER_CODE), codes,
          string(execution, "ndaReference"), string(execution, PURPOSE), approvers);
      execution.setVariable(APPROVAL_ITEMS, ApprovalItem.encodeAll(items));
      execution.setVariable(APPROVAL_COUNT, items.size());
    };
  }

  /** Task listener (create) of the approval task: who decides this instance's disclosure. */
  @Bean
  TaskListener assignDisclosureApproval() {
    return task -> {
      int index = ((Number) task.getExecution().getVariable(LOOP_COUNTER)).intValue();
      ApprovalItem item = ApprovalItem.decodeAll(string(task, APPROVAL_ITEMS)).get(index);
      task.setVariableLocal(DISCLOSURE_ID, item.disclosureId());
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

}
