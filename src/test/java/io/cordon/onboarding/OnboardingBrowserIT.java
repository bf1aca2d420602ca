package io.cordon.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.disclosure.DisclosureService;
import io.cordon.disclosure.DisclosureStatus;
import io.cordon.disclosure.DisclosureView;
import io.cordon.partner.PartnerDetails;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerType;
import io.cordon.partner.PartnerStatus;
import io.cordon.secret.Classification;
import io.cordon.secret.ProtectionMeasure;
import io.cordon.secret.SecretCategory;
import io.cordon.secret.SecretDetails;
import io.cordon.secret.SecretService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole onboarding as people do it in Tasklist, in a real (headless) browser: procurement starts it and records
 * due diligence, legal approves the NDA, the secret's owner approves the disclosure, procurement uploads the signed
 * copy. The job executor is off, so the test runs the asynchronous steps (NDA generation, disclosure requests) itself.
 * Screenshots of failures go to target/browser/.
 */
@CordonIntegrationTest
class OnboardingBrowserIT {

  @LocalServerPort
  int port;
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

  @TempDir
  Path files;

  private Tasklist tasklist;

  @BeforeEach
  void openBrowser() throws Exception {
    // CI installs Chromium (.ci/run); elsewhere the test is skipped without it.
    if (System.getenv("CI") == null) {
      Assumptions.assumeTrue(Tasklist.available(), "Debian's chromium and chromium-driver are not installed");
    }
    AbstractAssertions.init(engine);
    tasklist = new Tasklist(port);
  }

  @AfterEach
  void closeBrowser() {
    if (tasklist != null) {
      tasklist.close();
    }
  }

  @Test
  void procurementLegalAndOwnerOnboardAPartnerInTasklist() throws Exception {
    try {
      onboard();
    } catch (Throwable failure) {
      tasklist.snapshot("failure-" + getClass().getSimpleName());
      throw failure;
    }
  }

