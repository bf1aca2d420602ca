package io.cordon.portal;

import static io.cordon.portal.PortalClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import io.cordon.TimeoutJobs;
import io.cordon.notification.Inbox;
import io.cordon.notification.OutboxSender;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.secret.Classification;
import io.cordon.secret.ProtectionMeasure;
import io.cordon.secret.SecretCategory;
import io.cordon.secret.SecretDetails;
import io.cordon.secret.SecretService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import io.cordon.platform.HostileInputIT;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Due diligence at onboarding answered by the partner's contact through its link: the mail sent when the task is
 * created, the page with the Tasklist form's questions, the answer completing the same task through the same form
 * contract and step, the receipt, the evidence naming the contact; each way a link is refused; procurement's answer
 * on the partner's behalf; a second round after security asks for more.
 */
@CordonIntegrationTest
public class PortalDueDiligenceIT {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  IdentityService identity;
  @Autowired
  SecretService secrets;
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
  org.camunda.bpm.engine.ManagementService management;
  @Autowired
  io.cordon.notification.TaskTimeouts timeouts;
  @Autowired
  org.springframework.boot.test.web.client.TestRestTemplate rest;

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

  /** An onboarding whose partner's contact has an address of its own; waits at the due-diligence task. */
  public record Onboarding(ProcessInstance process, String partnerCode, String email, String secretCode) {
  }

  Onboarding onboarding(Classification classification) {
    return start(identity, secrets, runtime, classification);
  }

  public static Onboarding start(IdentityService identity, SecretService secrets, RuntimeService runtime,
      Classification classification) {
    identity.setAuthentication("sam", List.of("security"));
    String secret;
    try {
      secret = secrets.register(new SecretDetails("Housing tolerances DD " + System.nanoTime(), "summary",
          SecretCategory.TECHNICAL, classification, "oscar", List.of("PLM"), List.of("Munich"), List.of("DE"),
          Set.of(ProtectionMeasure.ACCESS_CONTROL))).code();
    } finally {
      identity.clearAuthentication();
    }
    String email = "dd." + System.nanoTime() + "@partner.example";
    Map<String, Object> vars = new HashMap<>();
    vars.put("partnerName", "Due Diligence Test " + System.nanoTime());
    vars.put("partnerCountry", "DE");
    vars.put("partnerType", "CONTRACT_MANUFACTURER");
    vars.put("partnerAddress", "1 Test Road");
    vars.put("partnerRegistrationId", "HRB 4711");
    vars.put("contactName", "Li Wei");
    vars.put("contactEmail", email);
    vars.put("purpose", "Machining of housings");
    vars.put("requestedSecretCodes", secret);
    vars.put("ndaKind", "MUTUAL");
    identity.setAuthentication("paula", List.of("procurement"));
    try {
      ProcessInstance pi = runtime.startProcessInstanceByKey("PartnerOnboardingProcess", vars);
      return new Onboarding(pi, pi.getBusinessKey(), email, secret);
    } finally {
      identity.clearAuthentication();
    }
  }

