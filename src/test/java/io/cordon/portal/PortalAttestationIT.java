package io.cordon.portal;

import static io.cordon.portal.PortalClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import io.cordon.notification.Inbox;
import io.cordon.notification.OutboxSender;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.partner.RiskTier;
import io.cordon.recertification.Period;
import io.cordon.recertification.RecertificationFixture;
import io.cordon.recertification.RecertificationService;
import io.cordon.recertification.RecertificationStatus;
import io.cordon.secret.Classification;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The re-certification attestation answered by the partner's contact through its link, over plain HTTP: the mail and
 * its link, the page (only what the partner needs), each way a link is refused (used, expired, withdrawn on
 * suspension, another request's fields, a guessed token, a tampered field, another site, too many requests), the
 * receipt whose hash is the stored submission's, the evidence that names the contact, and procurement's answer on
 * the partner's behalf.
 */
@CordonIntegrationTest
class PortalAttestationIT {

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
  RecertificationFixture fixture;
  @Autowired
  RecertificationService service;
  @Autowired
  PartnerService partners;
  @Autowired
  OutboxSender sender;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PortalRateLimiter limiter;
  @Autowired
  PortalProperties properties;
  @Autowired
  TestRestTemplate rest;

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
    limiter.reset(properties.perToken(), properties.perAddress());
  }

  @Test
  void theContactAnswersThroughItsLinkAndGetsAReceiptWhoseHashIsTheStoredSubmission() throws Exception {
    var p = fixture.activePartner(RiskTier.HIGH, 6, List.of("Jo Partner", "Kim Lee"), Classification.CROWN_JEWEL,
        Classification.SECRET);
    var other = fixture.activePartner(RiskTier.LOW, 6, List.of(), Classification.CONFIDENTIAL);
    Period period = PortalClient.openWindow(service, management, p);
    String token = PortalClient.tokenFromMail(sender, p.contactEmail());

    // Only the token's hash is stored; the outbox kept a placeholder, never the token.
    assertThat(jdbc.queryForObject("select count(*) from partner_link where token_hash = ?", Integer.class,
        sha256(token))).isEqualTo(1);
    assertThat(jdbc.queryForList("select body_text from mail_outbox where recipient = ?", String.class,
        p.contactEmail().toLowerCase())).singleElement().satisfies(body -> assertThat(body).doesNotContain(token)
        .contains("{partner-link:"));
    assertThat(jdbc.queryForList("select token_hash from partner_link", String.class)).doesNotContain(token);

    HttpResponse<String> page = client.page(token);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(page.headers().allValues("Set-Cookie")).as("no session for a link").isEmpty();
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
    String crownJewel = p.secretCodes().get(0);
    assertThat(page.body()).contains(crownJewel + " (CROWN_JEWEL)", p.secretCodes().get(1) + " (SECRET)",
            "Tooling for the new line", "Jo Partner, Kim Lee", p.ndaReference(), "<label for=\"respondentName\"")
        .as("never a secret's title, never another partner, never a script")
        .doesNotContain("Recert secret", other.code(), other.secretCodes().get(0), "<script");

    // Confirmation missing: the page again, with what to do; nothing kept.
    Map<String, String> answer = answer(p, "Jo Partner", "Kim Lee");
    answer.remove("confirm");
    HttpResponse<String> unconfirmed = client.post(token, answer);
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.body()).contains("Tick the confirmation box.");
    assertThat(p.process()).isWaitingAt("Task_Attest", "TimerEvent_RenewalDue");

    answer.put("confirm", "yes");
    HttpResponse<String> receipt = client.post(token, answer);
    assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
    String sha = field(receipt.body(), "receipt-sha256");
    long seq = Long.parseLong(field(receipt.body(), "receipt-seq").replace("Event ", ""));
    assertThat(field(receipt.body(), "receipt-by")).isEqualTo("Jo Partner (Quality lead), " + p.contactEmail());

    // The stored submission is what was hashed; the evidence event at the receipt's position records that hash.
    Map<String, Object> stored = jdbc.queryForMap("select content, sha256, evidence_seq, respondent_name from "
        + "partner_submission s join partner_link l on l.id = s.link_id where l.token_hash = ?", sha256(token));
    assertThat(stored.get("sha256")).isEqualTo(sha);
    String content = (String) stored.get("content");
    assertThat(sha256(content)).isEqualTo(sha);
    assertThat(content).contains("\"name\":\"Jo Partner\"", "\"holders\":[\"Jo Partner\",\"Kim Lee\"]");
    Map<String, Object> event = jdbc.queryForMap("select type, actor, partner_code, payload from evidence_event where seq = ?", seq);
    assertThat(event.values()).contains("PARTNER_RESPONSE_RECEIVED", p.code());
    assertThat(event.toString()).contains(sha, "Jo Partner", p.contactEmail(), "partner-link:");
    String attested = jdbc.queryForObject("select payload from evidence_event where partner_code = ? and type = "
        + "'RECERTIFICATION_ATTESTED' order by seq desc limit 1", String.class, p.code());
    assertThat(attested).contains("PARTNER_LINK", "Jo Partner", "Quality lead", p.contactEmail());

    // The process went on, as after a Tasklist answer.
    assertThat(p.process()).hasPassed("Task_Attest", "Task_RecordAttestation", "Task_CompleteRecertification")
        .isWaitingAt("TimerEvent_WindowOpens", "TimerEvent_RenewalDue");
    Period done = service.period(period.id());
    assertThat(done.status()).isEqualTo(RecertificationStatus.COMPLETED);
    assertThat(done.attestedBy()).startsWith("partner-link:");
    assertThat(service.answers(period.id())).hasSize(2).allSatisfy(a -> assertThat(a.holders()).containsExactly("Jo Partner", "Kim Lee"));

    // The receipt by mail says the same.
    sender.sweep();
    MimeMessage mail = Inbox.to(p.contactEmail()).stream().filter(m -> subject(m).startsWith("Receipt")).findFirst().orElseThrow();
    assertThat(Inbox.text(mail)).contains(sha, "event " + seq, "Jo Partner (Quality lead)");

    // Single use: the link is spent, whatever is sent.
    HttpResponse<String> again = client.page(token);
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body()).contains("This link has been used").doesNotContain("Exception");
    assertThat(client.post(token, answer).statusCode()).isEqualTo(410);
    assertThat(jdbc.queryForObject("select count(*) from partner_submission s join partner_link l on l.id = s.link_id "
        + "where l.partner_code = ?", Integer.class, p.code())).isEqualTo(1);
  }

  @Test
  void anExpiredLinkIsGoneAndSaysWhomToAsk() throws Exception {
    var p = fixture.activePartner(RiskTier.MEDIUM, 6, List.of(), Classification.SECRET);
    PortalClient.openWindow(service, management, p);
    String token = PortalClient.tokenFromMail(sender, p.contactEmail());
    assertThat(client.page(token).statusCode()).isEqualTo(200);
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(properties.linkValidity()).plus(Duration.ofMinutes(1))));
    HttpResponse<String> expired = client.page(token);
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(expired.body()).contains("This link has expired.", properties.helpContact());
    assertThat(client.post(token, answer(p, "Jo Partner")).statusCode()).isEqualTo(410);
    assertThat(p.process()).isWaitingAt("Task_Attest", "TimerEvent_RenewalDue");
  }

  @Test
  void suspendingThePartnerWithdrawsItsLinksForGood() throws Exception {
    var p = fixture.activePartner(RiskTier.MEDIUM, 6, List.of(), Classification.SECRET);
    PortalClient.openWindow(service, management, p);
    String token = PortalClient.tokenFromMail(sender, p.contactEmail());
    partners.changeStatus(p.code(), PartnerStatus.SUSPENDED, "audit finding");
    HttpResponse<String> withdrawn = client.page(token);
    assertThat(withdrawn.statusCode()).isEqualTo(410);
    assertThat(withdrawn.body()).contains("This link has been withdrawn");
    assertThat(jdbc.queryForObject("select revoked_reason from partner_link where token_hash = ?", String.class,
        sha256(token))).isEqualTo("partner suspended");
    partners.changeStatus(p.code(), PartnerStatus.ACTIVE, "audit closed");
    assertThat(client.post(token, answer(p, "Jo Partner")).statusCode()).as("still withdrawn").isEqualTo(410);
    assertThat(p.process()).isWaitingAt("Task_Attest", "TimerEvent_RenewalDue");
  }

  @Test
  void aLinkAnswersOnlyItsOwnRequestAndRefusesTamperedOrGuessedInput() throws Exception {
    var p = fixture.activePartner(RiskTier.MEDIUM, 6, List.of(), Classification.SECRET);
    var other = fixture.activePartner(RiskTier.MEDIUM, 6, List.of(), Classification.SECRET);
    PortalClient.openWindow(service, management, p);
    String token = PortalClient.tokenFromMail(sender, p.contactEmail());

    // Another request's disclosure, an unknown field, a value the form does not offer, a field sent twice.
    Map<String, String> foreign = answer(p, "Jo Partner");
    foreign.put("holders-" + other.disclosureIds().get(0), "Mallory");
    Map<String, String> unknown = answer(p, "Jo Partner");
    unknown.put("recertificationId", "1");
    Map<String, String> badChoice = answer(p, "Jo Partner");
    badChoice.put("needed-" + p.disclosureIds().get(0), "maybe");
    for (Map<String, String> tampered : List.of(foreign, unknown, badChoice)) {
      HttpResponse<String> refused = client.post(token, tampered);
      assertThat(refused.statusCode()).as(tampered.toString()).isEqualTo(400);
      assertThat(refused.body()).containsAnyOf("fields this request does not have", "Say whether you still need")
          .doesNotContain("Exception", "ENGINE-");
    }
    // Still needed and nobody named: the process's own rule, said on the page.
    HttpResponse<String> nobody = client.post(token, answer(p));
    assertThat(nobody.statusCode()).isEqualTo(400);
    assertThat(nobody.body()).contains("Name who holds " + p.secretCodes().get(0) + " today");
    assertThat(p.process()).isWaitingAt("Task_Attest", "TimerEvent_RenewalDue");
    assertThat(jdbc.queryForObject("select count(*) from partner_submission where partner_code in (?, ?)", Integer.class,
        p.code(), other.code())).isZero();

    // Guessed, malformed, or with more after the token: not valid (404), the same page for all.
    String guessed = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
    for (String path : List.of("/partner/r/" + guessed, "/partner/r/abc", "/partner/r/" + token + "/x", "/partner/",
        "/partner/r/%2e%2e%2fapi")) {
      HttpResponse<String> r = client.get(path);
      assertThat(r.statusCode()).as(path).isIn(400, 404);
      assertThat(r.body()).as(path).doesNotContain("Exception", "Whitelabel", "trace");
    }
    assertThat(client.get("/partner/r/" + guessed).body()).contains("This link is not valid");
    assertThat(client.post(guessed, answer(p, "Jo Partner")).statusCode()).isEqualTo(404);

    // A form posted from another site.
    assertThat(client.post(token, answer(p, "Jo Partner"), "https://evil.example").statusCode()).isEqualTo(403);
    assertThat(client.post(token, answer(p, "Jo Partner"), "null").statusCode()).isEqualTo(403);
    assertThat(p.process()).isWaitingAt("Task_Attest", "TimerEvent_RenewalDue");

    // The token is no credential anywhere else.
    assertThat(client.get("/partner/assets/portal.css").statusCode()).isEqualTo(200);
  }

  @Test
  void tooManyRequestsPerLinkOrPerAddressAreRefused() throws Exception {
    var p = fixture.activePartner(RiskTier.MEDIUM, 6, List.of(), Classification.SECRET);
    PortalClient.openWindow(service, management, p);
    String token = PortalClient.tokenFromMail(sender, p.contactEmail());
    limiter.reset(3, 1000);
    for (int i = 0; i < 3; i++) {
      assertThat(client.page(token).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> limited = client.page(token);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.body()).contains("Too many requests");

    limiter.reset(1000, 5);
    String guessed = "A".repeat(43);
    for (int i = 0; i < 5; i++) {
      assertThat(client.page(guessed.substring(0, 42) + i).statusCode()).isEqualTo(404);
    }
    assertThat(client.page(token).statusCode()).as("the address is over its limit, whatever the token").isEqualTo(429);
  }

  @Test
  void procurementAnswersOnThePartnersBehalfAndTheLinksAreWithdrawn() throws Exception {
    var p = fixture.activePartner(RiskTier.MEDIUM, 6, List.of(), Classification.SECRET);
    Period period = PortalClient.openWindow(service, management, p);
    String token = PortalClient.tokenFromMail(sender, p.contactEmail());
    identity.setAuthentication("paula", List.of("procurement"));
    try {
      var task = tasks.createTaskQuery().processInstanceId(p.process().getId()).taskDefinitionKey("Task_Attest").singleResult();
      tasks.complete(task.getId(), Map.of("attestation", "[{\"disclosureId\":" + p.disclosureIds().get(0)
          + ",\"stillNeeded\":true,\"holders\":[\"Jo Partner\"]}]"));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(service.period(period.id()).attestedBy()).isEqualTo("paula");
    String attested = jdbc.queryForObject("select payload from evidence_event where partner_code = ? and type = "
        + "'RECERTIFICATION_ATTESTED' order by seq desc limit 1", String.class, p.code());
    assertThat(attested).contains("ON_BEHALF_OF_PARTNER", "paula").doesNotContain("PARTNER_LINK");
    HttpResponse<String> gone = client.page(token);
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(gone.body()).contains("withdrawn");
  }

  @Test
  void flaggedAnswersReachLegalWithThePartnersOwnWordsAndWhoSubmitted() throws Exception {
    var p = fixture.activePartner(RiskTier.MEDIUM, 6, List.of("Jo Partner"), Classification.SECRET);
    PortalClient.openWindow(service, management, p);
    String token = PortalClient.tokenFromMail(sender, p.contactEmail());
    Map<String, String> answer = answer(p, "Jo Partner", "Max Unlisted");
    answer.put("incident-" + p.disclosureIds().get(0), "Laptop stolen in Lyon on 3 May");
    assertThat(client.post(token, answer).statusCode()).isEqualTo(200);
    assertThat(p.process()).isWaitingAt("Task_ReviewAttestation", "TimerEvent_RenewalDue");
    assertThat((String) runtime.getVariable(p.process().getId(), "attestationFindings"))
        .contains("Answered by the partner: Jo Partner (Quality lead), " + p.contactEmail(), "Max Unlisted",
            "Laptop stolen in Lyon on 3 May", "HOLDER_NOT_PERMITTED", "INCIDENT");
  }

  @Test
  void procurementSendsANewLinkAndTheOldOneStopsWorking() throws Exception {
    var p = fixture.activePartner(RiskTier.MEDIUM, 6, List.of(), Classification.SECRET);
    Period period = PortalClient.openWindow(service, management, p);
    String first = PortalClient.tokenFromMail(sender, p.contactEmail());
    var sent = Api.as(rest, "paula").post("/api/recertifications/" + period.id() + "/partner-links", Map.of());
    assertThat(sent.getStatusCode().value()).isEqualTo(200);
    assertThat(sent.getBody().get("links").asInt()).isEqualTo(1);
    assertThat(Api.as(rest, "lena").post("/api/recertifications/" + period.id() + "/partner-links", Map.of())
        .getStatusCode().value()).isEqualTo(403);
    String second = PortalClient.tokenFromMail(sender, p.contactEmail());
    assertThat(second).isNotEqualTo(first);
    assertThat(client.page(first).statusCode()).isEqualTo(410);
    assertThat(client.page(second).statusCode()).isEqualTo(200);
    assertThat(client.post(second, answer(p, "Jo Partner")).statusCode()).isEqualTo(200);
  }

  @Test
  void thePageSpeaksChinese() throws Exception {
    var p = fixture.activePartner(RiskTier.MEDIUM, 6, List.of(), Classification.SECRET);
    PortalClient.openWindow(service, management, p);
    String token = PortalClient.tokenFromMail(sender, p.contactEmail());
    HttpResponse<String> zh = client.get("/partner/r/" + token + "?lang=zh");
    assertThat(zh.statusCode()).isEqualTo(200);
    assertThat(zh.body()).contains("lang=\"zh\"", "第 1 期重新认证", "您的姓名", "提交我的回答");
    Map<String, String> incomplete = answer(p, "Jo Partner");
    incomplete.remove("confirm");
    incomplete.put("lang", "zh");
    assertThat(client.post(token, incomplete).body()).contains("请勾选确认框。");
    // The re-certification rules' refusals too.
    Map<String, String> nobody = answer(p);
    nobody.put("lang", "zh");
    HttpResponse<String> refused = client.post(token, nobody);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("请写明目前由谁持有 " + p.secretCodes().get(0)).doesNotContain("Name who holds");
  }

  /** A complete answer for every disclosure of the partner: still needed, these holders, confirmed by Jo. */
  static Map<String, String> answer(RecertificationFixture.Partner p, String... holders) {
    Map<String, String> form = new LinkedHashMap<>();
    for (long id : p.disclosureIds()) {
      form.put("needed-" + id, "yes");
      form.put("holders-" + id, String.join("\n", holders));
      form.put("incident-" + id, "");
      form.put("onward-" + id, "");
    }
    form.put("respondentName", "Jo Partner");
    form.put("respondentRole", "Quality lead");
    form.put("confirm", "yes");
    return form;
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
