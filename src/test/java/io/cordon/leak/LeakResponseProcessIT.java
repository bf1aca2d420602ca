package io.cordon.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import io.cordon.Ndas;
import io.cordon.TestMailServer;
import io.cordon.disclosure.Approval;
import io.cordon.disclosure.DisclosureRequest;
import io.cordon.disclosure.DisclosureService;
import io.cordon.disclosure.DisclosureStatus;
import io.cordon.dispute.LegalHolds;
import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceEvent;
import io.cordon.nda.NdaLifecycle;
import io.cordon.nda.NdaService;
import io.cordon.notification.OutboxSender;
import io.cordon.partner.Contact;
import io.cordon.partner.PartnerDetails;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.partner.PartnerType;
import io.cordon.partner.RiskTier;
import io.cordon.platform.ConflictException;
import io.cordon.secret.Classification;
import io.cordon.secret.ProtectionMeasure;
import io.cordon.secret.SecretCategory;
import io.cordon.secret.SecretDetails;
import io.cordon.secret.SecretService;
import io.cordon.secret.SecretStatus;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Paths through LeakResponseProcess on the real application, the job executor off: jobs (evidence packs, notification,
 * timers) run when the test executes them, and time moves with {@link ClockUtil}, not by waiting.
 */
@CordonIntegrationTest
class LeakResponseProcessIT {

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
  EvidenceChain evidence;
  @Autowired
  LegalHolds legalHolds;
  @Autowired
  OutboxSender outbox;
  @Autowired
  TestRestTemplate rest;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  // ---- fixtures: a secret held by partners under executed NDAs ----

  record Held(String secret, String title, Map<String, Long> disclosureByPartner) {
  }

  private String secret(String title, Classification classification) {
    return secrets.register(new SecretDetails(title, "summary", SecretCategory.TECHNICAL, classification, "oscar", List.of(),
        List.of(), List.of("DE"), Set.of(ProtectionMeasure.ACCESS_CONTROL))).code();
  }

  private String activePartner() {
    String partner = partners.register(new PartnerDetails("Leak Test GmbH " + System.nanoTime(), null, "DE", "HRB 7",
        "Werkstrasse 7, Ulm", PartnerType.SUPPLIER, null, List.of(new Contact("Jo", "jo@partner.example", null)))).code();
    partners.changeStatus(partner, PartnerStatus.ONBOARDING, "test");
    partners.assess(partner, RiskTier.MEDIUM);
    partners.changeStatus(partner, PartnerStatus.ACTIVE, "test");
    return partner;
  }

  /** A secret disclosed to {@code holders} partners, each under an NDA of its own. */
  private Held held(Classification classification, int holders) {
    String title = "Leak test title " + System.nanoTime();
    String secret = secret(title, classification);
    Map<String, Long> byPartner = new LinkedHashMap<>();
    for (int i = 0; i < holders; i++) {
      String partner = activePartner();
      byPartner.put(partner, disclose(secret, partner));
    }
    return new Held(secret, title, byPartner);
  }

  private long disclose(String secret, String partner) {
    String nda = Ndas.inForce(ndaService, ndaLifecycle, partner, List.of(secret));
    long id = disclosures.request(new DisclosureRequest(secret, partner, nda, null, "Tooling", List.of("Jo"), null)).id();
    as("oscar", "secret-owners", () -> disclosures.decide(id, Approval.Decision.APPROVED, "ok"));
    as("sam", "security", () -> disclosures.decide(id, Approval.Decision.APPROVED, "ok"));
    disclosures.disclose(id, nda, null);
    return id;
  }

