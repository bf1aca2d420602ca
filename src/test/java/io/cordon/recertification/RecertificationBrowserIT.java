package io.cordon.recertification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.disclosure.DisclosureService;
import io.cordon.disclosure.DisclosureStatus;
import io.cordon.nda.NdaLifecycle;
import io.cordon.onboarding.Tasklist;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.partner.RiskTier;
import io.cordon.secret.Classification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * A re-certification as people do it in Tasklist, in a real (headless) browser: procurement enters the partner's
 * attestation in the embedded form (one panel per disclosure, a holder outside the permitted recipients, one
 * disclosure no longer needed), legal reviews the findings in the Camunda form, and the next period's form shows the
 * answers given. Timers fire by moving the engine clock and executing their jobs, as in
 * {@link RecertificationProcessIT}. Screenshots of failures go to target/browser/.
 */
@CordonIntegrationTest
class RecertificationBrowserIT {

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
  RecertificationFixture fixture;
  @Autowired
  RecertificationService service;
  @Autowired
  PartnerService partners;
  @Autowired
  DisclosureService disclosures;
  @Autowired
  NdaLifecycle ndas;

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
    identityService.clearAuthentication();
    ClockUtil.reset();
    if (tasklist != null) {
      tasklist.close();
    }
  }

  @Test
  void procurementAttestsAndLegalReviewsTheFindingsInTasklist() throws Exception {
    try {
      recertify();
    } catch (Throwable failure) {
      tasklist.snapshot("failure-" + getClass().getSimpleName());
      throw failure;
    }
  }

  private void recertify() {
    // A SECRET disclosed for two named recipients, a CONFIDENTIAL one and a crown jewel for anyone at the partner.
    var p = fixture.activePartnerWithRecipients(RiskTier.MEDIUM, 6,
        List.of(List.of("Jo Partner", "Kim Lee"), List.of(), List.of()),
        Classification.SECRET, Classification.CONFIDENTIAL, Classification.CROWN_JEWEL);
    String secret = p.secretCodes().get(0);
    String confidential = p.secretCodes().get(1);
    String jewel = p.secretCodes().get(2);
    String partnerName = partners.get(p.code()).legalName();
    long kept = p.disclosureIds().get(0);
    long unneeded = p.disclosureIds().get(1);
    String pi = p.process().getId();
    Period period = service.periods(p.code()).get(0);
    openWindow(pi, period);
    assertThat(p.process()).isWaitingAt("Task_Attest", "TimerEvent_RenewalDue");

    // Procurement opens the attestation: the partner as the register has it, one panel per disclosure with the
    // secret's title (not the crown jewel's: paula may not see it), the NDA version and the permitted recipients.
    tasklist.login("paula");
    tasklist.openTask("Procurement", task(pi, "Task_Attest").getId());
    tasklist.claim();
    tasklist.waitForText("Re-certification 1 of " + partnerName);
    tasklist.until(() -> tasklist.find(By.id("partnerFacts")).getText().contains("Jo Partner (quality)"));
    tasklist.waitForText("Recert secret SECRET");
    WebElement secretPanel = panel(secret);
    WebElement confidentialPanel = panel(confidential);
    WebElement jewelPanel = panel(jewel);
    assertThat(secretPanel.getText()).contains(secret + " — Recert secret SECRET", "(SECRET), disclosure " + kept,
        "NDA " + p.ndaReference() + " version 1", "Permitted recipients: Jo Partner, Kim Lee").doesNotContain("Last period");
    assertThat(confidentialPanel.getText()).contains("(CONFIDENTIAL), disclosure " + unneeded)
        .doesNotContain("Permitted recipients");
    assertThat(jewelPanel.getText()).contains(jewel + " (CROWN_JEWEL)").doesNotContain("Recert secret");
    assertThat(tasklist.pageSource()).doesNotContain("Recert secret CROWN_JEWEL");
    tasklist.type(jewelPanel.findElement(By.tagName("textarea")), "Jo Partner");

    // A disclosure still needed with nobody holding it: the form says so and does not submit.
    tasklist.type(secretPanel.findElement(By.tagName("textarea")), "Jo Partner\nMax Unlisted");
    tasklist.type(secretPanel.findElement(By.cssSelector("input[ng-model='item.incident']")), "Badge lost on 3 May");
    tasklist.complete();
    tasklist.waitForText("Name who holds " + confidential + " today, or mark it as no longer needed.");
    // ... and says it next to that disclosure's holders.
    assertThat(confidentialPanel.findElement(By.cssSelector(".field-error")).getText())
        .isEqualTo("Name who holds " + confidential + " today (one name per line), or mark it as no longer needed.");
    assertThat(secretPanel.findElements(By.cssSelector(".field-error"))).isEmpty();
    tasklist.snapshot("tasklist-attestation");
    task(pi, "Task_Attest");
    assertThat(runtimeService.getVariable(pi, "attestation")).isNull();

    // The CONFIDENTIAL one is no longer needed: now it submits.
    tasklist.choose(confidentialPanel.findElement(By.tagName("select")), "No longer needed (return or destroy)");
    tasklist.complete();
    tasklist.until(() -> taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_Attest").count() == 0);

    assertThat(service.period(period.id()).status()).isEqualTo(RecertificationStatus.IN_REVIEW);
    assertThat(service.period(period.id()).attestedBy()).isEqualTo("paula");
    List<AttestationLine> answers = service.answers(period.id());
    assertThat(answers).filteredOn(a -> a.disclosureId() == kept).singleElement().satisfies(a -> {
      assertThat(a.holders()).containsExactly("Jo Partner", "Max Unlisted");
      assertThat(a.stillNeeded()).isTrue();
      assertThat(a.incident()).isEqualTo("Badge lost on 3 May");
      assertThat(a.onwardDisclosure()).isNull();
      assertThat(a.flags()).containsExactlyInAnyOrder("HOLDER_NOT_PERMITTED", "INCIDENT");
    });
    assertThat(answers).filteredOn(a -> a.disclosureId() == p.disclosureIds().get(2)).singleElement()
        .satisfies(a -> assertThat(a.flags()).isEmpty());
    assertThat(answers).filteredOn(a -> a.disclosureId() == unneeded).singleElement().satisfies(a -> {
      assertThat(a.holders()).isEmpty();
      assertThat(a.stillNeeded()).isFalse();
      assertThat(a.flags()).isEmpty();
    });
    assertThat(p.process()).isWaitingAt("Task_ReviewAttestation", "TimerEvent_RenewalDue");
    assertThat(offboardingsOf(p.code())).as("nothing ends before legal has decided").isEmpty();
    tasklist.logout();

    // Legal reads the findings as the register keeps them and accepts them.
    tasklist.login("lena");
    tasklist.openTask("Legal", task(pi, "Task_ReviewAttestation").getId());
    tasklist.claim();
    tasklist.waitForText("Re-certification findings of " + partnerName + ", period 1");
    tasklist.waitForText("holder outside the permitted recipients, incident");
    WebElement lines = tasklist.find(By.id("attestationLines"));
    tasklist.until(() -> lines.getText().contains("Jo Partner, Kim Lee"));
    assertThat(lines.getText()).contains(secret + " — Recert secret SECRET", "Jo Partner, Max Unlisted",
        "Badge lost on 3 May", p.ndaReference(), "(no longer needed)", jewel + " (CROWN_JEWEL)")
        .doesNotContain("Recert secret CROWN_JEWEL");
    // A decision without its reason: refused, and the sentence stands under the reason.
    tasklist.choose("reviewDecision", "Accept the findings");
    tasklist.complete();
    WebElement reasonError = tasklist.find(By.cssSelector(".has-error .field-error"));
    assertThat(reasonError.getText()).contains("Give the reason for the decision").doesNotContain("(reviewComment)");
    assertThat(tasklist.pageSource()).contains("Not completed").doesNotContain("An error happened while submitting");
    tasklist.snapshot("tasklist-review-attestation");
    tasklist.type(tasklist.embeddedField("reviewComment"), "Max Unlisted joined Jo's team; NDA amendment to follow");
    tasklist.complete();
    tasklist.until(() -> taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_ReviewAttestation")
        .count() == 0);

    Period reviewed = service.period(period.id());
    assertThat(reviewed.status()).isEqualTo(RecertificationStatus.COMPLETED);
    assertThat(reviewed.reviewDecision()).isEqualTo("ACCEPT");
    assertThat(reviewed.reviewedBy()).isEqualTo("lena");
    assertThat(reviewed.reviewComment()).isEqualTo("Max Unlisted joined Jo's team; NDA amendment to follow");
    assertThat(reviewed.flags()).isEqualTo("HOLDER_NOT_PERMITTED,INCIDENT");
    assertThat(p.process()).hasPassed("Task_RecordReview", "Task_CompleteRecertification", "Task_StartReturnOrDestroy")
        .isWaitingAt("TimerEvent_WindowOpens", "TimerEvent_RenewalDue");
    List<ProcessInstance> returning = offboardingsOf(p.code());
    assertThat(returning).hasSize(1);
    assertThat(runtimeService.getVariable(returning.get(0).getId(), "disclosureIds")).isEqualTo(String.valueOf(unneeded));
    assertThat(runtimeService.getVariable(returning.get(0).getId(), "offboardingReason"))
        .as("the period number as the process keeps it, whatever the review form sent back")
        .isEqualTo("re-certification 1: no longer needed or ended by legal");
    assertThat(disclosures.get(kept).status()).isEqualTo(DisclosureStatus.DISCLOSED);
    assertThat(partners.get(p.code()).status()).isEqualTo(PartnerStatus.ACTIVE);
    tasklist.logout();

    // The next period's form shows what was answered last time.
    Period second = service.periods(p.code()).get(0);
    assertThat(second.periodNo()).isEqualTo(2);
    openWindow(pi, second);
    tasklist.login("paula");
    tasklist.openTask("Procurement", task(pi, "Task_Attest").getId());
    tasklist.waitForText("Re-certification 2 of " + partnerName);
    assertThat(panel(secret).getText()).contains("Last period: holders Jo Partner, Max Unlisted; still needed; "
        + "incident: Badge lost on 3 May.");
    assertThat(panel(secret).findElement(By.tagName("textarea")).getDomProperty("value"))
        .as("last period's holders, to correct").isEqualTo("Jo Partner\nMax Unlisted");
    tasklist.logout();
  }

  @Test
  void procurementRecordsTheNdaRenewalInTasklist() throws Exception {
    try {
      renewNda();
    } catch (Throwable failure) {
      tasklist.snapshot("failure-" + getClass().getSimpleName() + "-renewal");
      throw failure;
    }
  }

  private void renewNda() throws Exception {
    var p = fixture.activePartner(RiskTier.LOW, 12, List.of(), Classification.CONFIDENTIAL);
    String pi = p.process().getId();
    LocalDate expires = ndas.execution(p.ndaReference()).orElseThrow().expiresOn();
    Instant expiresAt = expires.atStartOfDay(ZoneOffset.UTC).toInstant();
    ClockUtil.setCurrentTime(Date.from(expiresAt.minus(Duration.ofDays(60))));
    Job renewalDue = managementService.createJobQuery().processInstanceId(pi).activityId("TimerEvent_RenewalDue").singleResult();
    managementService.executeJob(renewalDue.getId());

    tasklist.login("paula");
    tasklist.openTask("Procurement", task(pi, "Task_RenewNda").getId());
    tasklist.claim();
    tasklist.waitForText("Renew NDA " + p.ndaReference() + " with " + p.code());
    // Without the signed renewal, the server refuses and Tasklist says why; the task stays.
    tasklist.setValue(tasklist.embeddedField("renewalSignatureDate"), expires.minusDays(70).toString());
    tasklist.type(tasklist.embeddedField("renewalSignatories"), "A. Buyer (us); Jo Partner (partner)");
    tasklist.setValue(tasklist.embeddedField("renewalExpiresOn"), expires.plusYears(2).toString());
    tasklist.complete();
    tasklist.waitForText("Upload the signed renewal");
    assertThat(tasklist.find(By.cssSelector(".has-error .field-error")).getText()).startsWith("Upload the signed renewal");
    assertThat(tasklist.find(By.cssSelector(".has-error input[type='file']")).getDomProperty("id")).isEqualTo("renewalDocument");
    tasklist.snapshot("tasklist-renew-nda");
    task(pi, "Task_RenewNda");

    Path renewal = Files.write(files.resolve("renewal.pdf"), "%PDF-1.4\n% signed renewal\n".getBytes());
    tasklist.upload(tasklist.embeddedField("renewalDocument"), renewal);
    tasklist.complete();
    tasklist.until(() -> taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_RenewNda").count() == 0);

    assertThat(ndas.execution(p.ndaReference()).orElseThrow().expiresOn()).isEqualTo(expires.plusYears(2));
    assertThat(p.process()).hasPassed("Task_RecordRenewal").isWaitingAt("TimerEvent_RenewalDue", "TimerEvent_WindowOpens");
    tasklist.logout();
  }

  /** The attestation form's panel of one disclosure. */
  private WebElement panel(String secretCode) {
    return tasklist.find(By.xpath("//div[contains(@class,'panel')][.//div[contains(@class,'panel-heading')]/strong[normalize-space()='"
        + secretCode + "']]"));
  }

  private void openWindow(String pi, Period period) {
    ClockUtil.setCurrentTime(Date.from(period.requestAt()));
    Job job = managementService.createJobQuery().processInstanceId(pi).activityId("TimerEvent_WindowOpens").singleResult();
    assertThat(job).as("window timer").isNotNull();
    assertThat(job.getDuedate().toInstant()).isBeforeOrEqualTo(Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()));
    managementService.executeJob(job.getId());
  }

  private Task task(String pi, String key) {
    Task task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    assertThat(task).as("open task " + key).isNotNull();
    return task;
  }

  private List<ProcessInstance> offboardingsOf(String partnerCode) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("OffboardingProcess")
        .processInstanceBusinessKey(partnerCode).list();
  }
}
