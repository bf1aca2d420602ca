package io.cordon.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.evidence.EvidenceChain;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.secret.Classification;
import io.cordon.secret.ProtectionMeasure;
import io.cordon.secret.SecretCategory;
import io.cordon.secret.SecretDetails;
import io.cordon.secret.SecretService;
import io.cordon.secret.SecretStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Paths through PartnerOnboardingProcess on the real application (delegates, register, evidence, database), with
 * the job executor off: asynchronous steps run when the test executes their job. Users act as they would in
 * Tasklist, with their engine authentication set.
 */
@CordonIntegrationTest
class OnboardingProcessIT {

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  SecretService secrets;
  @Autowired
  PartnerService partners;
  @Autowired
  EvidenceChain evidence;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void logout() {
    identityService.clearAuthentication();
  }

  private void as(String user, String group) {
    identityService.setAuthentication(user, List.of(group));
  }

  private String secret(Classification classification, String owner) {
    as("sam", "security");
    try {
      return secrets.register(new SecretDetails("Onboarding test " + classification, "summary", SecretCategory.TECHNICAL,
          classification, owner, List.of("PLM"), List.of("Munich"), List.of("DE"), Set.of(ProtectionMeasure.ACCESS_CONTROL))).code();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Map<String, Object> request(String country, String... secretCodes) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("partnerName", "Onboarding Test " + country + " " + System.nanoTime());
    vars.put("partnerCountry", country);
    vars.put("partnerType", "CONTRACT_MANUFACTURER");
    vars.put("partnerAddress", "1 Test Road");
    vars.put("contactName", "Li Wei");
    vars.put("contactEmail", "li.wei@partner.example");
    vars.put("purpose", "Machining of housings");
    vars.put("requestedSecretCodes", String.join(", ", secretCodes));
    vars.put("ndaKind", "MUTUAL");
    return vars;
  }

  private ProcessInstance start(Map<String, Object> vars) {
    as("paula", "procurement");
    try {
      return runtimeService.startProcessInstanceByKey("PartnerOnboardingProcess", vars);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static Map<String, Object> dueDiligence(boolean incidents) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("securityCertifications", "ISO 27001");
    vars.put("accessControlInPlace", true);
    vars.put("usesSubcontractors", false);
    vars.put("incidentsLastFiveYears", incidents);
    vars.put("dataLocation", "DE");
    vars.put("staffTurnover", "LOW");
    vars.put("privacyRegime", "GDPR");
    vars.put("findings", "Visited the plant; badge access to the tooling room.");
    return vars;
  }

  private Task task(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private void complete(String user, String group, Task task, Map<String, Object> vars) {
    as(user, group);
    try {
      taskService.complete(task.getId(), vars);
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void startPutsThePartnerIntoOnboardingUnderItsCodeAsBusinessKey() {
    String code = secret(Classification.SECRET, "oscar");
    ProcessInstance pi = start(request("DE", code));

    assertThat(pi).isWaitingAt("Task_ReviewDueDiligence").hasPassed("Task_CheckRequest");
    String partnerCode = (String) runtimeService.getVariable(pi.getId(), "partnerCode");
    assertThat(pi.getBusinessKey()).isEqualTo(partnerCode);
    assertThat(partners.get(partnerCode).status()).isEqualTo(PartnerStatus.ONBOARDING);
    assertThat(runtimeService.getVariable(pi.getId(), "highestClassification")).isEqualTo("SECRET");
    assertThat(evidence.forPartner(partnerCode, 1).get(0).type()).isEqualTo("ONBOARDING_STARTED");
    assertThat(evidence.forPartner(partnerCode, 1).get(0).actor()).isEqualTo("paula");
    assertThat(task(pi, "Task_ReviewDueDiligence").getDueDate()).isNotNull();
  }

  @Test
  void unknownOrInactiveSecretsAreRefusedAtTheStartAndNothingIsKept() {
    long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey("PartnerOnboardingProcess").count();
    assertThatThrownBy(() -> start(request("DE", "TS-999998", "TS-999999")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("TS-999998, TS-999999");

    String retired = secret(Classification.CONFIDENTIAL, "oscar");
    as("oscar", "secret-owners");
    secrets.changeStatus(retired, SecretStatus.RETIRED, "obsolete");
    identityService.clearAuthentication();
    Map<String, Object> vars = request("DE", retired);
    assertThatThrownBy(() -> start(vars)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(retired + " (RETIRED)");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("PartnerOnboardingProcess").count())
        .isEqualTo(instancesBefore);
  }

  @Test
  void aPartnerAlreadyOnboardingCannotBeOnboardedTwice() {
    String code = secret(Classification.CONFIDENTIAL, "oscar");
    ProcessInstance first = start(request("DE", code));
    String partnerCode = first.getBusinessKey();
    Map<String, Object> again = request("DE", code);
    again.put("partnerCode", partnerCode);

    assertThatThrownBy(() -> start(again)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("already being onboarded");
    assertThat(partners.get(partnerCode).status()).isEqualTo(PartnerStatus.ONBOARDING);
  }

  @Test
  void rejectsPartnerWhenSecurityReviewFails() {
    String code = secret(Classification.CROWN_JEWEL, "oscar");
    ProcessInstance pi = start(request("DE", code));
    complete("paula", "procurement", task(pi, "Task_ReviewDueDiligence"), dueDiligence(false));

    assertThat(pi).hasPassed("Task_DetermineRiskTier", "Task_RecordRiskTier").isWaitingAt("Task_ReviewSecurity");
    assertThat(runtimeService.getVariable(pi.getId(), "riskTier")).isEqualTo("HIGH");
    complete("sam", "security", task(pi, "Task_ReviewSecurity"),
        Map.of("securityDecision", "REJECT", "securityComment", "No clean-desk policy"));

    assertThat(pi).isEnded().hasPassed("Task_RejectBySecurity", "EndEvent_RejectedBySecurity");
    assertThat(partners.get(pi.getBusinessKey()).status()).isEqualTo(PartnerStatus.REJECTED);
    assertThat(evidence.forPartner(pi.getBusinessKey(), 1).get(0).payload()).contains("No clean-desk policy");
  }

  @Test
  void securityCanSendDueDiligenceBackWithAQuestion() {
    String code = secret(Classification.SECRET, "oscar");
    ProcessInstance pi = start(request("DE", code));
    complete("paula", "procurement", task(pi, "Task_ReviewDueDiligence"), dueDiligence(true));
    assertThat(runtimeService.getVariable(pi.getId(), "riskTier")).isEqualTo("HIGH");

    complete("sam", "security", task(pi, "Task_ReviewSecurity"),
        Map.of("securityDecision", "MORE_INFO", "securityComment", "Which incident, and what was fixed?"));

    assertThat(pi).isWaitingAt("Task_ReviewDueDiligence");
    assertThat(taskService.getVariable(task(pi, "Task_ReviewDueDiligence").getId(), "securityComment"))
        .isEqualTo("Which incident, and what was fixed?");
    complete("paula", "procurement", task(pi, "Task_ReviewDueDiligence"), dueDiligence(true));
    assertThat(pi).isWaitingAt("Task_ReviewSecurity");
  }

  @Test
  void aTaskCompletedTwiceHasExactlyOneOutcome() {
    String code = secret(Classification.CROWN_JEWEL, "oscar");
    ProcessInstance pi = start(request("DE", code));
    Task dueDiligence = task(pi, "Task_ReviewDueDiligence");
    complete("paula", "procurement", dueDiligence, dueDiligence(false));

    assertThatThrownBy(() -> complete("paula", "procurement", dueDiligence, dueDiligence(false)))
        .hasMessageContaining("Cannot find task");
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ReviewSecurity").count())
        .isEqualTo(1);
  }

  @Test
  void anotherGroupCannotCompleteTheSecurityReview() {
    String code = secret(Classification.CROWN_JEWEL, "oscar");
    ProcessInstance pi = start(request("DE", code));
    complete("paula", "procurement", task(pi, "Task_ReviewDueDiligence"), dueDiligence(false));

    assertThatThrownBy(() -> complete("paula", "procurement", task(pi, "Task_ReviewSecurity"),
        Map.of("securityDecision", "APPROVE", "securityComment", "self-approved")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThat(pi).isWaitingAt("Task_ReviewSecurity");
  }
}
