package io.cordon.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.Ndas;
import io.cordon.TestMailServer;
import io.cordon.TimeoutJobs;
import io.cordon.disclosure.DisclosureService;
import io.cordon.disclosure.DisclosureStatus;
import io.cordon.disclosure.DisclosureView;
import io.cordon.nda.NdaLifecycle;
import io.cordon.nda.NdaService;
import io.cordon.notification.OutboxSender;
import io.cordon.partner.Contact;
import io.cordon.partner.PartnerDetails;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.partner.PartnerType;
import io.cordon.partner.RiskTier;
import io.cordon.secret.Classification;
import io.cordon.secret.ProtectionMeasure;
import io.cordon.secret.SecretCategory;
import io.cordon.secret.SecretDetails;
import io.cordon.secret.SecretService;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
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

/** DisclosureRequestProcess: one more secret for an active partner, checked against its executed NDA. */
@CordonIntegrationTest
class DisclosureRequestProcessIT {

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  IdentityService identityService;
  @Autowired
  SecretService secrets;
  @Autowired
  PartnerService partners;
  @Autowired
  DisclosureService disclosures;
  @Autowired
  NdaService ndaService;
  @Autowired
  NdaLifecycle ndaLifecycle;
  @Autowired
  OutboxSender outbox;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void logout() {
    identityService.clearAuthentication();
  }

  private String secret(Classification classification) {
    return secrets.register(new SecretDetails("Request test " + classification, "summary", SecretCategory.PROCESS,
        classification, "oscar", List.of(), List.of(), List.of("DE"), Set.of(ProtectionMeasure.ENCRYPTION))).code();
  }

  /** An active partner (tier MEDIUM) with an executed NDA covering one SECRET secret: no crown-jewel clauses. */
  private String activePartnerWithNda() {
    String code = partners.register(new PartnerDetails("Request Test GmbH " + System.nanoTime(), null, "DE", "HRB 1",
        "Werkstrasse 2, Ulm", PartnerType.SUPPLIER, null, List.of(new Contact("Jo", "jo@partner.example", null)))).code();
    partners.changeStatus(code, PartnerStatus.ONBOARDING, "test");
    partners.assess(code, RiskTier.MEDIUM);
    partners.changeStatus(code, PartnerStatus.ACTIVE, "test");
    Ndas.inForce(ndaService, ndaLifecycle, code, List.of(secret(Classification.SECRET)));
    return code;
  }

