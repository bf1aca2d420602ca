package io.cordon.portal;

import static io.cordon.portal.PortalClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.nda.NdaLifecycle;
import io.cordon.notification.Inbox;
import io.cordon.notification.OutboxSender;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.partner.RiskTier;
import io.cordon.secret.Classification;
import io.cordon.secret.SecretService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signed documents uploaded by the partner's contact through its link: the signed NDA at onboarding. The mail sent
 * when the task is created, the page, a file that is no PDF or Word refused with nothing kept, an oversized upload
 * refused before it is read, the upload completing the same task through the same step (stored with its SHA-256),
 * the receipt naming the file's hash, the link spent.
 */
@CordonIntegrationTest
class PortalSignedDocumentsIT {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  IdentityService identity;
  @Autowired
  SecretService secrets;
  @Autowired
  PartnerService partners;
  @Autowired
  NdaLifecycle ndas;
  @Autowired
  io.cordon.nda.NdaService ndaDocuments;
  @Autowired
  OutboxSender sender;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PortalRateLimiter limiter;
  @Autowired
  PortalProperties properties;
  @Autowired
  io.cordon.recertification.RecertificationFixture fixture;
  @Autowired
  io.cordon.offboarding.OffboardingService offboarding;

  PortalClient client;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
    sender.sweep();
    Inbox.clear();
    limiter.reset(properties.perToken(), properties.perAddress());
    client = new PortalClient(port);
  }

  @AfterEach
  void reset() {
    identity.clearAuthentication();
    sender.sweep();
    ClockUtil.reset();
  }

  /** An onboarding up to the signed NDA: due diligence answered through the link, legal approved the NDA. */
  PortalDueDiligenceIT.Onboarding upToSignedNda() throws Exception {
    var o = PortalDueDiligenceIT.start(identity, secrets, runtime, Classification.CONFIDENTIAL);
    assertThat(client.post(PortalClient.tokenFromMail(sender, o.email()), PortalDueDiligenceIT.answer()).statusCode())
        .isEqualTo(200);
    ProcessInstance pi = o.process();
    if (task(pi, "Task_ReviewSecurity") != null) {
      complete("sam", "security", "Task_ReviewSecurity", pi, Map.of("securityDecision", "APPROVE", "securityComment", "ok"));
    }
    runJobs(pi);
    complete("lena", "legal", "Task_ReviewNda", pi, Map.of("legalDecision", "APPROVE"));
    runJobs(pi);
    assertThat(pi).isWaitingAt("Task_RecordSignedNda");
    return o;
  }

  private org.camunda.bpm.engine.task.Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private void complete(String user, String group, String key, ProcessInstance pi, Map<String, Object> vars) {
    identity.setAuthentication(user, List.of(group));
    try {
      tasks.complete(task(pi, key).getId(), vars);
    } finally {
      identity.clearAuthentication();
    }
  }

  private void runJobs(ProcessInstance pi) {
    for (int round = 0; round < 10; round++) {
      var jobs = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  static Map<String, String> signedBy() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("signatureDate", LocalDate.now(ZoneOffset.UTC).toString());
    form.put("signatories", "Li Wei (Managing director)");
    form.put("respondentName", "Li Wei");
    form.put("respondentRole", "Managing director");
    form.put("confirm", "yes");
    return form;
  }

  @Test
  void theContactUploadsTheSignedNdaAndThePartnerBecomesActive() throws Exception {
    var o = upToSignedNda();
    String reference = (String) runtime.getVariable(o.process().getId(), "ndaReference");
    String token = PortalClient.tokenFromMail(sender, o.email());
    assertThat(Inbox.to(o.email()).get(Inbox.to(o.email()).size() - 1).getSubject())
        .startsWith("Please upload the signed NDA");

    HttpResponse<String> page = client.page(token);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(reference, "enctype=\"multipart/form-data\"", "type=\"file\"",
        "<label for=\"signedNdaFile\"").doesNotContain(o.secretCode(), "<script");

    // The agreement to sign, as legal approved it, offered on the page; nothing else is served.
    int version = ((Number) runtime.getVariable(o.process().getId(), "ndaVersion")).intValue();
    String name = reference + "-v" + version + ".docx";
    assertThat(page.body()).contains(">" + name + "</a>", "?file=");
    HttpResponse<byte[]> agreement = client.bytes("/partner/r/" + token + "?file=" + name);
    assertThat(agreement.statusCode()).isEqualTo(200);
    assertThat(agreement.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains(name));
    assertThat(agreement.body()).isEqualTo(ndaDocuments.document(reference, version));
    assertThat(client.get("/partner/r/" + token + "?file=" + reference + "-v" + (version + 1) + ".docx").statusCode())
        .isEqualTo(404);

    // Not a PDF or Word file (whatever it claims to be): refused as from Tasklist, nothing kept.
    HttpResponse<String> png = client.upload(token, signedBy(), "signedNdaFile", "signed.pdf", "application/pdf",
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2});
    assertThat(png.statusCode()).isEqualTo(400);
    assertThat(png.body()).contains("PDF or a Word").doesNotContain("Exception", "ENGINE-");
    // No file at all; a field the request does not have.
    assertThat(client.upload(token, signedBy(), null, null, null, null).body()).contains("Choose the signed NDA");
    Map<String, String> tampered = signedBy();
    tampered.put("signedDecision", "WITHDRAW");
    assertThat(client.upload(token, tampered, "signedNdaFile", "nda.pdf", "application/pdf",
        "%PDF-1.4 signed".getBytes(StandardCharsets.US_ASCII)).body()).contains("fields this request does not have");
    // Too large: refused before it is read, and said on a page.
    assertThat(client.claimHugeUpload(token, 200L << 20)).startsWith("HTTP/1.1 413").contains("The file is too large");
    assertThat(o.process()).isWaitingAt("Task_RecordSignedNda");
    assertThat(ndas.execution(reference)).isEmpty();

    byte[] pdf = "%PDF-1.4 signed by Li Wei and us".getBytes(StandardCharsets.US_ASCII);
    HttpResponse<String> receipt = client.upload(token, signedBy(), "signedNdaFile", "NDA signed.pdf",
        "application/pdf", pdf);
    assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
    String sha = field(receipt.body(), "receipt-sha256");
    String content = jdbc.queryForObject("select content from partner_submission s join partner_link l on l.id = "
        + "s.link_id where l.token_hash = ?", String.class, PortalAttestationIT.sha256(token));
    assertThat(PortalAttestationIT.sha256(content)).isEqualTo(sha);
    String fileHash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
    assertThat(content).contains("\"sha256\":\"" + fileHash + "\"", "\"fileName\":\"NDA signed.pdf\"",
        "\"ndaReference\":\"" + reference + "\"").doesNotContain("%PDF");

    // The same step as from Tasklist: the executed copy stored with its hash, the partner active.
    assertThat(o.process()).hasPassed("Task_RecordSignedNda", "Task_StoreExecutedNda", "Task_ActivatePartner").isEnded();
    assertThat(partners.get(o.partnerCode()).status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(jdbc.queryForList("select actor from evidence_event where partner_code = ? and document_hash = ?",
        String.class, o.partnerCode(), fileHash)).isNotEmpty().allSatisfy(actor -> assertThat(actor).startsWith("partner-link:"));
    assertThat(client.page(token).statusCode()).isEqualTo(410);
    assertThat(client.get("/partner/r/" + token + "?file=" + name).statusCode()).as("a used link serves nothing")
        .isEqualTo(410);
  }

  @Test
  void theContactUploadsTheSignedCertificateAndTheDisclosuresAreClosed() throws Exception {
    var p = fixture.activePartner(RiskTier.MEDIUM, 6, List.of(), Classification.CROWN_JEWEL, Classification.SECRET);
    String processId = offboarding.start(p.code(), List.of(), "Contract ended");
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(processId).singleResult();
    runJobs(pi);
    assertThat(pi).isWaitingAt("Task_UploadSignedCertificate");
    String token = PortalClient.tokenFromMail(sender, p.contactEmail());

    HttpResponse<String> page = client.page(token);
    assertThat(page.statusCode()).isEqualTo(200);
    String jewel = p.secretCodes().get(0);
    String other = p.secretCodes().get(1);
    assertThat(page.body()).contains(jewel + " (CROWN_JEWEL)", other + " (SECRET)", "name=\"outcome-" + jewel + "\"",
        "type=\"file\"").as("never a title").doesNotContain("Recert secret", "<script");
    // The certificate to sign, generated for the partner's NDA, offered on the page.
    java.util.regex.Matcher certificate = java.util.regex.Pattern.compile(">([^<>]+-certificate\\.docx)</a>").matcher(page.body());
    assertThat(certificate.find()).as(page.body()).isTrue();
    HttpResponse<byte[]> toSign = client.bytes("/partner/r/" + token + "?file=" + certificate.group(1));
    assertThat(toSign.statusCode()).isEqualTo(200);
    assertThat(toSign.headers().firstValue("Content-Type")).hasValue(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(new String(toSign.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");

    Map<String, String> form = new LinkedHashMap<>();
    form.put("outcome-" + jewel, "DESTROYED");
    form.put("outcome-" + other, "RETURNED");
    form.put("signatureDate", LocalDate.now(ZoneOffset.UTC).toString());
    form.put("signatory", "Jo Partner (Managing director)");
    form.put("respondentName", "Jo Partner");
    form.put("respondentRole", "Managing director");
    form.put("confirm", "yes");
    // A Word file that is not one, and an item left without its outcome: refused, nothing kept.
    HttpResponse<String> fake = client.upload(token, form, "signedCertificateFile", "certificate.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "not a zip".getBytes(StandardCharsets.US_ASCII));
    assertThat(fake.statusCode()).isEqualTo(400);
    assertThat(fake.body()).contains("PDF or a Word");
    Map<String, String> undecided = new LinkedHashMap<>(form);
    undecided.remove("outcome-" + other);
    assertThat(client.upload(token, undecided, "signedCertificateFile", "c.pdf", "application/pdf",
        "%PDF-1.4 x".getBytes(StandardCharsets.US_ASCII)).body()).contains("Say whether " + other + " was returned or destroyed");
    assertThat(pi).isWaitingAt("Task_UploadSignedCertificate");

    byte[] pdf = "%PDF-1.4 certificate signed by Jo".getBytes(StandardCharsets.US_ASCII);
    HttpResponse<String> receipt = client.upload(token, form, "signedCertificateFile", "certificate.pdf", "application/pdf", pdf);
    assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
    String sha = field(receipt.body(), "receipt-sha256");
    String content = jdbc.queryForObject("select content from partner_submission s join partner_link l on l.id = "
        + "s.link_id where l.token_hash = ?", String.class, PortalAttestationIT.sha256(token));
    assertThat(PortalAttestationIT.sha256(content)).isEqualTo(sha);
    String fileHash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
    assertThat(content).contains(fileHash, "\"" + jewel + "\":\"DESTROYED\"", "\"" + other + "\":\"RETURNED\"");
    assertThat(pi).hasPassed("Task_UploadSignedCertificate", "Task_RecordSignedCertificate");
    Map<String, Object> recorded = jdbc.queryForMap("select actor, payload, document_hash from evidence_event where "
        + "partner_code = ? and type = 'CERTIFICATE_SIGNED_RECORDED' order by seq desc limit 1", p.code());
    assertThat((String) recorded.get("actor")).startsWith("partner-link:");
    assertThat((String) recorded.get("payload")).contains("Jo Partner (Managing director)", "certificate.pdf");
    assertThat(recorded.get("document_hash")).isEqualTo(fileHash);
    assertThat(client.page(token).statusCode()).isEqualTo(410);
  }
}
