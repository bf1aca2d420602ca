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
  @Autowired
  org.camunda.bpm.engine.ManagementService managementService;
  @Autowired
  io.cordon.disclosure.DisclosureService disclosures;
  @Autowired
  io.cordon.nda.NdaLifecycle ndaLifecycle;
  @Autowired
  io.cordon.nda.NdaService ndas;
  @Autowired
  org.springframework.boot.test.web.client.TestRestTemplate rest;

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
    vars.put("partnerRegistrationId", "HRB 4711");
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
    // Then the due-diligence task went out to the partner's contact (its link, PARTNER_REQUEST_SENT).
    var latest = evidence.forPartner(partnerCode, 10);
    assertThat(latest.get(0).type()).isEqualTo("PARTNER_REQUEST_SENT");
    assertThat(latest).filteredOn(e -> e.type().equals("ONBOARDING_STARTED")).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("paula"));
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

    assertThat(pi).hasPassed("Task_DetermineRiskTier").isWaitingAt("Task_ReviewSecurity");
    assertThat(runtimeService.getVariable(pi.getId(), "riskTier")).isEqualTo("HIGH");
    assertThat(runtimeService.getVariable(pi.getId(), "securityReview")).as("the risk-tier table's answer").isEqualTo(true);
    // Why, as the register keeps it for the security review: what the table was asked and the rule that decided.
    io.cordon.partner.DueDiligenceView review = partners.dueDiligence(pi.getBusinessKey()).orElseThrow();
    assertThat(review.riskTier()).isEqualTo(io.cordon.partner.RiskTier.HIGH);
    assertThat(review.highestClassification()).isEqualTo("CROWN_JEWEL");
    assertThat(review.riskRules()).containsExactly("Crown jewels are always at least high risk");
    assertThatThrownBy(() -> complete("sam", "security", task(pi, "Task_ReviewSecurity"),
        Map.of("securityComment", "decision forgotten by a REST client")))
        .isInstanceOf(io.cordon.workflow.FormRefusedException.class).hasMessageContaining("(securityDecision): one of APPROVE");
    assertThat(pi).isWaitingAt("Task_ReviewSecurity");
    complete("sam", "security", task(pi, "Task_ReviewSecurity"),
        Map.of("securityDecision", "REJECT", "securityComment", "No clean-desk policy"));

    assertThat(pi).isEnded().hasPassed("Task_RejectBySecurity", "EndEvent_RejectedBySecurity");
    assertThat(partners.get(pi.getBusinessKey()).status()).isEqualTo(PartnerStatus.REJECTED);
    io.cordon.evidence.EvidenceEvent decided = evidence.forPartner(pi.getBusinessKey(), 20).stream()
        .filter(e -> e.type().equals("SECURITY_REVIEW_DECIDED")).findFirst().orElseThrow();
    assertThat(decided.actor()).isEqualTo("sam");
    assertThat(decided.processInstanceId()).isEqualTo(pi.getId());
    assertThat(decided.activityId()).isEqualTo("Task_ReviewSecurity");
    assertThat(decided.secretCodes()).containsExactly(code);
    assertThat(decided.payload()).contains("\"decision\":\"REJECT\"");
    assertThat(evidence.forPartner(pi.getBusinessKey(), 1).get(0).payload()).contains("No clean-desk policy");
  }

  @Test
  void theDisclosureApprovalIsCalledNeverStartedByUsers() {
    for (String user : List.of("paula", "oscar", "ada")) {
      var startable = io.cordon.Api.as(rest, user).get("/engine-rest/process-definition?latestVersion=true"
          + "&startableInTasklist=true&startablePermissionCheck=true&maxResults=100");
      assertThat(startable.getBody().findValuesAsText("key")).as(user + "'s Tasklist start list")
          .doesNotContain("DisclosureApprovalProcess");
    }
    assertThat(io.cordon.Api.as(rest, "paula").get("/engine-rest/process-definition?latestVersion=true"
        + "&startableInTasklist=true&startablePermissionCheck=true&maxResults=100").getBody().findValuesAsText("key"))
        .contains("PartnerOnboardingProcess", "DisclosureRequestProcess");
    long approvals = runtimeService.createProcessInstanceQuery().processDefinitionKey("DisclosureApprovalProcess").count();
    var started = io.cordon.Api.as(rest, "paula").post("/engine-rest/process-definition/key/DisclosureApprovalProcess/start",
        Map.of());
    assertThat(started.getStatusCode().value()).isEqualTo(403);
    var byAdmin = io.cordon.Api.as(rest, "ada").post("/engine-rest/process-definition/key/DisclosureApprovalProcess/start",
        Map.of());
    assertThat(byAdmin.getStatusCode().value()).as("admins hold every permission, but there is nothing to approve")
        .isEqualTo(400);
    assertThat(byAdmin.getBody().toString()).contains("started only by an onboarding or a disclosure request");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("DisclosureApprovalProcess").count())
        .isEqualTo(approvals);
  }

  @Test
  void whetherSecurityReviewsIsTheRiskTierTablesAnswerNotCode() throws Exception {
    // Legal and security edit the table: the rule for SECRET secrets (MEDIUM) now asks for a security review too.
    String table = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn", "PartnerRiskTier.dmn"));
    String edited = table.replace("<outputEntry id=\"Rule_Tier10_out1\"><text>false</text>",
        "<outputEntry id=\"Rule_Tier10_out1\"><text>true</text>");
    assertThat(edited).isNotEqualTo(table);
    String deployment = engine.getRepositoryService().createDeployment().name("edited risk tier")
        .addString("PartnerRiskTier.dmn", edited).deploy().getId();
    try {
      String code = secret(Classification.SECRET, "oscar");
      ProcessInstance pi = start(request("DE", code));
      complete("paula", "procurement", task(pi, "Task_ReviewDueDiligence"), dueDiligence(false));

      assertThat(runtimeService.getVariable(pi.getId(), "riskTier")).isEqualTo("MEDIUM");
      assertThat(runtimeService.getVariable(pi.getId(), "securityReview")).isEqualTo(true);
      assertThat(pi).isWaitingAt("Task_ReviewSecurity");
      runtimeService.deleteProcessInstance(pi.getId(), "test done");
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
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

  // ---- the whole path ----

  /** Executes the process's due jobs (asynchronous steps), as the job executor would. */
  private void runJobs(ProcessInstance pi) {
    for (int round = 0; round < 10; round++) {
      List<org.camunda.bpm.engine.runtime.Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId())
          .executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private ProcessInstance upToLegalReview(Map<String, Object> request, boolean incidents) {
    ProcessInstance pi = start(request);
    complete("paula", "procurement", task(pi, "Task_ReviewDueDiligence"), dueDiligence(incidents));
    if (task(pi, "Task_ReviewSecurity") != null) {
      complete("sam", "security", task(pi, "Task_ReviewSecurity"), Map.of("securityDecision", "APPROVE", "securityComment", "ok"));
    }
    assertThat(pi).hasPassed("Task_SelectClauses");
    runJobs(pi);
    assertThat(pi).hasPassed("Task_GenerateNda").isWaitingAt("Task_ReviewNda");
    return pi;
  }

  private void legal(ProcessInstance pi, Map<String, Object> decision) {
    complete("lena", "legal", task(pi, "Task_ReviewNda"), decision);
    runJobs(pi);
  }

  private long evaluations(String decisionKey) {
    return engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey(decisionKey).count();
  }

  /** The open approval tasks: one per DisclosureApprovalProcess instance the onboarding called. */
  private List<Task> approvalTasks(ProcessInstance pi) {
    String[] called = approvalInstances(pi).toArray(String[]::new);
    return called.length == 0 ? List.of()
        : taskService.createTaskQuery().processInstanceIdIn(called).taskDefinitionKey("Task_ApproveDisclosure").list();
  }

  /** Every DisclosureApprovalProcess instance the onboarding called, running or ended. */
  private List<String> approvalInstances(ProcessInstance pi) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey("DisclosureApprovalProcess").list().stream()
        .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).toList();
  }

  private void sign(ProcessInstance pi) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("signedDecision", "SIGNED");
    vars.put("signedNdaFile", org.camunda.bpm.engine.variable.Variables.fileValue("signed.pdf")
        .file("%PDF-1.4 executed copy".getBytes()).mimeType("application/pdf").create());
    vars.put("signatureDate", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
    vars.put("signatories", "Li Wei (partner), Paula Procurement (us)");
    complete("paula", "procurement", task(pi, "Task_RecordSignedNda"), vars);
  }

  private List<io.cordon.disclosure.DisclosureView> disclosuresOf(ProcessInstance pi) {
    return disclosures.ofPartner(pi.getBusinessKey(), java.util.EnumSet.allOf(io.cordon.disclosure.DisclosureStatus.class));
  }

  @Test
  void happyPathDisclosesOnlyApprovedSecretsUnderTheExecutedNda() {
    String secret = secret(Classification.SECRET, "oscar");
    String confidential = secret(Classification.CONFIDENTIAL, "olivia");
    List<String> selectionTables = List.of("NdaTemplateSelection", "NdaClauseSelection");
    List<Long> evaluationsBefore = selectionTables.stream().map(this::evaluations).toList();
    ProcessInstance pi = upToLegalReview(request("DE", secret, confidential), false);
    assertThat(runtimeService.getVariable(pi.getId(), "riskTier")).isEqualTo("MEDIUM");
    assertThat(runtimeService.getVariable(pi.getId(), "securityReview")).isEqualTo(false);
    assertThat(pi).hasNotPassed("Task_ReviewSecurity");
    String nda = (String) runtimeService.getVariable(pi.getId(), "ndaReference");
    assertThat(nda).startsWith("NDA-");
    // The template and clauses selected at Task_SelectClauses are the NDA's; the decision tables ran once for it.
    var generated = ndas.version(nda, 1);
    assertThat(generated.templateKey()).isEqualTo(runtimeService.getVariable(pi.getId(), "ndaTemplate"));
    assertThat(generated.clauses()).extracting(io.cordon.nda.NdaRecords.UsedClause::ref).isNotEmpty()
        .containsExactly(((String) runtimeService.getVariable(pi.getId(), "clauseKeys")).split(","));
    assertThat(selectionTables.stream().map(this::evaluations).toList())
        .containsExactly(evaluationsBefore.get(0) + 1, evaluationsBefore.get(1) + 1);

    legal(pi, Map.of("legalDecision", "APPROVE"));
    assertThat(pi).hasPassed("Task_ApproveNda", "Task_RequestDisclosures");
    List<Task> approvals = approvalTasks(pi);
    assertThat(approvals).as("only the SECRET needs its owner; CONFIDENTIAL is approved by the register").hasSize(1);
    assertThat(approvals.get(0).getAssignee()).isEqualTo("oscar");
    assertThat(taskService.getVariable(approvals.get(0).getId(), "secretCode")).isEqualTo(secret);
    assertThat(pi).isWaitingAt("CallActivity_DisclosureApprovals");
    ProcessInstance approval = runtimeService.createProcessInstanceQuery()
        .processInstanceId(approvals.get(0).getProcessInstanceId()).singleResult();
    assertThat(approval.getBusinessKey()).as("the approval carries the onboarding's business key").isEqualTo(pi.getBusinessKey());
    assertThat(runtimeService.getVariables(approval.getId())).as("only what the approval needs is passed in")
        .containsOnlyKeys("approvalItem", "partnerCode", "riskTier", "ndaReference", "ndaVersion", "purpose",
            "disclosureId", "secretCodes");

    complete("oscar", "secret-owners", approvals.get(0), Map.of("approvalDecision", "APPROVED", "approvalComment", "fine"));
    assertThat(pi).isWaitingAt("Task_RecordSignedNda");
    assertThat(runtimeService.getVariables(pi.getId())).as("the answer reaches the onboarding only through the register")
        .doesNotContainKeys("approvalDecision", "approvalComment", "approvalItem", "disclosureId");
    assertThat(partners.get(pi.getBusinessKey()).status()).as("nothing disclosed before signature").isEqualTo(PartnerStatus.ONBOARDING);
    assertThat(disclosuresOf(pi)).allSatisfy(d -> assertThat(d.status()).isEqualTo(io.cordon.disclosure.DisclosureStatus.APPROVED));

    sign(pi);
    assertThat(pi).isEnded().hasPassed("Task_StoreExecutedNda", "Task_DetermineRecertificationInterval",
        "Task_ActivatePartner", "EndEvent_PartnerOnboarded");
    assertThat(partners.get(pi.getBusinessKey()).status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(partners.get(pi.getBusinessKey()).nextRecertification()).isNotNull();
    assertThat(disclosuresOf(pi)).extracting(io.cordon.disclosure.DisclosureView::status)
        .containsOnly(io.cordon.disclosure.DisclosureStatus.DISCLOSED);
    assertThat(disclosuresOf(pi)).extracting(io.cordon.disclosure.DisclosureView::ndaReference).containsOnly(nda);
    assertThat(ndaLifecycle.standing(nda, null, pi.getBusinessKey())).isEqualTo(io.cordon.disclosure.NdaCheck.Standing.IN_FORCE);
    // The partner's re-certification starts in the same transaction and records its first period.
    String recertification = runtimeService.createProcessInstanceQuery().processDefinitionKey("RecertificationProcess")
        .processInstanceBusinessKey(pi.getBusinessKey()).singleResult().getId();
    assertThat(evidence.forSecret(secret, 2)).extracting(io.cordon.evidence.EvidenceEvent::type)
        .containsExactly("RECERTIFICATION_SCHEDULED", "SECRET_DISCLOSED");
    List<io.cordon.evidence.EvidenceEvent> trail = evidence.forPartner(pi.getBusinessKey(), 100).stream()
        .filter(e -> !recertification.equals(e.processInstanceId())).toList();
    assertThat(trail).filteredOn(e -> e.type().equals("DUE_DILIGENCE_RECORDED")).singleElement()
        .satisfies(e -> {
          assertThat(e.actor()).isEqualTo("paula");
          assertThat(e.processInstanceId()).isEqualTo(pi.getId());
          assertThat(e.activityId()).isEqualTo("Task_RecordDueDiligence");
        });
    assertThat(trail).filteredOn(e -> e.type().equals("LEGAL_REVIEW_DECIDED")).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("lena"));
    assertThat(trail).filteredOn(e -> e.type().equals("NDA_GENERATED")).singleElement()
        .satisfies(e -> assertThat(e.activityId()).isEqualTo("Task_GenerateNda"));
    assertThat(trail).filteredOn(e -> e.type().equals("DISCLOSURE_APPROVED"))
        .extracting(e -> e.actor() + " " + e.secretCodes())
        .containsExactlyInAnyOrder("oscar [" + secret + "]", "system [" + confidential + "]");
    // Oscar's decision was recorded by the approval the onboarding called, the register's approval by the onboarding.
    assertThat(trail).filteredOn(e -> e.type().equals("DISCLOSURE_APPROVED") && e.actor().equals("oscar")).singleElement()
        .satisfies(e -> {
          assertThat(e.processInstanceId()).isIn(approvalInstances(pi));
          assertThat(e.activityId()).isEqualTo("Task_RecordDisclosureDecision");
        });
    assertThat(trail).filteredOn(e -> e.type().equals("NDA_EXECUTED")).singleElement()
        .satisfies(e -> assertThat(e.documentHash()).hasSize(64));
    List<String> onboardingAndItsApprovals = new java.util.ArrayList<>(approvalInstances(pi));
    onboardingAndItsApprovals.add(pi.getId());
    assertThat(trail).filteredOn(e -> !e.type().equals("PARTNER_REGISTERED"))
        .allSatisfy(e -> assertThat(e.processInstanceId()).as(e.type()).isIn(onboardingAndItsApprovals));
    assertThat(runtimeService.createVariableInstanceQuery().variableName("signedNdaFile").processInstanceIdIn(pi.getId()).count())
        .isZero();
  }

  @Test
  void aDeclinedSecretIsLeftOutButTheRestIsDisclosed() {
    String secret = secret(Classification.SECRET, "oscar");
    String other = secret(Classification.SECRET, "olivia");
    ProcessInstance pi = upToLegalReview(request("DE", secret, other), false);
    legal(pi, Map.of("legalDecision", "APPROVE"));
    for (Task approval : approvalTasks(pi)) {
      boolean oscars = "oscar".equals(approval.getAssignee());
      complete(approval.getAssignee(), "secret-owners", approval,
          Map.of("approvalDecision", oscars ? "DECLINED" : "APPROVED", "approvalComment", oscars ? "not needed" : "ok"));
    }
    sign(pi);

    assertThat(pi).isEnded();
    Map<String, io.cordon.disclosure.DisclosureStatus> byCode = new HashMap<>();
    disclosuresOf(pi).forEach(d -> byCode.put(d.secretCode(), d.status()));
    assertThat(byCode).containsEntry(secret, io.cordon.disclosure.DisclosureStatus.REVOKED)
        .containsEntry(other, io.cordon.disclosure.DisclosureStatus.DISCLOSED);
  }

  @Test
  void crownJewelsToAHighRiskPartnerNeedTheOwnerAndSecurity() {
    String crownJewel = secret(Classification.CROWN_JEWEL, "oscar");
    ProcessInstance pi = upToLegalReview(request("DE", crownJewel), false);
    assertThat(runtimeService.getVariable(pi.getId(), "riskTier")).isEqualTo("HIGH");
    legal(pi, Map.of("legalDecision", "APPROVE"));

    List<Task> approvals = approvalTasks(pi);
    assertThat(approvals).hasSize(2);
    Task forSecurity = approvals.stream().filter(t -> t.getAssignee() == null).findFirst().orElseThrow();
    assertThat(taskService.getIdentityLinksForTask(forSecurity.getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("security"));
    complete("oscar", "secret-owners", approvals.stream().filter(t -> "oscar".equals(t.getAssignee())).findFirst().orElseThrow(),
        Map.of("approvalDecision", "APPROVED"));
    assertThat(pi).as("still waiting for security").isWaitingAt("CallActivity_DisclosureApprovals");
    assertThat(approvalTasks(pi)).extracting(Task::getId).containsExactly(forSecurity.getId());
    complete("sam", "security", forSecurity, Map.of("approvalDecision", "APPROVED"));
    sign(pi);
    assertThat(disclosuresOf(pi).get(0).approvals()).extracting(io.cordon.disclosure.DisclosureView.ApprovalView::role)
        .containsExactlyInAnyOrder("owner", "security");
    assertThat(disclosuresOf(pi).get(0).status()).isEqualTo(io.cordon.disclosure.DisclosureStatus.DISCLOSED);
  }

  @Test
  void legalCanChooseFallbackPositionsAndReviewTheNewVersion() {
    String secret = secret(Classification.SECRET, "oscar");
    ProcessInstance pi = upToLegalReview(request("DE", secret), false);
    assertThat(runtimeService.getVariable(pi.getId(), "ndaVersion")).isEqualTo(1);

    legal(pi, Map.of("legalDecision", "CHANGE_CLAUSES", "ndaFallbacks", "term-survival=term-fixed-survival"));
    assertThat(pi).isWaitingAt("Task_ReviewNda");
    assertThat(runtimeService.getVariable(pi.getId(), "ndaVersion")).isEqualTo(2);
    assertThat((String) runtimeService.getVariable(pi.getId(), "clauseKeys")).contains("term-survival");

    assertThatThrownBy(() -> complete("lena", "legal", task(pi, "Task_ReviewNda"),
        Map.of("legalDecision", "CHANGE_CLAUSES", "ndaFallbacks", "no equals sign")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("clause-key=fallback-key");
    assertThat(pi).isWaitingAt("Task_ReviewNda");
  }

  @Test
  void aFallbackTheClauseDoesNotOfferIsRefusedAtTheReviewAndTheNextRoundStartsEmpty() {
    String secret = secret(Classification.SECRET, "oscar");
    ProcessInstance pi = upToLegalReview(request("DE", secret), false);

    assertThatThrownBy(() -> complete("lena", "legal", task(pi, "Task_ReviewNda"),
        Map.of("legalDecision", "CHANGE_CLAUSES", "ndaFallbacks", "term-survival=term-fixed-survivl")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("has no fallback 'term-fixed-survivl'")
        .hasMessageContaining("term-fixed-survival");
    assertThatThrownBy(() -> complete("lena", "legal", task(pi, "Task_ReviewNda"),
        Map.of("legalDecision", "CHANGE_CLAUSES", "ndaFallbacks", "no-such-clause=x")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("This NDA has no clause 'no-such-clause'");
    assertThat(pi).isWaitingAt("Task_ReviewNda");
    assertThat(runtimeService.getVariable(pi.getId(), "ndaVersion")).isEqualTo(1);

    legal(pi, Map.of("legalDecision", "CHANGE_CLAUSES", "ndaFallbacks", "term-survival=term-fixed-survival",
        "legalComment", "Fixed term asked for"));
    assertThat(pi).isWaitingAt("Task_ReviewNda");
    assertThat(runtimeService.getVariable(pi.getId(), "ndaVersion")).isEqualTo(2);
    Map<String, Object> second = runtimeService.getVariables(pi.getId());
    assertThat(second).doesNotContainKeys("legalDecision", "ndaFallbacks", "legalComment");
  }

  @Test
  void aPartnerWithoutTheDataTheNdaPrintsBecomesATaskForProcurementAndTheNdaFollows() {
    String secret = secret(Classification.SECRET, "oscar");
    Map<String, Object> request = request("DE", secret);
    request.remove("partnerAddress");
    request.remove("partnerRegistrationId");
    // A new partner must bring what its NDA prints: refused at the start, naming it, nothing kept.
    assertThatThrownBy(() -> start(request)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("prints its registration number and registered address: fill in those fields.");
    assertThat(partners.search(new io.cordon.partner.PartnerFilter(null, null, null, null, (String) request.get("partnerName")),
        org.springframework.data.domain.PageRequest.of(0, 10)).getContent()).isEmpty();

    // A prospect registered earlier without it: the NDA step asks procurement for it.
    as("paula", "procurement");
    String prospect;
    try {
      prospect = partners.register(new io.cordon.partner.PartnerDetails((String) request.get("partnerName"), null, "DE", null,
          null, io.cordon.partner.PartnerType.CONTRACT_MANUFACTURER, null, List.of())).code();
    } finally {
      identityService.clearAuthentication();
    }
    Map<String, Object> forProspect = new HashMap<>(Map.of("partnerCode", prospect, "purpose", "Machining of housings",
        "requestedSecretCodes", secret, "ndaKind", "MUTUAL"));
    ProcessInstance pi = start(forProspect);
    complete("paula", "procurement", task(pi, "Task_ReviewDueDiligence"), dueDiligence(false));
    runJobs(pi);

    assertThat(pi).hasPassed("BoundaryEvent_PartnerDataMissing").isWaitingAt("Task_CompletePartnerData");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    Task fix = task(pi, "Task_CompletePartnerData");
    assertThat(fix.getName()).isEqualTo("Complete partner data for " + request.get("partnerName") + " ("
        + pi.getBusinessKey() + "): registration number, registered address");
    assertThat(taskService.getIdentityLinksForTask(fix.getId())).anySatisfy(link ->
        org.assertj.core.api.Assertions.assertThat(link.getGroupId()).isEqualTo("procurement"));

    // Only half of it: refused, naming what is still missing, and nothing is kept.
    assertThatThrownBy(() -> complete("paula", "procurement", fix, Map.of("partnerAddress", "Werkstrasse 1\n80331 Munich")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("still needs the partner's registration number");
    assertThat(partners.get(pi.getBusinessKey()).address()).isNull();

    complete("paula", "procurement", fix, Map.of("partnerAddress", "Werkstrasse 1\n80331 Munich",
        "partnerRegistrationId", "HRB 99"));
    runJobs(pi);
    assertThat(pi).hasPassed("Task_RecordPartnerData", "Task_GenerateNda").isWaitingAt("Task_ReviewNda");
    assertThat(partners.get(pi.getBusinessKey()).registrationId()).isEqualTo("HRB 99");
    assertThat(runtimeService.getVariable(pi.getId(), "ndaVersion")).isEqualTo(1);
  }

  @Test
  void aStepRefusingTheAnswerIsA400WithItsSentenceThroughTheEngineRestApi() {
    String secret = secret(Classification.SECRET, "oscar");
    ProcessInstance pi = upToLegalReview(request("DE", secret), false);
    String taskId = task(pi, "Task_ReviewNda").getId();
    var answer = io.cordon.Api.as(rest, "lena").post("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Map.of("legalDecision", Map.of("value", "REJECT", "type", "String"))));
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().path("detail").asText()).isEqualTo("Give the reason for rejecting the partner.");
    assertThat(pi).isWaitingAt("Task_ReviewNda");
  }

  @Test
  void legalRejectionRejectsThePartner() {
    String secret = secret(Classification.SECRET, "oscar");
    ProcessInstance pi = upToLegalReview(request("DE", secret), false);
    assertThatThrownBy(() -> complete("lena", "legal", task(pi, "Task_ReviewNda"), Map.of("legalDecision", "REJECT")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("reason");

    legal(pi, Map.of("legalDecision", "REJECT", "legalComment", "Refuses audit rights"));
    assertThat(pi).isEnded().hasPassed("Task_RejectByLegal", "EndEvent_RejectedByLegal");
    assertThat(partners.get(pi.getBusinessKey()).status()).isEqualTo(PartnerStatus.REJECTED);
    assertThat(disclosuresOf(pi)).isEmpty();
  }

  @Test
  void unsignedNdaRemindsThenEscalatesAndTheOnboardingCanBeWithdrawn() {
    String secret = secret(Classification.SECRET, "oscar");
    ProcessInstance pi = upToLegalReview(request("DE", secret), false);
    legal(pi, Map.of("legalDecision", "APPROVE"));
    complete("oscar", "secret-owners", approvalTasks(pi).get(0), Map.of("approvalDecision", "APPROVED"));
    assertThat(pi).isWaitingAt("Task_RecordSignedNda");

    for (String listener : List.of("TaskListener_RecordSignedNdaReminder", "TaskListener_RecordSignedNdaOverdue")) {
      org.camunda.bpm.engine.runtime.Job job = io.cordon.TimeoutJobs.job(managementService, pi.getId(), listener);
      assertThat(job.getDuedate()).isAfter(new java.util.Date());
      managementService.executeJob(job.getId());
      runJobs(pi);
    }
    assertThat(pi).isWaitingAt("Task_RecordSignedNda");
    assertThat(evidence.forPartner(pi.getBusinessKey(), 20)).filteredOn(e -> e.type().equals("NOTIFICATION_QUEUED"))
        .extracting(e -> e.activityId() + " " + (e.payload().contains("\"TASK_REMINDER\"") ? "reminder"
            : e.payload().contains("\"TASK_ESCALATION\"") ? "escalation" : "other"))
        .contains("Task_RecordSignedNda reminder", "Task_RecordSignedNda escalation");

    complete("paula", "procurement", task(pi, "Task_RecordSignedNda"),
        Map.of("signedDecision", "WITHDRAW", "withdrawalReason", "Partner chose another customer"));
    assertThat(pi).isEnded().hasPassed("Task_WithdrawOnboarding", "EndEvent_OnboardingWithdrawn");
    assertThat(partners.get(pi.getBusinessKey()).status()).isEqualTo(PartnerStatus.PROSPECT);
    assertThat(disclosuresOf(pi)).extracting(io.cordon.disclosure.DisclosureView::status)
        .containsOnly(io.cordon.disclosure.DisclosureStatus.REVOKED);
  }

  @Test
  void aSignedNdaMustBeAPdfOrWordFile() {
    String secret = secret(Classification.CONFIDENTIAL, "oscar");
    ProcessInstance pi = upToLegalReview(request("DE", secret), false);
    legal(pi, Map.of("legalDecision", "APPROVE"));
    Map<String, Object> vars = new HashMap<>();
    vars.put("signedDecision", "SIGNED");
    vars.put("signedNdaFile", org.camunda.bpm.engine.variable.Variables.fileValue("photo.png").file(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2})
        .create());
    vars.put("signatureDate", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
    assertThatThrownBy(() -> complete("paula", "procurement", task(pi, "Task_RecordSignedNda"), vars))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("PDF or a Word");
    assertThat(pi).isWaitingAt("Task_RecordSignedNda");
  }
}