  private ProcessInstance request(String partnerCode, String secretCode) {
    identityService.setAuthentication("paula", List.of("procurement"));
    try {
      return runtimeService.startProcessInstanceByKey("DisclosureRequestProcess", Map.of("partnerCode", partnerCode,
          "secretCode", secretCode, "purpose", "Second production line", "permittedRecipients", "Jo, Kim"));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void runJobs(ProcessInstance pi) {
    managementService.createJobQuery().processInstanceId(pi.getId()).executable().list()
        .forEach(job -> managementService.executeJob(job.getId()));
  }

  /** The one open approval task: in the DisclosureApprovalProcess instance the request called. */
  private Task approvalTask(ProcessInstance pi) {
    ProcessInstance called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    assertThat(called.getProcessDefinitionId()).startsWith("DisclosureApprovalProcess:");
    return taskService.createTaskQuery().processInstanceId(called.getId()).taskDefinitionKey("Task_ApproveDisclosure").singleResult();
  }

  private static List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : TestMailServer.get().getReceivedMessages()) {
      if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
        found.add(m);
      }
    }
    return found;
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String content(MimeMessage m) {
    try {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      m.writeTo(out);
      return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private DisclosureView disclosureOf(String partner, String secret) {
    return disclosures.ofPartner(partner, EnumSet.allOf(DisclosureStatus.class)).stream()
        .filter(d -> d.secretCode().equals(secret)).findFirst().orElseThrow();
  }

  @Test
  void aSecretWithinScopeIsApprovedByItsOwnerAndDisclosedUnderTheNda() {
    String partner = activePartnerWithNda();
    String secret = secret(Classification.SECRET);
    ProcessInstance pi = request(partner, secret);
    assertThat(pi.getBusinessKey()).isEqualTo(partner + ":" + secret);
    assertThat(runtimeService.getVariable(pi.getId(), "inScope")).isEqualTo(true);
    runJobs(pi);

    assertThat(pi).isWaitingAt("CallActivity_DisclosureApprovals");
    Task approval = approvalTask(pi);
    assertThat(approval.getAssignee()).isEqualTo("oscar");
    assertThat(approval.getName()).startsWith("Approve disclosure of " + secret + " to Request Test GmbH").endsWith("(owner)");
    ProcessInstance called = runtimeService.createProcessInstanceQuery().processInstanceId(approval.getProcessInstanceId()).singleResult();
    assertThat(called.getBusinessKey()).isEqualTo(pi.getBusinessKey());
    assertThat(runtimeService.getVariable(called.getId(), "purpose")).isEqualTo("Second production line");
    identityService.setAuthentication("oscar", List.of("secret-owners"));
    taskService.complete(approval.getId(), Map.of("approvalDecision", "APPROVED", "approvalComment", "needed for line 2"));
    identityService.clearAuthentication();

    assertThat(pi).isEnded().hasPassed("CallActivity_DisclosureApprovals", "Task_DiscloseApproved", "EndEvent_RequestDecided");
    DisclosureView d = disclosureOf(partner, secret);
    assertThat(d.status()).isEqualTo(DisclosureStatus.DISCLOSED);
    assertThat(d.ndaReference()).isEqualTo(ndaLifecycle.inForceFor(partner).orElseThrow().reference());
    assertThat(d.permittedRecipients()).containsExactly("Jo", "Kim");
    assertThat(d.approvals()).extracting(DisclosureView.ApprovalView::approverId).containsExactly("oscar");
    // The answer stayed in the approval's instance: the request saw only the register.
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn("approvalDecision", "approvalComment", "disclosureId").count()).isZero();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(called.getId())
        .variableName("approvalDecision").singleResult().getValue()).isEqualTo("APPROVED");
  }

  @Test
  void aDeclinedRequestDisclosesNothing() {
    String partner = activePartnerWithNda();
    String secret = secret(Classification.SECRET);
    ProcessInstance pi = request(partner, secret);
    runJobs(pi);

    Task approval = approvalTask(pi);
    identityService.setAuthentication("oscar", List.of("secret-owners"));
    taskService.complete(approval.getId(), Map.of("approvalDecision", "DECLINED", "approvalComment", "not for them"));
    identityService.clearAuthentication();

    assertThat(pi).isEnded().hasPassed("Task_DiscloseApproved");
    assertThat(disclosureOf(partner, secret).status()).isNotEqualTo(DisclosureStatus.DISCLOSED);
  }

  @Test
  void anOpenApprovalRemindsTheOwnerAndEscalatesToTheAdmins() throws Exception {
    String partner = activePartnerWithNda();
    String secret = secret(Classification.SECRET);
    ProcessInstance pi = request(partner, secret);
    runJobs(pi);
    Task approval = approvalTask(pi);
    outbox.sweep();
    int adminMailsBefore = mailsTo("ada@cordon.example").size();

    // The task's two timeout listeners: the reminder (after 2 days), then the escalation (after 4), as configured.
    List<org.camunda.bpm.engine.runtime.Job> timers = managementService.createJobQuery()
        .processInstanceId(approval.getProcessInstanceId()).timers().orderByJobDuedate().asc().list();
    assertThat(timers).hasSize(2);
    assertThat(java.time.Duration.between(timers.get(0).getDuedate().toInstant(), timers.get(1).getDuedate().toInstant())
        .toSeconds()).isBetween(2 * 86_400L - 5, 2 * 86_400L + 5);
    timers.forEach(timer -> managementService.executeJob(timer.getId()));
    outbox.sweep();

    assertThat(mailsTo("oscar@cordon.example")).filteredOn(m -> subject(m).startsWith("Reminder: Approve disclosure of " + secret))
        .singleElement().satisfies(m -> assertThat(content(m)).contains(secret));
    assertThat(mailsTo("ada@cordon.example")).hasSize(adminMailsBefore + 1)
        .anySatisfy(m -> assertThat(subject(m)).startsWith("Overdue: Approve disclosure of " + secret));
    assertThat(approvalTask(pi).getId()).as("still open").isEqualTo(approval.getId());
  }

