package io.cordon.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.Ndas;
import io.cordon.disclosure.Approval;
import io.cordon.disclosure.DisclosureRequest;
import io.cordon.disclosure.DisclosureService;
import io.cordon.disclosure.DisclosureStatus;
import io.cordon.nda.NdaLifecycle;
import io.cordon.nda.NdaService;
import io.cordon.onboarding.Tasklist;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * An offboarding as procurement does it in Tasklist, in a real (headless) browser: the start form, the certificates
 * downloaded with the Tasklist session, an outcome per item, the signed certificate uploaded. The job executor is
 * off: the test runs the certificate generation itself. Screenshots of failures go to target/browser/.
 */
@CordonIntegrationTest
class OffboardingBrowserIT {

  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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
  @Autowired
  NdaService ndaService;
  @Autowired
  NdaLifecycle ndaLifecycle;

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
    if (tasklist != null) {
      tasklist.close();
    }
  }

  @Test
  void procurementOffboardsAPartnerInTasklist() throws Exception {
    try {
      offboard();
    } catch (Throwable failure) {
      tasklist.snapshot("failure-" + getClass().getSimpleName());
      throw failure;
    }
  }

  private void offboard() throws Exception {
    // Two secrets, each disclosed under an NDA of its own: two certificates.
    String partner = activePartner();
    String returned = secret();
    String destroyed = secret();
    String returnedNda = Ndas.inForce(ndaService, ndaLifecycle, partner, List.of(returned));
    String destroyedNda = Ndas.inForce(ndaService, ndaLifecycle, partner, List.of(destroyed));
    long returnedId = disclose(returned, partner, returnedNda);
    long destroyedId = disclose(destroyed, partner, destroyedNda);

    // Procurement starts the offboarding from Tasklist.
    tasklist.login("paula");
    tasklist.startProcess("Offboarding");
    tasklist.fill("partnerCode", partner);
    tasklist.fill("offboardingReason", "Supplier replaced");
    tasklist.snapshot("tasklist-start-offboarding");
    tasklist.submitStartForm();
    tasklist.until(() -> instanceOf(partner) != null);
    ProcessInstance pi = instanceOf(partner);
    assertThat(runtimeService.getVariable(pi.getId(), "initiator")).isEqualTo("paula");
    assertThat(pi).hasPassed("Task_CheckRequest").isWaitingAt("Task_GenerateCertificate");
    runJobs(pi);
    assertThat(pi).isWaitingAt("Task_UploadSignedCertificate");

    // The task: one certificate per NDA, downloadable with paula's Tasklist session.
    tasklist.openTask("Procurement", task(pi).getId());
    tasklist.claim();
    // The partner and the items as the register has them: names, contacts, each secret's title and classification.
    String partnerName = partners.get(partner).legalName();
    tasklist.waitForText("Signed certificate of return or destruction from " + partnerName);
    tasklist.waitForText("Supplier replaced");
    tasklist.until(() -> tasklist.find(By.id("partnerFacts")).getText().contains("Jo Partner <jo@partner.example>"));
    tasklist.until(() -> itemRow(returned).getText().contains("Offboarding browser test"));
    assertThat(itemRow(returned).getText()).contains(returned + " — Offboarding browser test", "(SECRET)", returnedNda);
    tasklist.find(By.xpath("//a[normalize-space()='" + returnedNda + " (Word .docx)']"));
    List<String> links = new ArrayList<>();
    for (WebElement link : tasklist.findAll(By.cssSelector("a[href$='.docx']"))) {
      links.add(link.getDomProperty("href"));
    }
    assertThat(links).hasSize(2).allSatisfy(href -> assertThat(href).contains("/api/partners/" + partner + "/offboardings/"))
        .anySatisfy(href -> assertThat(href).endsWith("/certificates/" + returnedNda + ".docx"))
        .anySatisfy(href -> assertThat(href).endsWith("/certificates/" + destroyedNda + ".docx"));
    for (String href : links) {
      assertThat(tasklist.fetchType(href)).as(href).isEqualTo("200 " + DOCX);
    }

    // One item returned, the other destroyed.
    tasklist.choose("outcomeForAll", "returned or destroyed, item by item (choose below)");
    tasklist.choose(itemOutcome(returned), "returned");
    tasklist.choose(itemOutcome(destroyed), "destroyed");
    tasklist.setValue(tasklist.embeddedField("signatureDate"),
        LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).toString());
    tasklist.type(tasklist.embeddedField("signatory"), "Jo Partner, managing director");
    // Without the signed certificate, the server refuses and Tasklist says why; the task stays.
    tasklist.complete();
    tasklist.waitForText("Upload the signed certificate (PDF or DOCX).");
    // ... next to the file field too, and without Tasklist's "An error happened" in front of it.
    assertThat(tasklist.find(By.cssSelector(".has-error .field-error")).getText()).startsWith("Upload the signed certificate");
    assertThat(tasklist.find(By.cssSelector(".has-error input[type='file']")).getDomProperty("id"))
        .isEqualTo("signedCertificateFile");
    assertThat(tasklist.pageSource()).contains("Not completed").doesNotContain("An error happened while submitting");
    tasklist.snapshot("tasklist-upload-signed-certificate");
    assertThat(task(pi)).as("still open").isNotNull();

    Path signed = Files.write(files.resolve("certificate-signed.pdf"), "%PDF-1.4\n% signed certificate\n".getBytes());
    tasklist.upload(tasklist.embeddedField("signedCertificateFile"), signed);
    tasklist.complete();
    tasklist.until(() -> runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0);

    assertThat(pi).isEnded().hasPassed("Task_RecordSignedCertificate", "Task_CloseDisclosures", "Task_OffboardPartner");
    assertThat(disclosures.get(returnedId).status()).isEqualTo(DisclosureStatus.RETURNED);
    assertThat(disclosures.get(destroyedId).status()).isEqualTo(DisclosureStatus.DESTROYED);
    assertThat(partners.get(partner).status()).isEqualTo(PartnerStatus.OFFBOARDED);
    tasklist.logout();
  }

  /** The outcome select of the certificate table's row for this secret. */
  private WebElement itemOutcome(String secretCode) {
    return itemRow(secretCode).findElement(By.tagName("select"));
  }

  private WebElement itemRow(String secretCode) {
    return tasklist.find(By.xpath("//tr[td[1][starts-with(normalize-space(),'" + secretCode + "')]]"));
  }

  private String activePartner() {
    String partner = partners.register(new PartnerDetails("Offboarding Browser GmbH " + System.nanoTime(), null, "DE",
        "HRB 10", "Werkstrasse 10, Ulm", PartnerType.SUPPLIER, null,
        List.of(new Contact("Jo Partner", "jo@partner.example", null)))).code();
    partners.changeStatus(partner, PartnerStatus.ONBOARDING, "test");
    partners.assess(partner, RiskTier.MEDIUM);
    partners.changeStatus(partner, PartnerStatus.ACTIVE, "test");
    return partner;
  }

  private String secret() {
    return secrets.register(new SecretDetails("Offboarding browser test " + System.nanoTime(), "summary",
        SecretCategory.TECHNICAL, Classification.SECRET, "oscar", List.of(), List.of(), List.of("DE"),
        Set.of(ProtectionMeasure.ACCESS_CONTROL))).code();
  }

  private long disclose(String secret, String partner, String nda) {
    long id = disclosures.request(new DisclosureRequest(secret, partner, nda, null, "Tooling", List.of("Jo Partner"), null))
        .id();
    identityService.setAuthentication("oscar", List.of("secret-owners"));
    try {
      disclosures.decide(id, Approval.Decision.APPROVED, "ok");
    } finally {
      identityService.clearAuthentication();
    }
    disclosures.disclose(id, nda, null);
    return id;
  }

  private ProcessInstance instanceOf(String partner) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("OffboardingProcess")
        .variableValueEquals("partnerCode", partner).singleResult();
  }

  private Task task(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_UploadSignedCertificate")
        .singleResult();
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