  static Map<String, String> answer() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("securityCertifications", "ISO 27001");
    form.put("accessControlInPlace", "yes");
    form.put("usesSubcontractors", "no");
    form.put("incidentsLastFiveYears", "no");
    form.put("dataLocation", "DE, Stuttgart plant");
    form.put("staffTurnover", "LOW");
    form.put("privacyRegime", "GDPR");
    form.put("findings", "Drawings stay in our PLM; badge access to the tooling room.");
    form.put("respondentName", "Li Wei");
    form.put("respondentRole", "Quality manager");
    form.put("confirm", "yes");
    return form;
  }

  private Task task(Onboarding o) {
    return tasks.createTaskQuery().processInstanceId(o.process().getId()).taskDefinitionKey("Task_ReviewDueDiligence")
        .singleResult();
  }

  @Test
  void theContactAnswersDueDiligenceFromTheMailAndTheOnboardingGoesOn() throws Exception {
    Onboarding o = onboarding(Classification.SECRET);
    assertThat(o.process()).isWaitingAt("Task_ReviewDueDiligence");
    String token = PortalClient.tokenFromMail(sender, o.email());
    assertThat(jdbc.queryForList("select body_text from mail_outbox where recipient = ?", String.class, o.email()))
        .singleElement().satisfies(body -> assertThat(body).doesNotContain(token).contains("{partner-link:"));
    assertThat(Inbox.to(o.email()).get(0).getSubject()).startsWith("Due diligence questionnaire for");

    HttpResponse<String> page = client.page(token);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Due diligence questionnaire", "Machining of housings", "name=\"staffTurnover\"",
            "name=\"accessControlInPlace\"", "<label for=\"findings\"", "<label for=\"respondentName\"")
        .as("nothing of the register: no secret, no internal title, no script")
        .doesNotContain(o.secretCode(), "Housing tolerances", "<script");

    // Something missing: the page again with what to correct, nothing kept, the link still works.
    Map<String, String> incomplete = answer();
    incomplete.remove("accessControlInPlace");
    HttpResponse<String> refused = client.post(token, incomplete);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Answer yes or no: is access to confidential material controlled and logged?", "ISO 27001",
        "value=\"no\" name=\"usesSubcontractors\" checked=\"checked\"");
    assertThat(o.process()).isWaitingAt("Task_ReviewDueDiligence");

    HttpResponse<String> receipt = client.post(token, answer());
    assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
    String sha = field(receipt.body(), "receipt-sha256");
    long seq = Long.parseLong(field(receipt.body(), "receipt-seq").replace("Event ", ""));
    assertThat(field(receipt.body(), "receipt-by")).isEqualTo("Li Wei (Quality manager), " + o.email());

    Map<String, Object> stored = jdbc.queryForMap("select content, sha256 from partner_submission s join partner_link l "
        + "on l.id = s.link_id where l.token_hash = ?", PortalAttestationIT.sha256(token));
    assertThat(stored.get("sha256")).isEqualTo(sha);
    assertThat(PortalAttestationIT.sha256((String) stored.get("content"))).isEqualTo(sha);
    assertThat((String) stored.get("content")).contains("\"staffTurnover\":\"LOW\"", "\"accessControlInPlace\":true",
        "\"kind\":\"DUE_DILIGENCE\"");
    assertThat(jdbc.queryForObject("select type from evidence_event where seq = ?", String.class, seq))
        .isEqualTo("PARTNER_RESPONSE_RECEIVED");

    // The same step as after Tasklist: recorded, the contact named in the evidence, the process went on.
    assertThat(o.process()).hasPassed("Task_ReviewDueDiligence", "Task_RecordDueDiligence", "Task_DetermineRiskTier");
    Map<String, Object> recorded = jdbc.queryForMap("select actor, payload from evidence_event where partner_code = ? "
        + "and type = 'DUE_DILIGENCE_RECORDED' order by seq desc limit 1", o.partnerCode());
    assertThat((String) recorded.get("payload")).contains("PARTNER_LINK", "Li Wei", "Quality manager", o.email());
    assertThat((String) recorded.get("actor")).startsWith("partner-link:");
    assertThat(partners.latestDueDiligence(o.partnerCode()).orElseThrow().findings()).contains("badge access");
    assertThat((String) runtime.getVariable(o.process().getId(), "dueDiligenceAnsweredBy"))
        .isEqualTo("Answered by the partner: Li Wei (Quality manager), " + o.email() + ", through the partner link.");

    // The receipt by mail; the link is spent.
    sender.sweep();
    assertThat(Inbox.to(o.email())).anySatisfy(m -> {
      assertThat(m.getSubject()).startsWith("Receipt");
      assertThat(Inbox.text(m)).contains(sha, "event " + seq);
    });
    assertThat(client.page(token).statusCode()).isEqualTo(410);
    assertThat(client.post(token, answer()).statusCode()).isEqualTo(410);
  }

  @Test
  void procurementAnswersInTasklistOnThePartnersBehalfAndTheLinkIsWithdrawn() throws Exception {
    Onboarding o = onboarding(Classification.CONFIDENTIAL);
    String token = PortalClient.tokenFromMail(sender, o.email());
    Map<String, Object> vars = new HashMap<>();
    vars.put("securityCertifications", "ISO 27001");
    vars.put("accessControlInPlace", true);
    vars.put("usesSubcontractors", false);
    vars.put("incidentsLastFiveYears", false);
    vars.put("staffTurnover", "LOW");
    vars.put("findings", "Told us on the phone.");
    identity.setAuthentication("paula", List.of("procurement"));
    try {
      tasks.complete(task(o).getId(), vars);
    } finally {
      identity.clearAuthentication();
    }
    String payload = jdbc.queryForObject("select payload from evidence_event where partner_code = ? and type = "
        + "'DUE_DILIGENCE_RECORDED' order by seq desc limit 1", String.class, o.partnerCode());
    assertThat(payload).contains("ON_BEHALF_OF_PARTNER", "paula").doesNotContain("PARTNER_LINK");
    assertThat((String) runtime.getVariable(o.process().getId(), "dueDiligenceAnsweredBy"))
        .isEqualTo("Recorded by paula on the partner's behalf.");
    HttpResponse<String> gone = client.page(token);
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(gone.body()).contains("withdrawn");
    assertThat(jdbc.queryForObject("select revoked_reason from partner_link where token_hash = ?", String.class,
        PortalAttestationIT.sha256(token))).isEqualTo("answered in Tasklist on the partner's behalf");
  }

  @Test
  void aLinkRefusesTamperedFieldsAnotherRequestsFieldsExpiryAndARejectedPartner() throws Exception {
    Onboarding o = onboarding(Classification.CONFIDENTIAL);
    String token = PortalClient.tokenFromMail(sender, o.email());

    Map<String, String> foreign = answer();
    foreign.put("needed-1", "yes"); // an attestation's field
    Map<String, String> internal = answer();
    internal.put("riskTier", "LOW"); // a variable the process writes itself
    Map<String, String> badChoice = answer();
    badChoice.put("staffTurnover", "NONE");
    Map<String, String> badFlag = answer();
    badFlag.put("incidentsLastFiveYears", "maybe");
    Map<String, String> tooLong = answer();
    tooLong.put("dataLocation", "x".repeat(201));
    for (Map<String, String> tampered : List.of(foreign, internal, badChoice, badFlag, tooLong)) {
      HttpResponse<String> refused = client.post(token, tampered);
      assertThat(refused.statusCode()).as(tampered.toString()).isEqualTo(400);
      assertThat(refused.body()).as(tampered.toString())
          .containsAnyOf("fields this request does not have", "Choose the staff turnover", "Answer yes or no",
              "data location")
          .doesNotContain("Exception", "ENGINE-");
    }
    assertThat(o.process()).isWaitingAt("Task_ReviewDueDiligence");
    assertThat(jdbc.queryForObject("select count(*) from partner_submission where partner_code = ?", Integer.class,
        o.partnerCode())).isZero();

    // Expired: gone, and says whom to ask.
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(properties.linkValidity())
        .plus(Duration.ofMinutes(1))));
    HttpResponse<String> expired = client.page(token);
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(expired.body()).contains("This link has expired.", properties.helpContact());
    ClockUtil.reset();

    // The partner is rejected: its links are withdrawn for good.
    partners.changeStatus(o.partnerCode(), PartnerStatus.REJECTED, "sanctions list");
    HttpResponse<String> withdrawn = client.post(token, answer());
    assertThat(withdrawn.statusCode()).isEqualTo(410);
    assertThat(withdrawn.body()).contains("This link has been withdrawn");
    assertThat(o.process()).isWaitingAt("Task_ReviewDueDiligence");
  }

  @Test
  void whenSecurityAsksForMoreThePartnerGetsANewLinkAndTheFirstOneStaysSpent() throws Exception {
    Onboarding o = onboarding(Classification.CROWN_JEWEL);
    String first = PortalClient.tokenFromMail(sender, o.email());
    Map<String, String> answer = answer();
    answer.put("incidentsLastFiveYears", "yes");
    assertThat(client.post(first, answer).statusCode()).isEqualTo(200);
    assertThat(o.process()).isWaitingAt("Task_ReviewSecurity");
    identity.setAuthentication("sam", List.of("security"));
    try {
      var review = tasks.createTaskQuery().processInstanceId(o.process().getId()).taskDefinitionKey("Task_ReviewSecurity")
          .singleResult();
      tasks.complete(review.getId(), Map.of("securityDecision", "MORE_INFO", "securityComment", "Which incident?"));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(o.process()).isWaitingAt("Task_ReviewDueDiligence");
    String second = PortalClient.tokenFromMail(sender, o.email());
    assertThat(second).isNotEqualTo(first);
    assertThat(client.page(first).statusCode()).isEqualTo(410);
    HttpResponse<String> page = client.page(second);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).as("security's question is internal").doesNotContain("Which incident?");
    assertThat(jdbc.queryForObject("select count(*) from partner_request where process_instance = ?", Integer.class,
        o.process().getId())).isEqualTo(2);
  }

  @Test
  void hostileAnswersNeverLeakAndAreKeptLiterallyOrRefusedWithNothingKept() throws Exception {
    Onboarding o = onboarding(Classification.CONFIDENTIAL);
    String token = PortalClient.tokenFromMail(sender, o.email());
    List<String> failures = new ArrayList<>();
    for (String bad : HostileInputIT.REFUSED) {
      for (String field : List.of("respondentName", "dataLocation", "findings")) {
        Map<String, String> form = answer();
        form.put(field, bad);
        HttpResponse<String> r = client.post(token, form);
        if (r.statusCode() != 400 || HostileInputIT.LEAK.matcher(r.body()).find()) {
          failures.add(field + " = " + bad.replaceAll("\\p{Cntrl}", "?") + ": " + r.statusCode());
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(o.process()).isWaitingAt("Task_ReviewDueDiligence");
    assertThat(jdbc.queryForObject("select count(*) from partner_submission where partner_code = ?", Integer.class,
        o.partnerCode())).isZero();
    // Printable hostile text is an answer like any other: kept literally, shown escaped.
    String hostile = String.join(" ", HostileInputIT.PRINTABLE.subList(0, 9));
    Map<String, String> form = answer();
    form.put("findings", hostile.substring(0, Math.min(hostile.length(), 3900)));
    form.put("respondentName", "<script>alert(1)</script>");
    HttpResponse<String> receipt = client.post(token, form);
    assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
    assertThat(receipt.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(partners.latestDueDiligence(o.partnerCode()).orElseThrow().findings()).isEqualTo(form.get("findings").strip());
  }

  @Test
  void aReminderReachesTheContactWithAFreshLinkBesidesTheInternalReminder() throws Exception {
    Onboarding o = onboarding(Classification.CONFIDENTIAL);
    String first = PortalClient.tokenFromMail(sender, o.email());
    // The task's reminder: its timeout listener's timer fires (TaskTimeouts.remind).
    management.executeJob(TimeoutJobs.job(management, o.process().getId(), "TaskListener_ReviewDueDiligenceReminder").getId());
    assertThat(o.process()).isWaitingAt("Task_ReviewDueDiligence");
    String second = PortalClient.tokenFromMail(sender, o.email());
    assertThat(second).isNotEqualTo(first);
    assertThat(Inbox.to(o.email())).extracting(m -> m.getSubject())
        .anySatisfy(subject -> assertThat(subject).startsWith("Reminder: Due diligence questionnaire"));
    assertThat(Inbox.to("paula@cordon.example")).as("procurement's own reminder still goes out")
        .anySatisfy(m -> assertThat(m.getSubject()).contains("Review due diligence"));
    assertThat(client.page(first).statusCode()).as("the earlier token stops working").isEqualTo(404);
    assertThat(client.page(second).statusCode()).isEqualTo(200);

    // A second reminder of the same task (another occasion): the same, once more.
    Task task = task(o);
    ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(context -> {
          timeouts.remind(context.getTaskManager().findTaskById(task.getId()), "last");
          return null;
        });
    String third = PortalClient.tokenFromMail(sender, o.email());
    assertThat(third).isNotEqualTo(second);
    assertThat(client.page(second).statusCode()).isEqualTo(404);
    assertThat(client.post(third, answer()).statusCode()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select count(*) from evidence_event where partner_code = ? and type = "
        + "'PARTNER_REQUEST_REMINDED'", Integer.class, o.partnerCode())).isEqualTo(2);
  }

  @Test
  void procurementSendsANewLinkFromTheTaskAndTheOldOneStopsWorking() throws Exception {
    Onboarding o = onboarding(Classification.CONFIDENTIAL);
    String first = PortalClient.tokenFromMail(sender, o.email());
    String taskId = task(o).getId();
    var sent = Api.as(rest, "paula").post("/api/tasks/" + taskId + "/partner-links", Map.of());
    assertThat(sent.getStatusCode().value()).isEqualTo(200);
    assertThat(sent.getBody().get("links").asInt()).isEqualTo(1);
    assertThat(Api.as(rest, "lena").post("/api/tasks/" + taskId + "/partner-links", Map.of()).getStatusCode().value())
        .isEqualTo(403);
    assertThat(Api.as(rest, "paula").post("/api/tasks/no-such-task/partner-links", Map.of()).getStatusCode().value())
        .isEqualTo(404);
    String second = PortalClient.tokenFromMail(sender, o.email());
    assertThat(second).isNotEqualTo(first);
    HttpResponse<String> old = client.page(first);
    assertThat(old.statusCode()).isEqualTo(410);
    assertThat(old.body()).contains("withdrawn");
    assertThat(client.post(second, answer()).statusCode()).isEqualTo(200);
    // Answered: no task waits any more.
    assertThat(Api.as(rest, "paula").post("/api/tasks/" + taskId + "/partner-links", Map.of()).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void thePageSpeaksChinese() throws Exception {
    Onboarding o = onboarding(Classification.CONFIDENTIAL);
    String token = PortalClient.tokenFromMail(sender, o.email());
    HttpResponse<String> zh = client.get("/partner/r/" + token + "?lang=zh");
    assertThat(zh.statusCode()).isEqualTo(200);
    assertThat(zh.body()).contains("lang=\"zh\"", "尽职调查问卷", "员工流动率", "提交我的回答");
    Map<String, String> incomplete = answer();
    incomplete.remove("usesSubcontractors");
    incomplete.put("lang", "zh");
    assertThat(client.post(token, incomplete).body()).contains("请回答是或否：贵方是否会为此项工作使用分包商？");
  }
}
