package io.cordon.offboarding;

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
import io.cordon.secret.Classification;
import io.cordon.secret.ProtectionMeasure;
import io.cordon.secret.SecretCategory;
import io.cordon.secret.SecretDetails;
import io.cordon.secret.SecretService;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
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
import org.docx4j.TextUtils;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Paths through OffboardingProcess on the real application, the job executor off: jobs (certificate generation,
 * timers, mails) run when the test executes them, and time moves with {@link ClockUtil}, not by waiting.
 */
@CordonIntegrationTest
@RecordApplicationEvents
class OffboardingProcessIT {

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
  OffboardingService offboarding;
  @Autowired
  OutboxSender outbox;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  TransactionTemplate transactions;
  @Autowired
  ApplicationEvents events;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  // ---- fixtures: an active partner holding secrets under executed NDAs ----

  record Holding(String partner, Map<String, Long> disclosureBySecret, Map<String, String> ndaBySecret) {
  }

  private String secret() {
    return secrets.register(new SecretDetails("Offboarding test " + System.nanoTime(), "summary", SecretCategory.TECHNICAL,
        Classification.SECRET, "oscar", List.of(), List.of(), List.of("DE"), Set.of(ProtectionMeasure.ACCESS_CONTROL))).code();
  }

  /** An active partner; each group of secrets is disclosed under an NDA of its own. */
  private Holding activePartnerHolding(int... secretsPerNda) {
    String partner = partners.register(new PartnerDetails("Offboarding Test GmbH " + System.nanoTime(), null, "DE", "HRB 9",
        "Werkstrasse 9, Ulm", PartnerType.SUPPLIER, null, List.of(new Contact("Jo", "jo@partner.example", null)))).code();
    partners.changeStatus(partner, PartnerStatus.ONBOARDING, "test");
    partners.assess(partner, RiskTier.MEDIUM);
    partners.changeStatus(partner, PartnerStatus.ACTIVE, "test");
    Map<String, Long> disclosureBySecret = new HashMap<>();
    Map<String, String> ndaBySecret = new HashMap<>();
    for (int count : secretsPerNda) {
      List<String> codes = java.util.stream.IntStream.range(0, count).mapToObj(i -> secret()).toList();
      String nda = Ndas.inForce(ndaService, ndaLifecycle, partner, codes);
      for (String code : codes) {
        long id = disclosures.request(new DisclosureRequest(code, partner, nda, null, "Tooling", List.of("Jo"), null)).id();
        identityService.setAuthentication("oscar", List.of("secret-owners"));
        try {
          disclosures.decide(id, Approval.Decision.APPROVED, "ok"); // the owner's approval, as the matrix demands
        } finally {
          identityService.clearAuthentication();
        }
        disclosures.disclose(id, nda, null);
        disclosureBySecret.put(code, id);
        ndaBySecret.put(code, nda);
      }
    }
    return new Holding(partner, disclosureBySecret, ndaBySecret);
  }