  private void as(String user, String group, Runnable work) {
    identityService.setAuthentication(user, List.of(group));
    try {
      work.run();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private JsonNode report(String user, String secret, boolean personalData) {
    ResponseEntity<JsonNode> created = Api.as(rest, user).post("/api/incidents", Map.of("secretCodes", List.of(secret),
        "noticedHow", "A drawing offered on a forum", "suspected", "a former engineer", "personalData", personalData));
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return created.getBody();
  }

  private ProcessInstance instance(JsonNode incident) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(incident.get("processInstanceId").asText()).singleResult();
  }

  private void runJobs(ProcessInstance pi) {
    for (int round = 0; round < 5; round++) {
      List<org.camunda.bpm.engine.runtime.Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId())
          .executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private Task task(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private void complete(ProcessInstance pi, String key, String user, String group, Map<String, Object> vars) {
    Task task = task(pi, key);
    assertThat(task).as("open task " + key).isNotNull();
    as(user, group, () -> taskService.complete(task.getId(), vars));
  }

  private JsonNode incident(String user, long id) {
    ResponseEntity<JsonNode> r = Api.as(rest, user).get("/api/incidents/" + id);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }

  private List<EvidenceEvent> trail(String secret, String incidentCode) {
    return evidence.forSecret(secret, 500).stream().filter(e -> e.type().startsWith("LEAK_")).toList();
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

  private static String content(MimeMessage m) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    m.writeTo(out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  // ---- paths ----

  @Test
  void confirmedLeakIsSnapshottedPreservedSuspendedNotifiedActedOnAndClosed() throws Exception {
    Held h = held(Classification.CROWN_JEWEL, 2);
    List<String> holders = List.copyOf(h.disclosureByPartner().keySet());
    String suspect = holders.get(0);
    String other = holders.get(1);

    JsonNode reported = report("oscar", h.secret(), false);
    long id = reported.get("id").asLong();
    String code = reported.get("code").asText();
    ProcessInstance pi = instance(reported);
    assertThat(pi.getBusinessKey()).isEqualTo(code);
    assertThat(pi).hasPassed("Task_OpenIncident").isWaitingAt("Task_AssessLeak");

    // At once, in the report's transaction: AT_RISK, the gate closed, the snapshot taken.
    assertThat(secrets.get(h.secret()).status()).isEqualTo(SecretStatus.AT_RISK);
    assertThat(reported.get("holders").asInt()).isEqualTo(2);
    assertThat(reported.get("secrets").get(0).has("title")).isFalse();
    String newPartner = activePartner();
    assertThatThrownBy(() -> disclosures.request(new DisclosureRequest(h.secret(), newPartner, null, null, "More", List.of("Jo"), null)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("AT_RISK");
    JsonNode snapshot = Api.as(rest, "lena").get("/api/incidents/" + id + "/snapshot").getBody();
    assertThat(snapshot).hasSize(2);
    assertThat(snapshot.findValuesAsText("partnerCode")).containsExactlyInAnyOrderElementsOf(holders);
    for (JsonNode row : snapshot) {
      assertThat(row.get("ndaReference").asText()).startsWith("NDA-");
      assertThat(row.get("ndaVersion").asInt()).isEqualTo(1);
      assertThat(row.get("governingLaw").asText()).startsWith("governing-law-");
      assertThat(row.get("returnDestroy").asText()).startsWith("return-destroy@");
      assertThat(row.get("permittedRecipients").get(0).asText()).isEqualTo("Jo");
    }
    // The lineage changes later; the snapshot does not.
    disclosures.close(h.disclosureByPartner().get(other), DisclosureStatus.RETURNED, "returned after the report");
    assertThat(Api.as(rest, "sam").get("/api/incidents/" + id + "/snapshot").getBody()).isEqualTo(snapshot);

    // A second report for the same secret while this one is open is refused, naming the open incident.
    ResponseEntity<JsonNode> second = Api.as(rest, "sam").post("/api/incidents", Map.of("secretCodes", List.of(h.secret()),
        "noticedHow", "Again"));
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(second.getBody().get("detail").asText()).contains(code, "add what you know to that incident");

    // The assessment task is due in hours.
    Task assess = task(pi, "Task_AssessLeak");
    Instant now = ClockUtil.getCurrentTime().toInstant();
    assertThat(assess.getDueDate().toInstant()).isBetween(now.plus(Duration.ofHours(4)).minusSeconds(60), now.plus(Duration.ofHours(4)));
    // A partner that never held the secret is refused in the task, which stays open.
    assertThatThrownBy(() -> complete(pi, "Task_AssessLeak", "lena", "legal",
        Map.of("assessment", "CONFIRMED", "suspectedPartners", newPartner)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining(newPartner);
    complete(pi, "Task_AssessLeak", "lena", "legal", Map.of("assessment", "CONFIRMED", "suspectedPartners", suspect,
        "assessmentNote", "The drawing matches revision C"));
    assertThat(secrets.get(h.secret()).status()).isEqualTo(SecretStatus.COMPROMISED);
    assertThat(pi).hasPassed("Task_RecordAssessment").isWaitingAt("Task_PreserveEvidence");

    runJobs(pi);
    assertThat(pi).hasPassed("Task_PreserveEvidence").isWaitingAt("Task_DecideContainment");
    JsonNode preserved = incident("sam", id).get("secrets").get(0);
    assertThat(preserved.get("packSha256").asText()).hasSize(64);
    assertThat(legalHolds.list(true)).anySatisfy(hold -> {
      assertThat(hold.code()).isEqualTo(h.secret());
      assertThat(hold.id()).isEqualTo(preserved.get("legalHoldId").asLong());
    });
    ResponseEntity<byte[]> pack = rest.withBasicAuth("sam", "sam").getForEntity("/api/incidents/" + id + "/evidence-packs/"
        + h.secret(), byte[].class);
    assertThat(pack.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pack.getBody()[0]).isEqualTo((byte) 'P');
    // A crown jewel's pack is not for legal.
    assertThat(rest.withBasicAuth("lena", "lena").getForEntity("/api/incidents/" + id + "/evidence-packs/" + h.secret(),
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    complete(pi, "Task_DecideContainment", "sam", "security", Map.of("containmentScope", "SUSPECTED_PARTNERS",
        "containmentNote", "drawing found"));
    assertThat(disclosures.get(h.disclosureByPartner().get(suspect)).status()).isEqualTo(DisclosureStatus.SUSPENDED);
    assertThat(disclosures.get(h.disclosureByPartner().get(other)).status()).isEqualTo(DisclosureStatus.RETURNED);
    runJobs(pi);
    assertThat(pi).hasPassed("Task_Contain", "Task_NotifyOwners").hasNotPassed("Task_AssessDataProtection");
    Task legal = task(pi, "Task_DecideLegalAction");
    assertThat(legal.getName()).contains(suspect)
        .contains((String) runtimeService.getVariable(pi.getId(), LeakVariables.INCIDENT_CODE.name()));
    complete(pi, "Task_DecideLegalAction", "lena", "legal", Map.of("legalAction", "CEASE_AND_DESIST"));
    assertThat(pi).isWaitingAt("Task_CloseIncident");

    JsonNode running = incident("oscar", id);
    assertThat(running.get("status").asText()).isEqualTo("NOTIFIED");
    assertThat(running.get("decisions").get("assessment").asText()).isEqualTo("CONFIRMED");
    assertThat(running.get("decisions").get("suspended").asInt()).isEqualTo(1);
    assertThat(running.get("partners").get(0).get("legalAction").asText()).isEqualTo("CEASE_AND_DESIST");
    // The cease-and-desist letter: generated with the decision, for legal, security and admins, by code only.
    String letterSha = running.get("partners").get(0).get("letterSha256").asText();
    assertThat(letterSha).hasSize(64);
    String letterPath = "/api/incidents/" + id + "/partners/" + suspect + "/letter";
    ResponseEntity<byte[]> letter = rest.withBasicAuth("lena", "lena").getForEntity(letterPath, byte[].class);
    assertThat(letter.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(letter.getHeaders().getContentType().toString()).contains("wordprocessingml");
    assertThat(sha256(letter.getBody())).isEqualTo(letterSha);
    String text;
    try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
        new java.io.ByteArrayInputStream(letter.getBody()));
        org.apache.poi.xwpf.extractor.XWPFWordExtractor extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
      text = extractor.getText();
    }
    String suspectName = partners.get(suspect).legalName();
    String nda = null;
    for (JsonNode row : snapshot) {
      if (row.get("partnerCode").asText().equals(suspect)) {
        nda = row.get("ndaReference").asText();
      }
    }
    assertThat(text).contains("Cease and Desist", code, suspectName, "Werkstrasse 7, Ulm", h.secret(),
        "Non-disclosure agreement " + nda + ", version 1", "Remedies", "Governing law and forum (" + nda + ")")
        .doesNotContain(h.title(), "Crown jewel");
    assertThat(rest.withBasicAuth("sam", "sam").getForEntity(letterPath, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("oscar", "oscar").getForEntity(letterPath, String.class).getStatusCode())
        .as("owners read the incident, not the letter").isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> none = Api.as(rest, "lena").get("/api/incidents/" + id + "/partners/" + other + "/letter");
    assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(none.getBody().get("detail").asText()).contains(code, other);
    assertThat(running.get("tasks").get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_CloseIncident");
    assertThat(running.get("tasks").get(0).get("due").asText()).isNotBlank();

    complete(pi, "Task_CloseIncident", "sam", "security", Map.of("incidentSummary", "Drawing leaked by a supplier",
        "lessons", "Train supplier staff", "measuresToAdd", "TRAINING, MARKING"));
    assertThat(pi).isEnded().hasPassed("Task_RecordClosure", "EndEvent_IncidentClosed");
    assertThat(secrets.get(h.secret()).status()).isEqualTo(SecretStatus.COMPROMISED);
    assertThat(secrets.get(h.secret()).measures()).contains(ProtectionMeasure.TRAINING, ProtectionMeasure.MARKING,
        ProtectionMeasure.ACCESS_CONTROL);
    JsonNode closed = incident("lena", id);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("closure").get("summary").asText()).isEqualTo("Drawing leaked by a supplier");

    List<EvidenceEvent> trail = trail(h.secret(), code);
    assertThat(trail).extracting(EvidenceEvent::type).contains("LEAK_REPORTED", "LEAK_LINEAGE_SNAPSHOT", "LEAK_ASSESSED",
        "LEAK_PARTNER_SUSPECTED", "LEAK_EVIDENCE_PRESERVED", "LEAK_CONTAINED", "LEAK_NOTIFIED", "LEAK_LEGAL_ACTION_DECIDED",
        "LEAK_CLOSED");
    assertThat(trail).allSatisfy(e -> assertThat(e.payload()).contains(code));
    assertThat(trail).filteredOn(e -> e.type().equals("LEAK_LEGAL_ACTION_DECIDED")).singleElement()
        .satisfies(e -> assertThat(e.partnerCode()).isEqualTo(suspect))
        .satisfies(e -> assertThat(e.payload()).contains(letterSha, "cease-and-desist@"));

    // The owner and management heard of it; no mail names the crown jewel's title.
    outbox.sweep();
    assertThat(mailsTo("oscar@cordon.example")).anySatisfy(m -> assertThat(m.getSubject()).contains(code));
    assertThat(mailsTo("ada@cordon.example")).anySatisfy(m -> assertThat(m.getSubject()).contains(code));
    for (MimeMessage m : TestMailServer.get().getReceivedMessages()) {
      assertThat(content(m)).doesNotContain(h.title());
    }
  }

  @Test
  void aLeakNotConfirmedIsClosedAndTheSecretIsActiveAgain() {
    Held h = held(Classification.SECRET, 1);
    JsonNode reported = report("sam", h.secret(), false);
    ProcessInstance pi = instance(reported);
    assertThat(secrets.get(h.secret()).status()).isEqualTo(SecretStatus.AT_RISK);

    complete(pi, "Task_AssessLeak", "sam", "security", Map.of("assessment", "NOT_CONFIRMED"));
    assertThat(pi).hasPassed("Task_RecordAssessment").isWaitingAt("Task_CloseIncident")
        .hasNotPassed("Task_PreserveEvidence", "Task_DecideContainment", "Task_NotifyOwners");
    assertThat(secrets.get(h.secret()).status()).as("blocked until closed").isEqualTo(SecretStatus.AT_RISK);
    complete(pi, "Task_CloseIncident", "sam", "security", Map.of("incidentSummary", "False alarm"));

    assertThat(pi).isEnded().hasPassed("EndEvent_IncidentClosed");
    assertThat(secrets.get(h.secret()).status()).isEqualTo(SecretStatus.ACTIVE);
    long disclosure = h.disclosureByPartner().values().iterator().next();
    assertThat(disclosures.get(disclosure).status()).isEqualTo(DisclosureStatus.DISCLOSED);
    // Closed: the secret may be reported again.
    assertThat(report("oscar", h.secret(), false).get("code").asText()).isNotEqualTo(reported.get("code").asText());
  }

  @Test
  void anOpenIncidentHoldsItsSecretAtRiskAgainstAManualStatusChange() {
    Held h = held(Classification.CROWN_JEWEL, 1);
    JsonNode reported = report("oscar", h.secret(), false);
    String incident = reported.get("code").asText();
    ProcessInstance pi = instance(reported);
    long before = evidence.forSecret(h.secret(), 500).size();

    for (String to : List.of("ACTIVE", "RETIRED", "COMPROMISED")) {
      for (String user : List.of("oscar", "sam")) {
        ResponseEntity<JsonNode> refused = Api.as(rest, user).post("/api/secrets/" + h.secret() + "/status",
            Map.of("status", to, "reason", "back to work"));
        assertThat(refused.getStatusCode()).as(user + " to " + to).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(refused.getBody().get("detail").asText()).contains(h.secret(), incident, "close or cancel")
            .doesNotContain(h.title());
      }
    }
    assertThat(secrets.get(h.secret()).status()).isEqualTo(SecretStatus.AT_RISK);
    assertThat(evidence.forSecret(h.secret(), 500)).as("nothing recorded for a refused change").hasSize((int) before);

    // The incident's own steps still move it, and once it is closed the owner changes the status again.
    complete(pi, "Task_AssessLeak", "sam", "security", Map.of("assessment", "NOT_CONFIRMED"));
    complete(pi, "Task_CloseIncident", "sam", "security", Map.of("incidentSummary", "False alarm"));
    assertThat(secrets.get(h.secret()).status()).isEqualTo(SecretStatus.ACTIVE);
    ResponseEntity<JsonNode> retired = Api.as(rest, "oscar").post("/api/secrets/" + h.secret() + "/status",
        Map.of("status", "RETIRED", "reason", "no longer used"));
    assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(secrets.get(h.secret()).status()).isEqualTo(SecretStatus.RETIRED);
  }

  @Test
  void aCeaseAndDesistToAPartnerWithoutAnAddressIsRefusedInTheTaskNamingTheField() {
    Held h = held(Classification.SECRET, 1);
    String suspect = h.disclosureByPartner().keySet().iterator().next();
    io.cordon.partner.PartnerView p = partners.get(suspect);
    partners.update(suspect, p.version(), new PartnerDetails(p.legalName(), null, p.country(), p.registrationId(), null,
        p.type(), null, List.of(new Contact("Jo", "jo@partner.example", null))));
    JsonNode reported = report("sam", h.secret(), false);
    ProcessInstance pi = instance(reported);
    complete(pi, "Task_AssessLeak", "lena", "legal", Map.of("assessment", "CONFIRMED", "suspectedPartners", suspect));
    runJobs(pi);
    complete(pi, "Task_DecideContainment", "sam", "security", Map.of("containmentScope", "NONE"));
    runJobs(pi);

    assertThatThrownBy(() -> complete(pi, "Task_DecideLegalAction", "lena", "legal", Map.of("legalAction", "CEASE_AND_DESIST")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("partner.address").hasMessageContaining(suspect);
    assertThat(pi).isWaitingAt("Task_DecideLegalAction");
    JsonNode action = incident("lena", reported.get("id").asLong()).get("partners").get(0).path("legalAction");
    assertThat(action.isNull() || action.isMissingNode()).as("nothing recorded").isTrue();
  }

  @Test
  void personalDataGivesLegalADataProtectionTaskDueByTheRegulatorDeadline() {
    Held h = held(Classification.SECRET, 1);
    String partner = h.disclosureByPartner().keySet().iterator().next();
    JsonNode reported = report("oscar", h.secret(), true);
    Instant discovered = Instant.parse(reported.get("reportedAt").asText());
    ProcessInstance pi = instance(reported);
    complete(pi, "Task_AssessLeak", "lena", "legal", Map.of("assessment", "UNKNOWN"));
    assertThat(secrets.get(h.secret()).status()).as("unknown: still at risk").isEqualTo(SecretStatus.AT_RISK);
    runJobs(pi);
    complete(pi, "Task_DecideContainment", "sam", "security", Map.of("containmentScope", "ALL_HOLDERS"));
    assertThat(disclosures.get(h.disclosureByPartner().get(partner)).status()).isEqualTo(DisclosureStatus.SUSPENDED);
    runJobs(pi);
    assertThat(pi).hasPassed("Task_NotifyOwners").isWaitingAt("Task_AssessDataProtection");

    // Company and secret in Germany: GDPR, 72 hours from the report.
    Task dpa = task(pi, "Task_AssessDataProtection");
    Instant deadline = discovered.plus(Duration.ofHours(72));
    assertThat(dpa.getDueDate().toInstant()).isEqualTo(deadline);
    JsonNode running = incident("lena", reported.get("id").asLong());
    assertThat(running.get("regulator").get("regime").asText()).isEqualTo("GDPR");
    assertThat(Instant.parse(running.get("regulator").get("deadline").asText())).isEqualTo(deadline);

    complete(pi, "Task_AssessDataProtection", "lena", "legal", Map.of("dataProtectionOutcome", "REGULATOR_NOTIFIED",
        "dataProtectionNote", "Ref 2026-17"));
    assertThat(pi).hasPassed("Task_RecordDataProtection").hasNotPassed("SubProcess_LegalAction").isWaitingAt("Task_CloseIncident");
    complete(pi, "Task_CloseIncident", "sam", "security", Map.of("incidentSummary", "Unclear; contained"));
    assertThat(pi).isEnded();
    assertThat(secrets.get(h.secret()).status()).as("never confirmed").isEqualTo(SecretStatus.ACTIVE);
    assertThat(incident("lena", reported.get("id").asLong()).get("decisions").get("dataProtection").asText())
        .isEqualTo("REGULATOR_NOTIFIED");
  }

  @Test
  void anOverdueAssessmentRemindsLegalAndSecurityAndEscalatesToAdmins() throws Exception {
    Held h = held(Classification.SECRET, 1);
    JsonNode reported = report("oscar", h.secret(), false);
    String code = reported.get("code").asText();
    ProcessInstance pi = instance(reported);
    outbox.sweep();
    int adminMailsBefore = mailsTo("ada@cordon.example").size();

    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(3 * 60 + 5))));
    runJobs(pi);
    outbox.sweep();
    assertThat(mailsTo("lena@cordon.example")).anySatisfy(m -> assertThat(m.getSubject()).startsWith("Reminder: Assess leak"));
    assertThat(mailsTo("sam@cordon.example")).anySatisfy(m -> assertThat(m.getSubject()).startsWith("Reminder: Assess leak"));
    assertThat(mailsTo("ada@cordon.example")).hasSize(adminMailsBefore);

    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(2))));
    runJobs(pi);
    outbox.sweep();
    assertThat(mailsTo("ada@cordon.example")).filteredOn(m -> subject(m).startsWith("Overdue: Assess leak")).hasSize(1);
    assertThat(incident("sam", reported.get("id").asLong()).get("tasks").get(0).get("overdue").asBoolean()).isTrue();
    runJobs(pi);
    outbox.sweep();
    assertThat(mailsTo("ada@cordon.example")).as("once").filteredOn(m -> subject(m).startsWith("Overdue: Assess leak")).hasSize(1);
    assertThat(pi).isWaitingAt("Task_AssessLeak");
    assertThat(evidence.forSecret(h.secret(), 100)).extracting(EvidenceEvent::type).contains("NOTIFICATION_QUEUED");
    complete(pi, "Task_AssessLeak", "sam", "security", Map.of("assessment", "NOT_CONFIRMED"));
    complete(pi, "Task_CloseIncident", "sam", "security", Map.of("incidentSummary", "Late but done " + code));
    assertThat(pi).isEnded();
  }

  @Test
  void aDemandForReturnStartsTheOffboardingOfTheSuspectedPartnersDisclosures() {
    Held h = held(Classification.SECRET, 1);
    String suspect = h.disclosureByPartner().keySet().iterator().next();
    JsonNode reported = report("sam", h.secret(), false);
    ProcessInstance pi = instance(reported);
    complete(pi, "Task_AssessLeak", "sam", "security", Map.of("assessment", "CONFIRMED", "suspectedPartners", suspect));
    runJobs(pi);
    complete(pi, "Task_DecideContainment", "sam", "security", Map.of("containmentScope", "NONE"));
    assertThat(disclosures.get(h.disclosureByPartner().get(suspect)).status()).isEqualTo(DisclosureStatus.DISCLOSED);
    runJobs(pi);
    complete(pi, "Task_DecideLegalAction", "lena", "legal", Map.of("legalAction", "DEMAND_RETURN_OR_DESTRUCTION"));

    JsonNode partner = incident("lena", reported.get("id").asLong()).get("partners").get(0);
    assertThat(partner.get("legalAction").asText()).isEqualTo("DEMAND_RETURN_OR_DESTRUCTION");
    String offboarding = partner.get("offboardingProcessInstanceId").asText();
    ProcessInstance certificate = runtimeService.createProcessInstanceQuery().processInstanceId(offboarding).singleResult();
    assertThat(certificate.getProcessDefinitionId()).startsWith("OffboardingProcess:");
    assertThat(runtimeService.getVariable(offboarding, "secretCodes")).isEqualTo(h.secret());
    assertThat(evidence.forPartner(suspect, 100)).filteredOn(e -> e.type().equals("LEAK_LEGAL_ACTION_DECIDED")).singleElement()
        .satisfies(e -> assertThat(e.payload()).contains("governing-law-", offboarding));
    assertThat(pi).isWaitingAt("Task_CloseIncident");
  }

  @Test
  void onlyTheOwnerSecurityOrAdminsReportAndAReportTakesNoFile() {
    String other = secrets.register(new SecretDetails("Owned by someone else " + System.nanoTime(), "s", SecretCategory.PROCESS,
        Classification.SECRET, "olivia", List.of(), List.of(), List.of("DE"), Set.of(ProtectionMeasure.ACCESS_CONTROL))).code();
    ResponseEntity<JsonNode> refused = Api.as(rest, "oscar").post("/api/incidents", Map.of("secretCodes", List.of(other),
        "noticedHow", "Seen"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(rest, "paula").post("/api/incidents", Map.of("secretCodes", List.of(other), "noticedHow", "Seen"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> unknown = Api.as(rest, "sam").post("/api/incidents", Map.of("secretCodes", List.of("TS-99999999"),
        "noticedHow", "Seen"));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody().get("detail").asText()).contains("TS-99999999");
    assertThat(secrets.get(other).status()).isEqualTo(SecretStatus.ACTIVE);

    // Tasklist's start form: the same rule, and no file variable gets in.
    Map<String, Object> start = new HashMap<>(Map.of("leakSecretCodes", other, "noticedHow", "Seen"));
    identityService.setAuthentication("oscar", List.of("secret-owners"));
    try {
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("LeakResponseProcess", start))
          .isInstanceOf(BadUserRequestException.class).hasMessageContaining("Only the owner of " + other);
      Map<String, Object> withFile = new HashMap<>(start);
      withFile.put("leakSecretCodes", secret("Oscar's " + System.nanoTime(), Classification.SECRET));
      withFile.put("evidenceFile", Variables.fileValue("leak.pdf").file(new byte[] {'%', 'P'}).create());
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("LeakResponseProcess", withFile))
          .hasMessageContaining("evidenceFile");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(secrets.get(other).status()).isEqualTo(SecretStatus.ACTIVE);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