  private void onboard() throws Exception {
    String secret = secret(Classification.SECRET, "oscar");
    String confidential = secret(Classification.CONFIDENTIAL, "olivia");
    String partnerName = "Browser Test Precision GmbH " + System.nanoTime();

    // A prospect registered earlier without address and registration number: the NDA needs both, which becomes
    // procurement's task below. (A new partner described in the start form must bring them.)
    identityService.setAuthentication("paula", List.of("procurement"));
    String prospect;
    try {
      prospect = partners.register(new PartnerDetails(partnerName, null, "DE", null, null, PartnerType.CONTRACT_MANUFACTURER,
          null, List.of())).code();
    } finally {
      identityService.clearAuthentication();
    }

    // Procurement requests the onboarding.
    tasklist.login("paula");
    tasklist.snapshot("tasklist-filters");
    tasklist.startProcess("Partner onboarding");
    tasklist.fill("partnerCode", prospect);
    tasklist.fill("purpose", "Machining of housings");
    tasklist.fill("requestedSecretCodes", secret + ", " + confidential);
    tasklist.select("ndaKind", "Mutual");
    tasklist.snapshot("tasklist-start-onboarding");
    tasklist.submitStartForm();
    tasklist.until(() -> instanceOf(prospect) != null);
    ProcessInstance pi = instanceOf(prospect);
    assertThat(pi).isWaitingAt("Task_ReviewDueDiligence");

    // Procurement records due diligence.
    tasklist.openTask("Procurement", task(pi, "Task_ReviewDueDiligence").getId());
    // The partner and what is asked, read from the register as the form opens.
    tasklist.waitForText(partnerName);
    tasklist.waitForText("Browser test SECRET");
    tasklist.claim();
    tasklist.type(tasklist.embeddedField("securityCertifications"), "ISO 27001");
    tasklist.check("Access to confidential material is controlled and logged");
    tasklist.type(tasklist.embeddedField("dataLocation"), "DE");
    tasklist.choose("staffTurnover", "Low");
    tasklist.type(tasklist.embeddedField("privacyRegime"), "GDPR");
    tasklist.type(tasklist.embeddedField("findings"), "Visited the plant; badge access to the tooling room.");
    tasklist.snapshot("tasklist-due-diligence");
    tasklist.complete();
    tasklist.until(() -> task(pi, "Task_ReviewDueDiligence") == null);
    assertThat(runtimeService.getVariable(pi.getId(), "accessControlInPlace")).isEqualTo(true);
    assertThat(runtimeService.getVariable(pi.getId(), "staffTurnover")).isEqualTo("LOW");
    runJobs(pi);
    assertThat(pi).isWaitingAt("Task_CompletePartnerData");

    // The NDA cannot be printed without the partner's address and registration number: a task for procurement,
    // named so the list says what and for whom.
    String fixName = "Complete partner data for " + partnerName + " (" + pi.getBusinessKey()
        + "): registration number, registered address";
    assertThat(task(pi, "Task_CompletePartnerData").getName()).isEqualTo(fixName);
    tasklist.openTask("Procurement", task(pi, "Task_CompletePartnerData").getId());
    tasklist.waitForText(fixName);
    tasklist.until(() -> tasklist.find(By.id("partnerFacts")).getText().contains("DE, CONTRACT_MANUFACTURER"));
    assertThat(tasklist.find(By.id("missingData")).getText()).isEqualTo("registration number, registered address");
    tasklist.claim();
    // Half the answer: refused, the sentence under the field still missing, and nothing kept.
    tasklist.type(tasklist.embeddedField("partnerAddress"), "1 Test Road, 80331 Munich");
    tasklist.complete();
    WebElement missing = tasklist.find(By.cssSelector(".has-error .field-error"));
    assertThat(missing.getText()).startsWith("The NDA still needs the partner's registration number.");
    assertThat(tasklist.find(By.cssSelector(".has-error input")).getDomProperty("id")).isEqualTo("partnerRegistrationId");
    assertThat(partners.get(prospect).address()).isNull();
    tasklist.snapshot("tasklist-complete-partner-data");
    tasklist.type(tasklist.embeddedField("partnerRegistrationId"), "HRB 4711");
    tasklist.complete();
    tasklist.until(() -> task(pi, "Task_CompletePartnerData") == null);
    runJobs(pi);
    assertThat(pi).hasPassed("Task_GenerateNda").isWaitingAt("Task_ReviewNda");
    String nda = (String) runtimeService.getVariable(pi.getId(), "ndaReference");
    tasklist.logout();

    // Legal reads the NDA, downloads it and approves it.
    tasklist.login("lena");
    tasklist.openTask("Legal", task(pi, "Task_ReviewNda").getId());
    tasklist.waitForText(nda + " version 1");
    String docx = tasklist.find(By.cssSelector("a[href$='.docx']")).getDomProperty("href");
    assertThat(docx).endsWith("/api/ndas/" + nda + "/versions/1.docx");
    assertThat(tasklist.fetchStatus(docx)).as("the .docx with lena's Tasklist session").isEqualTo(200);
    // The partner and the clauses as people read them, fallbacks as a list.
    tasklist.waitForText(partnerName);
    tasklist.waitForText("Term and survival");
    tasklist.claim();
    // Regenerating without picking a fallback: refused with the sentence, without task id or engine prefix.
    tasklist.choose("legalDecision", "Use the fallbacks chosen above and generate again");
    tasklist.complete();
    tasklist.waitForText("Name at least one fallback position");
    assertThat(tasklist.pageSource()).doesNotContain("Cannot submit task form", "ENGINE-", "An error happened while submitting")
        .contains("Not completed");
    // The sentence also stands under the clauses, where the fallbacks are picked.
    assertThat(tasklist.find(By.id("fallbackError")).getText()).startsWith("Name at least one fallback position");
    assertThat(task(pi, "Task_ReviewNda")).isNotNull();
    tasklist.choose(tasklist.find(By.cssSelector("select[name='fallback-term-survival']")), "Term and survival (term-fixed-survival)");
    tasklist.choose("legalDecision", "Use the fallbacks chosen above and generate again");
    tasklist.snapshot("tasklist-review-nda");
    tasklist.complete();
    tasklist.until(() -> Integer.valueOf(2).equals(runtimeService.getVariable(pi.getId(), "ndaVersion"))
        || runJobsAndCheck(pi));
    assertThat((String) runtimeService.getVariable(pi.getId(), "clauseKeys")).contains("/term-fixed-survival");

    // The second round starts empty and says what changed.
    tasklist.openTask("Legal", task(pi, "Task_ReviewNda").getId());
    tasklist.waitForText(nda + " version 2");
    tasklist.waitForText("Changed since version 1");
    assertThat(tasklist.embeddedField("legalDecision").getDomProperty("value")).isEmpty();
    tasklist.claim();
    tasklist.choose("legalDecision", "Approve this NDA");
    tasklist.complete();
    tasklist.until(() -> task(pi, "Task_ReviewNda") == null);
    runJobs(pi);
    tasklist.logout();

    // The SECRET's owner approves its disclosure (the CONFIDENTIAL one needs no owner approval).
    Task approval = approvalTask(pi);
    assertThat(approval.getAssignee()).isEqualTo("oscar");
    tasklist.login("oscar");
    assertThat(approval.getName()).isEqualTo("Approve disclosure of " + secret + " to " + partnerName + " (owner)");
    tasklist.openTask("My tasks", approval.getId());
    // The decision's facts, read from the register as the form opens: the partner's name, the secret's title.
    tasklist.waitForText(partnerName);
    tasklist.waitForText("Browser test SECRET");
    tasklist.waitForText(nda + " version 2");
    tasklist.snapshot("tasklist-approve-disclosure");
    tasklist.choose("approvalDecision", "Approve the disclosure");
    tasklist.type(tasklist.embeddedField("approvalComment"), "Needed for the housings");
    tasklist.complete();
    tasklist.until(() -> approvalTask(pi) == null);
    assertThat(pi).isWaitingAt("Task_RecordSignedNda");
    tasklist.logout();

    // Procurement uploads the executed copy.
    Path signed = Files.write(files.resolve("signed-nda.pdf"), "%PDF-1.4\n% executed copy\n".getBytes());
    tasklist.login("paula");
    tasklist.openTask("Procurement", task(pi, "Task_RecordSignedNda").getId());
    tasklist.claim();
    tasklist.choose("signedDecision", "The partner signed");
    tasklist.upload(tasklist.embeddedField("signedNdaFile"), signed);
    tasklist.setValue(tasklist.embeddedField("signatureDate"), LocalDate.now(ZoneOffset.UTC).toString());
    tasklist.type(tasklist.embeddedField("signatories"), "Li Wei (partner), Paula Procurement (us)");
    tasklist.snapshot("tasklist-record-signed-nda");
    tasklist.complete();
    tasklist.until(() -> runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0);

    assertThat(pi).isEnded().hasPassed("Task_StoreExecutedNda", "Task_ActivatePartner", "EndEvent_PartnerOnboarded");
    assertThat(partners.get(pi.getBusinessKey()).status()).isEqualTo(PartnerStatus.ACTIVE);
    List<DisclosureView> disclosed = disclosures.ofPartner(pi.getBusinessKey(), EnumSet.allOf(DisclosureStatus.class));
    assertThat(disclosed).extracting(DisclosureView::secretCode).containsExactlyInAnyOrder(secret, confidential);
    assertThat(disclosed).extracting(DisclosureView::status).containsOnly(DisclosureStatus.DISCLOSED);
    assertThat(disclosed).extracting(DisclosureView::ndaReference).containsOnly(nda);
  }