  @Test
  void aConfidentialSecretNeedsNoApproval() {
    String partner = activePartnerWithNda();
    String secret = secret(Classification.CONFIDENTIAL);
    ProcessInstance pi = request(partner, secret);
    runJobs(pi);
    assertThat(pi).isEnded();
    assertThat(disclosureOf(partner, secret).status()).isEqualTo(DisclosureStatus.DISCLOSED);
  }

  @Test
  void aCrownJewelOutsideTheNdasClausesGoesToLegalForAnAmendment() {
    String partner = activePartnerWithNda();
    String crownJewel = secret(Classification.CROWN_JEWEL);
    ProcessInstance pi = request(partner, crownJewel);

    assertThat(runtimeService.getVariable(pi.getId(), "inScope")).isEqualTo(false);
    assertThat((String) runtimeService.getVariable(pi.getId(), "scopeReason")).contains("audit-rights").contains("sub-tier-flow-down");
    assertThat(pi).isWaitingAt("Task_AmendNda");
    assertThat(taskService.getIdentityLinksForTask(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("legal"));
    assertThat(disclosures.ofPartner(partner, EnumSet.allOf(DisclosureStatus.class)))
        .noneMatch(d -> d.secretCode().equals(crownJewel));
  }

  @Test
  void anOpenAmendmentRemindsLegalAndEscalatesToTheAdmins() throws Exception {
    String partner = activePartnerWithNda();
    ProcessInstance pi = request(partner, secret(Classification.CROWN_JEWEL));
    assertThat(pi).isWaitingAt("Task_AmendNda");
    outbox.sweep();
    int legalMailsBefore = mailsTo("lena@cordon.example").size();
    int adminMailsBefore = mailsTo("ada@cordon.example").size();

    // Timeout listeners on the task itself: no boundary event, no service task in the diagram.
    assertThat(TimeoutJobs.job(managementService, pi.getId(), "TaskListener_AmendNdaReminder")).isNotNull();
    managementService.executeJob(TimeoutJobs.job(managementService, pi.getId(), "TaskListener_AmendNdaReminder").getId());
    managementService.executeJob(TimeoutJobs.job(managementService, pi.getId(), "TaskListener_AmendNdaOverdue").getId());
    outbox.sweep();

    assertThat(mailsTo("lena@cordon.example")).hasSize(legalMailsBefore + 1)
        .anySatisfy(m -> assertThat(subject(m)).startsWith("Reminder: Amend the NDA"));
    assertThat(mailsTo("ada@cordon.example")).hasSize(adminMailsBefore + 1)
        .anySatisfy(m -> assertThat(subject(m)).startsWith("Overdue: Amend the NDA"));
    assertThat(pi).isWaitingAt("Task_AmendNda");
  }

  /** An instance of the version before the call activity (approvals in an embedded sub-process) finishes on it. */
  @Test
  void anInstanceOfTheVersionWithTheEmbeddedApprovalsFinishesOnIt() throws Exception {
    String partner = activePartnerWithNda();
    String secret = secret(Classification.SECRET);
    String deployment;
    try (java.io.InputStream legacy = getClass().getResourceAsStream("/legacy-models/DisclosureRequestProcess-embedded-approvals.bpmn")) {
      deployment = engine.getRepositoryService().createDeployment().name("disclosure request with embedded approvals")
          .addInputStream("DisclosureRequestProcess.bpmn", legacy).deploy().getId();
    }
    try {
      ProcessInstance pi = request(partner, secret);
      runJobs(pi);
      assertThat(pi).isWaitingAt("Task_ApproveDisclosure");
      Task approval = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ApproveDisclosure")
          .singleResult();
      assertThat(approval.getAssignee()).isEqualTo("oscar");
      assertThat(approval.getName()).startsWith("Approve disclosure of " + secret + " to ");
      identityService.setAuthentication("oscar", List.of("secret-owners"));
      taskService.complete(approval.getId(), Map.of("approvalDecision", "APPROVED"));
      identityService.clearAuthentication();

      assertThat(pi).isEnded().hasPassed("SubProcess_DisclosureApprovals", "Task_DiscloseApproved");
      assertThat(disclosureOf(partner, secret).status()).isEqualTo(DisclosureStatus.DISCLOSED);
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void theClausesASecretNeedsAreTheTablesNotCode() throws Exception {
    // Legal edits RequiredNdaClauses.dmn: a SECRET now needs audit rights too, which the test NDA does not carry.
    String table = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn", "RequiredNdaClauses.dmn"));
    String rule = "      <rule id=\"Rule_Required1\">";
    String edited = table.replace(rule, """
              <rule id="Rule_SecretAudit">
                <inputEntry id="Rule_SecretAudit_in0"><text>"SECRET"</text></inputEntry>
                <outputEntry id="Rule_SecretAudit_out0"><text>"audit-rights"</text></outputEntry>
              </rule>
        """ + rule);
    assertThat(edited).isNotEqualTo(table);
    String partner = activePartnerWithNda();
    String secret = secret(Classification.SECRET);
    String deployment = engine.getRepositoryService().createDeployment().name("edited required clauses")
        .addString("RequiredNdaClauses.dmn", edited).deploy().getId();
    try {
      ProcessInstance pi = request(partner, secret);
      assertThat(runtimeService.getVariable(pi.getId(), "inScope")).isEqualTo(false);
      assertThat((String) runtimeService.getVariable(pi.getId(), "scopeReason"))
          .endsWith(" does not protect SECRET secrets (no audit-rights clause): legal must amend it first.");
      assertThat(pi).isWaitingAt("Task_AmendNda");
      runtimeService.deleteProcessInstance(pi.getId(), "test done");
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
    assertThat(runtimeService.getVariable(request(partner, secret(Classification.SECRET)).getId(), "inScope"))
        .as("the table as deployed again").isEqualTo(true);
  }

  @Test
  void aPartnerWithoutAnNdaInForceNeedsOneFirst() {
    String partner = partners.register(new PartnerDetails("No NDA Ltd " + System.nanoTime(), null, "GB", "0001", "1 Road",
        PartnerType.DISTRIBUTOR, null, List.of())).code();
    partners.changeStatus(partner, PartnerStatus.ONBOARDING, "test");
    partners.changeStatus(partner, PartnerStatus.ACTIVE, "test");
    ProcessInstance pi = request(partner, secret(Classification.CONFIDENTIAL));
    assertThat(pi).isWaitingAt("Task_AmendNda");
    assertThat((String) runtimeService.getVariable(pi.getId(), "scopeReason")).contains("no executed NDA in force");
  }

  @Test
  void onlyActivePartnersMayRequestMore() {
    String partner = activePartnerWithNda();
    partners.changeStatus(partner, PartnerStatus.SUSPENDED, "re-certification lapsed");
    String secret = secret(Classification.SECRET);
    assertThatThrownBy(() -> request(partner, secret)).isInstanceOf(BadUserRequestException.class).hasMessageContaining("SUSPENDED");
  }
}
