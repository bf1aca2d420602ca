package io.cordon.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.Ndas;
import io.cordon.disclosure.Approval;
import io.cordon.disclosure.DisclosureRequest;
import io.cordon.disclosure.DisclosureService;
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
import io.cordon.secret.SecretStatus;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A leak as security reports it and legal assesses it in Tasklist, in a real (headless) browser: the start form
 * "Leak response", then the assessment task from the Legal filter. The job executor is off. Screenshots of failures go
 * to target/browser/.
 */
@CordonIntegrationTest
class LeakResponseBrowserIT {

  @LocalServerPort
  int port;
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
  DisclosureService disclosures;
  @Autowired
  NdaService ndaService;
  @Autowired
  NdaLifecycle ndaLifecycle;
  @Autowired
  LeakStore store;

  private Tasklist tasklist;

  @BeforeEach
  void openBrowser() throws Exception {
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
  void securityReportsALeakAndLegalConfirmsItInTasklist() throws Exception {
    try {
      reportAndAssess();
    } catch (Throwable failure) {
      tasklist.snapshot("failure-" + getClass().getSimpleName());
      throw failure;
    }
  }

  private void reportAndAssess() {
    String secret = secrets.register(new SecretDetails("Leak browser test " + System.nanoTime(), "summary",
        SecretCategory.TECHNICAL, Classification.SECRET, "oscar", List.of(), List.of(), List.of("DE"),
        Set.of(ProtectionMeasure.ACCESS_CONTROL))).code();
    String partner = activePartner();
    disclose(secret, partner, Ndas.inForce(ndaService, ndaLifecycle, partner, List.of(secret)));

    // Security reports it with the start form.
    tasklist.login("sam");
    tasklist.startProcess("Leak response");
    tasklist.fill("leakSecretCodes", secret);
    tasklist.fill("noticedHow", "A drawing offered at a trade fair");
    tasklist.fill("suspected", "a supplier's engineer");
    tasklist.submitStartForm();
    tasklist.until(() -> store.openIncidents(List.of(secret)).containsKey(secret));
    String code = store.openIncidents(List.of(secret)).get(secret);
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(runtimeService.getVariable(pi.getId(), "initiator")).isEqualTo("sam");
    assertThat(pi).hasPassed("Task_OpenIncident").isWaitingAt("Task_AssessLeak");
    assertThat(secrets.get(secret).status()).isEqualTo(SecretStatus.AT_RISK);
    tasklist.logout();

    // Legal assesses it from the Legal filter: confirmed, the partner suspected.
    tasklist.login("lena");
    tasklist.openTask("Legal", task(pi).getId());
    tasklist.claim();
    // The form shows the report as recorded (read-only fields).
    tasklist.until(() -> "A drawing offered at a trade fair".equals(tasklist.camundaFormField("noticedHow").getDomProperty("value")));
    assertThat(tasklist.camundaFormField("incidentCode").getDomProperty("value")).isEqualTo(code);
    tasklist.check("Confirmed: the secret has leaked");
    tasklist.fill("suspectedPartners", partner);
    tasklist.fill("assessmentNote", "The drawing matches revision C");
    tasklist.complete();
    tasklist.until(() -> task(pi) == null);

    assertThat(pi).hasPassed("Task_RecordAssessment").isWaitingAt("Task_PreserveEvidence");
    assertThat(secrets.get(secret).status()).isEqualTo(SecretStatus.COMPROMISED);
    assertThat(store.partners(incidentId(pi))).extracting(LeakStore.PartnerRow::partnerCode)
        .containsExactly(partner);
    tasklist.logout();
  }

  private long incidentId(ProcessInstance pi) {
    return ((Number) runtimeService.getVariable(pi.getId(), LeakVariables.INCIDENT_ID.name())).longValue();
  }

  private Task task(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_AssessLeak").singleResult();
  }

  private String activePartner() {
    String partner = partners.register(new PartnerDetails("Leak Browser GmbH " + System.nanoTime(), null, "DE", "HRB 11",
        "Werkstrasse 11, Ulm", PartnerType.SUPPLIER, null, List.of(new Contact("Jo Partner", "jo@partner.example", null))))
        .code();
    partners.changeStatus(partner, PartnerStatus.ONBOARDING, "test");
    partners.assess(partner, RiskTier.MEDIUM);
    partners.changeStatus(partner, PartnerStatus.ACTIVE, "test");
    return partner;
  }

  private void disclose(String secret, String partner, String nda) {
    long id = disclosures.request(new DisclosureRequest(secret, partner, nda, null, "Tooling", List.of("Jo Partner"), null))
        .id();
    identityService.setAuthentication("oscar", List.of("secret-owners"));
    try {
      disclosures.decide(id, Approval.Decision.APPROVED, "ok");
    } finally {
      identityService.clearAuthentication();
    }
    disclosures.disclose(id, nda, null);
  }
}