  @Test
  void securityDecidesFromTheRiskTierAndWhyTheRegisterRecorded() throws Exception {
    try {
      reviewSecurity();
    } catch (Throwable failure) {
      tasklist.snapshot("failure-" + getClass().getSimpleName() + "-security");
      throw failure;
    }
  }

  private void reviewSecurity() {
    String jewel = secret(Classification.CROWN_JEWEL, "oscar");
    String partnerName = "Browser Security GmbH " + System.nanoTime();
    Map<String, Object> request = new HashMap<>();
    request.put("partnerName", partnerName);
    request.put("partnerCountry", "DE");
    request.put("partnerType", "CONTRACT_MANUFACTURER");
    request.put("partnerAddress", "1 Test Road");
    request.put("partnerRegistrationId", "HRB 4711");
    request.put("contactName", "Li Wei");
    request.put("contactEmail", "li.wei@partner.example");
    request.put("purpose", "Machining of housings");
    request.put("requestedSecretCodes", jewel);
    request.put("ndaKind", "MUTUAL");
    Map<String, Object> answers = new HashMap<>();
    answers.put("securityCertifications", "ISO 27001");
    answers.put("accessControlInPlace", true);
    answers.put("usesSubcontractors", false);
    answers.put("incidentsLastFiveYears", false);
    answers.put("dataLocation", "DE");
    answers.put("staffTurnover", "LOW");
    answers.put("privacyRegime", "GDPR");
    answers.put("findings", "Visited the plant; badge access to the tooling room.");
    identityService.setAuthentication("paula", List.of("procurement"));
    ProcessInstance pi;
    try {
      pi = runtimeService.startProcessInstanceByKey("PartnerOnboardingProcess", request);
      taskService.complete(task(pi, "Task_ReviewDueDiligence").getId(), answers);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(pi).isWaitingAt("Task_ReviewSecurity");

    // Security sees the partner, the tier and why (the rule of the risk table that decided, what it was asked), and
    // the crown jewel's title: sam may see it.
    tasklist.login("sam");
    tasklist.openTask("Security", task(pi, "Task_ReviewSecurity").getId());
    tasklist.waitForText("Security review of " + partnerName);
    tasklist.waitForText("Crown jewels are always at least high risk");
    tasklist.until(() -> tasklist.find(By.id("riskInputs")).getText().contains("CROWN_JEWEL"));
    assertThat(tasklist.find(By.id("riskTier")).getText()).isEqualTo("HIGH");
    assertThat(tasklist.find(By.id("riskInputs")).getText()).contains("Access control in place yes",
        "Incidents in the last 5 years no", "Security certification ISO 27001", "Staff turnover LOW");
    tasklist.waitForText("Browser test CROWN_JEWEL");
    tasklist.waitForText("Visited the plant; badge access to the tooling room.");
    tasklist.claim();
    // A decision without the comment it needs: refused, the sentence next to the comment.
    tasklist.choose("securityDecision", "Reject the partner");
    tasklist.complete();
    WebElement error = tasklist.find(By.cssSelector(".has-error .field-error"));
    assertThat(error.getText()).contains("Give the reason or question").doesNotContain("(securityComment)");
    assertThat(tasklist.find(By.cssSelector(".has-error textarea")).getDomProperty("id")).isEqualTo("securityComment");
    tasklist.snapshot("tasklist-security-review");
    assertThat(task(pi, "Task_ReviewSecurity")).as("still open").isNotNull();
    tasklist.type(tasklist.embeddedField("securityComment"), "No clean-desk policy");
    tasklist.complete();
    tasklist.until(() -> runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0);
    assertThat(partners.get(pi.getBusinessKey()).status()).isEqualTo(PartnerStatus.REJECTED);
    tasklist.logout();
  }

  private String secret(Classification classification, String owner) {
    identityService.setAuthentication("sam", List.of("security"));
    try {
      return secrets.register(new SecretDetails("Browser test " + classification, "summary", SecretCategory.TECHNICAL,
          classification, owner, List.of("PLM"), List.of("Munich"), List.of("DE"), Set.of(ProtectionMeasure.ACCESS_CONTROL))).code();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private ProcessInstance instanceOf(String partnerCode) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("PartnerOnboardingProcess")
        .processInstanceBusinessKey(partnerCode).singleResult();
  }

  private Task task(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  /** The open approval task, in the DisclosureApprovalProcess instance the onboarding called (null when decided). */
  private Task approvalTask(ProcessInstance pi) {
    ProcessInstance called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    return called == null ? null
        : taskService.createTaskQuery().processInstanceId(called.getId()).taskDefinitionKey("Task_ApproveDisclosure").singleResult();
  }

  private boolean runJobsAndCheck(ProcessInstance pi) {
    runJobs(pi);
    return Integer.valueOf(2).equals(runtimeService.getVariable(pi.getId(), "ndaVersion"));
  }

  /** Executes the process's due jobs, as the job executor would (it is off in tests). */
  private void runJobs(ProcessInstance pi) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}