  private ProcessInstance instance(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
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

  private Task uploadTask(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_UploadSignedCertificate")
        .singleResult();
  }

  private Map<String, Object> signed(String outcomeForAll, String itemOutcomes) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("outcomeForAll", outcomeForAll);
    vars.put("itemOutcomes", itemOutcomes);
    vars.put("signedCertificateFile", Variables.fileValue("certificate-signed.pdf")
        .file("%PDF-1.4 signed certificate".getBytes(StandardCharsets.US_ASCII)).mimeType("application/pdf").create());
    vars.put("signatureDate", LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).toString());
    vars.put("signatory", "Jo Partner, managing director");
    return vars;
  }

  private void complete(Task task, Map<String, Object> vars) {
    identityService.setAuthentication("paula", List.of("procurement"));
    try {
      taskService.complete(task.getId(), vars);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private DisclosureStatus status(long disclosureId) {
    return disclosures.get(disclosureId).status();
  }

  private static String docxText(byte[] docx) throws Exception {
    WordprocessingMLPackage pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(docx));
    StringWriter out = new StringWriter();
    TextUtils.extractText(pkg.getMainDocumentPart().getJaxbElement(), out);
    return out.toString();
  }

  /** Mails of a kind ({@code TASK_REMINDER}, {@code TASK_ESCALATION}) the instance queued, by their evidence. */
  private long queued(String partner, ProcessInstance pi, String kind) {
    return trail(partner, pi).stream().filter(e -> e.type().equals("NOTIFICATION_QUEUED"))
        .filter(e -> e.payload().contains("\"" + kind + "\"")).count();
  }

  private List<MimeMessage> mails(String to, String subjectPart) throws MessagingException {
    return Arrays.stream(TestMailServer.get().getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject().contains(subjectPart) && Arrays.stream(m.getRecipients(Message.RecipientType.TO))
            .anyMatch(a -> a.toString().equalsIgnoreCase(to));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private List<EvidenceEvent> trail(String partner, ProcessInstance pi) {
    return evidence.forPartner(partner, 200).stream().filter(e -> pi.getId().equals(e.processInstanceId())).toList();
  }

  // ---- paths ----

  @Test
  void offboardsTheWholeRelationshipOnTimeWithOneCertificatePerNda() throws Exception {
    Holding h = activePartnerHolding(2, 1);
    List<String> codes = h.disclosureBySecret().keySet().stream().sorted().toList();
    String suspended = codes.get(0);
    disclosures.close(h.disclosureBySecret().get(suspended), DisclosureStatus.SUSPENDED, "audit finding");

    ResponseEntity<JsonNode> started = Api.as(rest, "paula").post("/api/partners/" + h.partner() + "/offboarding",
        Map.of("reason", "Contract ended"));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ProcessInstance pi = instance(started.getBody().get("processInstanceId").asText());
    assertThat(pi.getBusinessKey()).isEqualTo(h.partner());
    assertThat(pi).hasPassed("Task_CheckRequest").isWaitingAt("Task_GenerateCertificate");
    runJobs(pi);
    assertThat(pi).hasPassed("Task_GenerateCertificate").isWaitingAt("Task_UploadSignedCertificate");

    Task task = uploadTask(pi);
    assertThat(taskService.getIdentityLinksForTask(task.getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("procurement"));
    java.time.Instant now = ClockUtil.getCurrentTime().toInstant();
    assertThat(task.getDueDate().toInstant()).as("due in 30 days (P30D)")
        .isBetween(now.plus(Duration.ofDays(29)), now.plus(Duration.ofDays(30)));

    // One certificate per NDA, each listing its items by code and naming the NDA; downloadable from /api.
    JsonNode running = Api.as(rest, "paula").get("/api/partners/" + h.partner() + "/offboardings").getBody().get(0);
    assertThat(running.get("status").asText()).isEqualTo("RUNNING");
    assertThat(running.get("certificates")).hasSize(2);
    for (JsonNode certificate : running.get("certificates")) {
      String nda = certificate.get("ndaReference").asText();
      ResponseEntity<byte[]> docx = rest.withBasicAuth("lena", "lena").getForEntity("/api/partners/" + h.partner()
          + "/offboardings/" + running.get("id").asLong() + "/certificates/" + nda + ".docx", byte[].class);
      assertThat(docx.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(docx.getHeaders().getFirst("X-Document-SHA256")).isEqualTo(certificate.get("sha256").asText());
      String text = docxText(docx.getBody());
      assertThat(text).contains("Certificate of Return or Destruction", nda);
      codes.forEach(code -> {
        if (h.ndaBySecret().get(code).equals(nda)) {
          assertThat(text).contains(code);
        } else {
          assertThat(text).doesNotContain(code);
        }
      });
    }

    String itemOutcomes = codes.get(0) + "=DESTROYED," + codes.get(1) + "=RETURNED," + codes.get(2) + "=RETURNED";
    complete(task, signed("PER_ITEM", itemOutcomes));

    assertThat(pi).isEnded().hasPassed("Task_RecordSignedCertificate", "Task_CloseDisclosures", "Task_OffboardPartner",
        "EndEvent_PartnerOffboarded");
    assertThat(queued(h.partner(), pi, "TASK_REMINDER") + queued(h.partner(), pi, "TASK_ESCALATION"))
        .as("on time: no reminder, no escalation").isZero();
    assertThat(status(h.disclosureBySecret().get(codes.get(0)))).isEqualTo(DisclosureStatus.DESTROYED);
    assertThat(status(h.disclosureBySecret().get(codes.get(1)))).isEqualTo(DisclosureStatus.RETURNED);
    assertThat(status(h.disclosureBySecret().get(codes.get(2)))).isEqualTo(DisclosureStatus.RETURNED);
    assertThat(partners.get(h.partner()).status()).isEqualTo(PartnerStatus.OFFBOARDED);
    assertThat(events.stream(PartnerOffboarded.class)).containsExactly(new PartnerOffboarded(h.partner(), pi.getId()));

    JsonNode done = Api.as(rest, "oscar").get("/api/partners/" + h.partner() + "/offboardings").getBody().get(0);
    assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("wholeRelationship").asBoolean()).isTrue();
    assertThat(done.get("items").findValuesAsText("outcome")).containsExactly("DESTROYED", "RETURNED", "RETURNED");
    assertThat(done.get("signedCertificate").get("sha256").asText()).hasSize(64);
    assertThat(done.get("signedCertificate").get("recordedBy").asText()).isEqualTo("paula");
    // Default NDA: 24 months' term from today, obligations survive 5 years after it, trade secrets while they are.
    LocalDate survives = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).plusMonths(24).plusYears(5);
    assertThat(done.get("survivesUntil").asText()).isEqualTo(survives.toString());
    assertThat(done.get("survival").asText()).contains("survive until " + survives, "for as long as they remain trade secrets");

    List<EvidenceEvent> trail = trail(h.partner(), pi);
    assertThat(trail).extracting(EvidenceEvent::type).contains("OFFBOARDING_STARTED", "CERTIFICATE_GENERATED",
        "CERTIFICATE_SIGNED_RECORDED", "DISCLOSURE_RETURNED", "DISCLOSURE_DESTROYED", "OFFBOARDING_COMPLETED",
        "PARTNER_STATUS_CHANGED", "PARTNER_OFFBOARDED");
    assertThat(trail).filteredOn(e -> e.type().equals("CERTIFICATE_GENERATED")).hasSize(2)
        .allSatisfy(e -> assertThat(e.documentHash()).hasSize(64));
    // The request to the partner's contacts (its link) names no secret; every other step names the items.
    assertThat(trail).filteredOn(e -> !e.type().equals("PARTNER_STATUS_CHANGED") && !e.type().equals("PARTNER_REQUEST_SENT")
            && !e.payload().contains("\"partner-request:"))
        .allSatisfy(e -> assertThat(e.secretCodes()).as(e.type()).isNotEmpty().isSubsetOf(codes));
    assertThat(trail).filteredOn(e -> e.type().equals("OFFBOARDING_COMPLETED")).singleElement()
        .satisfies(e -> assertThat(e.payload()).contains(survives.toString()));
    assertThat(trail).filteredOn(e -> e.type().equals("CERTIFICATE_SIGNED_RECORDED")).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("paula"));
  }

  @Test
  void aPartnerCodeTypedWithSpacesReachesTheUploadTaskAsTheRegistersCode() throws Exception {
    Holding h = activePartnerHolding(1);
    identityService.setAuthentication("paula", List.of("procurement"));
    ProcessInstance pi;
    try {
      pi = runtimeService.startProcessInstanceByKey("OffboardingProcess",
          Map.of("partnerCode", " " + h.partner() + " ", "offboardingReason", "Supplier replaced"));
    } finally {
      identityService.clearAuthentication();
    }
    runJobs(pi);
    // The upload task was created (the partner's links are sent from its partnerCode) and no incident was raised.
    assertThat(pi).isWaitingAt("Task_UploadSignedCertificate");
    assertThat(runtimeService.getVariable(pi.getId(), "partnerCode")).isEqualTo(h.partner());
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void aLateOffboardingRemindsProcurementEscalatesToAdminsAndStillTakesTheUpload() throws Exception {
    Holding h = activePartnerHolding(2);
    identityService.setAuthentication("paula", List.of("procurement"));
    ProcessInstance pi;
    try {
      // As Tasklist's start form does it: partner code and reason.
      pi = runtimeService.startProcessInstanceByKey("OffboardingProcess",
          Map.of("partnerCode", h.partner(), "offboardingReason", "Supplier replaced"));
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(pi.getBusinessKey()).isEqualTo(h.partner());
    runJobs(pi);
    Task task = uploadTask(pi);
    outbox.sweep();

    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(24))));
    runJobs(pi);
    assertThat(queued(h.partner(), pi, "TASK_REMINDER")).isEqualTo(1);
    assertThat(queued(h.partner(), pi, "TASK_ESCALATION")).isZero();
    assertThat(pi).isWaitingAt("Task_UploadSignedCertificate");
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(8))));
    runJobs(pi);
    assertThat(queued(h.partner(), pi, "TASK_ESCALATION")).isEqualTo(1);
    assertThat(pi).isWaitingAt("Task_UploadSignedCertificate");
    runJobs(pi);
    assertThat(queued(h.partner(), pi, "TASK_REMINDER") + queued(h.partner(), pi, "TASK_ESCALATION")).as("each once")
        .isEqualTo(2);
    outbox.sweep();

    // The task's name says for whom: "Upload signed certificate — <partner's name> (<code>)".
    assertThat(task.getName()).startsWith("Upload signed certificate — ").endsWith(" (" + h.partner() + ")");
    String subject = task.getName();
    List<MimeMessage> reminders = mails("paula@cordon.example", "Reminder: " + subject);
    assertThat(reminders).hasSize(1);
    assertThat(reminders.get(0).getSubject()).startsWith("Reminder: " + subject + " is due ");
    List<MimeMessage> escalations = mails("ada@cordon.example", "Overdue: " + subject);
    assertThat(escalations).hasSize(1);
    assertThat(escalations.get(0).getSubject()).startsWith("Overdue: " + subject + " was due ");
    assertThat(mails("paula@cordon.example", "Overdue: " + subject)).isEmpty();
    assertThat(mails("ada@cordon.example", "Reminder: " + subject)).isEmpty();
    assertThat(uploadTask(pi).getId()).as("the same task, still open after the escalation").isEqualTo(task.getId());

    complete(uploadTask(pi), signed("DESTROYED", null));
    assertThat(pi).isEnded().hasPassed("EndEvent_PartnerOffboarded");
    assertThat(h.disclosureBySecret().values()).allSatisfy(id -> assertThat(status(id)).isEqualTo(DisclosureStatus.DESTROYED));
    assertThat(partners.get(h.partner()).status()).isEqualTo(PartnerStatus.OFFBOARDED);
    // Procurement's reminder and the escalation; besides them, the partner's contact got the request and its reminder.
    assertThat(trail(h.partner(), pi)).filteredOn(e -> e.type().equals("NOTIFICATION_QUEUED")
        && !e.payload().contains("\"partner-request:")).hasSize(2);
    assertThat(trail(h.partner(), pi)).filteredOn(e -> e.type().equals("NOTIFICATION_QUEUED")
        && e.payload().contains("\"partner-request:")).hasSize(2);
  }

  @Test
  void noLongerNeededOffboardsOneDisclosureAndLeavesThePartnerActive() throws Exception {
    Holding h = activePartnerHolding(2);
    List<String> codes = h.disclosureBySecret().keySet().stream().sorted().toList();
    long gone = h.disclosureBySecret().get(codes.get(0));
    long kept = h.disclosureBySecret().get(codes.get(1));

    // As the re-certification process calls it: inside its own transaction.
    String processInstanceId = transactions.execute(tx -> offboarding.start(h.partner(), List.of(gone), "No longer needed"));
    ProcessInstance pi = instance(processInstanceId);
    assertThat(runtimeService.getVariable(pi.getId(), "wholeRelationship")).isEqualTo(false);
    assertThat(runtimeService.getVariable(pi.getId(), "secretCodes")).isEqualTo(codes.get(0));
    runJobs(pi);
    OffboardingView view = offboarding.history(h.partner()).get(0);
    assertThat(view.items()).extracting(OffboardingView.Item::secretCode).containsExactly(codes.get(0));
    String text = docxText(offboarding.document(h.partner(), view.id(), h.ndaBySecret().get(codes.get(0))).content());
    assertThat(text).contains(codes.get(0), h.ndaBySecret().get(codes.get(0))).doesNotContain(codes.get(1));

    complete(uploadTask(pi), signed("RETURNED", null));

    assertThat(pi).isEnded().hasPassed("Task_CloseDisclosures", "EndEvent_DisclosuresClosed").hasNotPassed("Task_OffboardPartner");
    assertThat(status(gone)).isEqualTo(DisclosureStatus.RETURNED);
    assertThat(status(kept)).isEqualTo(DisclosureStatus.DISCLOSED);
    assertThat(partners.get(h.partner()).status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(events.stream(PartnerOffboarded.class)).isEmpty();
    assertThat(evidence.forSecret(codes.get(0), 1).get(0).type()).isEqualTo("OFFBOARDING_COMPLETED");
    assertThat(offboarding.history(h.partner()).get(0).survivesUntil()).isNotNull();
  }

  @Test
  void aStartRolledBackWithItsCallerLeavesNothing() {
    Holding h = activePartnerHolding(1);
    long id = h.disclosureBySecret().values().iterator().next();
    String[] started = new String[1];
    transactions.executeWithoutResult(tx -> {
      started[0] = offboarding.start(h.partner(), List.of(id), "No longer needed");
      tx.setRollbackOnly();
    });
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(started[0]).count()).isZero();
    assertThat(offboarding.history(h.partner())).isEmpty();
    // And a refusal does not spoil the caller's transaction: it can go on and commit.
    String after = transactions.execute(tx -> {
      assertThatThrownBy(() -> offboarding.start(h.partner(), List.of(-1L), "No longer needed"))
          .isInstanceOf(io.cordon.platform.InvalidInputException.class).hasMessageContaining("-1");
      return offboarding.start(h.partner(), List.of(id), "No longer needed");
    });
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(after).count()).isOne();
  }

  @Test
  void aStepOfAnotherProcessStartsAnOffboardingInItsOwnTransaction() {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("OffboardingCallerTestProcess").count() == 0) {
      engine.getRepositoryService().createDeployment().name("offboarding-caller-test")
          .addClasspathResource("offboarding/OffboardingCallerTestProcess.bpmn").deploy();
    }
    Holding h = activePartnerHolding(1);
    // A test-only process with no form contract: its variables are set up past the form gate.
    ProcessInstance failing = io.cordon.workflow.EngineSetUp.run(() -> runtimeService.startProcessInstanceByKey(
        "OffboardingCallerTestProcess", Map.of("partnerCode", h.partner(), "failAfterStart", true)));
    String job = managementService.createJobQuery().processInstanceId(failing.getId()).singleResult().getId();
    assertThatThrownBy(() -> managementService.executeJob(job)).hasMessageContaining("noSuchBean");
    assertThat(offboarding.history(h.partner())).as("the failed step took its offboarding with it").isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("OffboardingProcess")
        .processInstanceBusinessKey(h.partner()).count()).isZero();

    io.cordon.workflow.EngineSetUp.run(() -> {
      runtimeService.setVariable(failing.getId(), "failAfterStart", false);
      return null;
    });
    managementService.executeJob(job);
    ProcessInstance started = instance(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(failing.getId()).variableName("offboardingInstance").singleResult().getValue().toString());
    assertThat(started).isWaitingAt("Task_GenerateCertificate");
    assertThat(started.getBusinessKey()).isEqualTo(h.partner());
    assertThat(offboarding.history(h.partner())).singleElement().satisfies(o -> {
      assertThat(o.wholeRelationship()).isTrue();
      assertThat(o.processInstanceId()).isEqualTo(started.getId());
    });
  }

  @Test
  void refusesWhatCannotBeOffboardedWithProblemDetails() {
    Holding h = activePartnerHolding(2);
    long one = h.disclosureBySecret().values().iterator().next();
    Api paula = Api.as(rest, "paula");

    assertThat(Api.as(rest, "lena").post("/api/partners/" + h.partner() + "/offboarding", Map.of("reason", "x"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(paula.post("/api/partners/P-999999/offboarding", Map.of("reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<JsonNode> noReason = paula.post("/api/partners/" + h.partner() + "/offboarding", Map.of("reason", " "));
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<JsonNode> wrongIds = paula.post("/api/partners/" + h.partner() + "/offboarding",
        Map.of("reason", "x", "disclosureIds", List.of(one, 987654321L)));
    assertThat(wrongIds.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrongIds.getBody().get("detail").asText()).contains("987654321").doesNotContain(String.valueOf(one) + ",");

    String prospect = partners.register(new PartnerDetails("Prospect GmbH " + System.nanoTime(), null, "DE", null, null,
        PartnerType.SUPPLIER, null, List.of())).code();
    ResponseEntity<JsonNode> notActive = paula.post("/api/partners/" + prospect + "/offboarding", Map.of("reason", "x"));
    assertThat(notActive.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(notActive.getBody().get("detail").asText()).contains("PROSPECT");

    Holding empty = activePartnerHolding();
    ResponseEntity<JsonNode> nothing = paula.post("/api/partners/" + empty.partner() + "/offboarding", Map.of("reason", "x"));
    assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(nothing.getBody().get("detail").asText()).contains("Nothing to offboard");

    assertThat(paula.post("/api/partners/" + h.partner() + "/offboarding", Map.of("reason", "one", "disclosureIds", List.of(one)))
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> twice = paula.post("/api/partners/" + h.partner() + "/offboarding",
        Map.of("reason", "again", "disclosureIds", List.of(one)));
    assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(twice.getBody().get("detail").asText()).contains("already being offboarded");

    assertThat(paula.post("/api/partners/" + h.partner() + "/offboarding", Map.of("reason", "Contract ended"))
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> whole = paula.post("/api/partners/" + h.partner() + "/offboarding", Map.of("reason", "again"));
    assertThat(whole.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(whole.getBody().get("detail").asText()).contains("already being offboarded");
    assertThat(offboarding.history(h.partner())).hasSize(2);
  }

  @Test
  void theUploadIsCheckedAndTheTaskStaysOpenUntilItIsRight() {
    Holding h = activePartnerHolding(2);
    ProcessInstance pi = instance(offboarding.start(h.partner(), List.of(), "Contract ended"));
    runJobs(pi);
    List<String> codes = h.disclosureBySecret().keySet().stream().sorted().toList();

    Map<String, Object> png = signed("RETURNED", null);
    png.put("signedCertificateFile", Variables.fileValue("photo.png").file(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2}).create());
    assertThatThrownBy(() -> complete(uploadTask(pi), png)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("PDF or a Word");

    Map<String, Object> oneMissing = signed("PER_ITEM", codes.get(0) + "=RETURNED");
    oneMissing.put("signatureDate", "2999-01-01");
    oneMissing.put("signatory", "");
    assertThatThrownBy(() -> complete(uploadTask(pi), oneMissing)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("choose RETURNED or DESTROYED for " + codes.get(1))
        .hasMessageContaining("not in the future").hasMessageContaining("who signed");

    Map<String, Object> noFile = signed("RETURNED", null);
    noFile.remove("signedCertificateFile");
    assertThatThrownBy(() -> complete(uploadTask(pi), noFile)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Upload the signed certificate");

    assertThat(pi).isWaitingAt("Task_UploadSignedCertificate");
    assertThat(h.disclosureBySecret().values()).allSatisfy(id -> assertThat(status(id)).isEqualTo(DisclosureStatus.DISCLOSED));
    assertThat(offboarding.history(h.partner()).get(0).signedCertificate()).isNull();
  }

  @Test
  void aCancelledOffboardingFreesThePartnerForANewOne() {
    Holding h = activePartnerHolding(1);
    ProcessInstance pi = instance(offboarding.start(h.partner(), List.of(), "Contract ended"));
    runtimeService.deleteProcessInstance(pi.getId(), "started by mistake");

    assertThat(offboarding.history(h.partner()).get(0).status()).isEqualTo(OffboardingStatus.CANCELLED);
    assertThat(offboarding.start(h.partner(), null, "Contract ended")).isNotBlank();
    assertThat(disclosures.ofPartner(h.partner(), EnumSet.of(DisclosureStatus.DISCLOSED))).hasSize(1);
  }
}
