package io.cordon.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import io.cordon.Ndas;
import io.cordon.disclosure.Approval;
import io.cordon.disclosure.DisclosureRequest;
import io.cordon.disclosure.DisclosureService;
import io.cordon.nda.NdaLifecycle;
import io.cordon.nda.NdaService;
import io.cordon.onboarding.PartnerOnboarded;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each invariant is broken on purpose, on records of this test's own partner, and the checker must name exactly those
 * records; before that, the partner as onboarding leaves it breaks nothing. The suite's database is shared with other
 * tests, so the assertions look at this test's records, not at the totals (the crash test checks a whole database).
 */
@CordonIntegrationTest
class ConsistencyCheckIT {

  @Autowired
  ConsistencyChecker checker;
  @Autowired
  ConsistencyMonitor monitor;
  @Autowired
  JdbcTemplate jdbc;
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
  IdentityService identity;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ApplicationEventPublisher events;
  @Autowired
  TransactionTemplate tx;
  @Autowired
  TestRestTemplate rest;

  String code;
  String nda;
  /** Disclosure ids: CONFIDENTIAL, SECRET, CROWN_JEWEL. */
  List<Long> ids;
  String processId;

  @BeforeEach
  void onboardedPartner() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    code = partners.register(new PartnerDetails("Consistency Test Ltd " + run, null, "GB", "GB-" + run, "1 Quay, Leeds",
        PartnerType.SUPPLIER, null, List.of(new Contact("Kim Partner", "kim-" + run + "@partner.example", "legal")))).code();
    partners.changeStatus(code, PartnerStatus.ONBOARDING, "test");
    partners.assess(code, RiskTier.MEDIUM);
    partners.changeStatus(code, PartnerStatus.ACTIVE, "test");
    List<String> codes = new ArrayList<>();
    for (Classification c : Classification.values()) {
      codes.add(secrets.register(new SecretDetails("Consistency " + c + " " + run, "summary", SecretCategory.PROCESS, c,
          "oscar", List.of(), List.of(), List.of("GB"), Set.of(ProtectionMeasure.ENCRYPTION))).code());
    }
    nda = Ndas.inForce(ndaService, ndaLifecycle, code, codes);
    ids = new ArrayList<>();
    identity.setAuthentication("oscar", List.of("secret-owners"));
    try {
      for (String secret : codes) {
        long id = disclosures.request(new DisclosureRequest(secret, code, nda, 1, "Tooling", List.of("QA lead"), null)).id();
        disclosures.decide(id, Approval.Decision.APPROVED, "needed");
        ids.add(id);
      }
    } finally {
      identity.clearAuthentication();
    }
    ids.forEach(id -> disclosures.disclose(id, nda, 1));
    LocalDate next = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).plusMonths(12);
    partners.scheduleRecertification(code, next);
    tx.executeWithoutResult(s -> events.publishEvent(new PartnerOnboarded(code, "MEDIUM", nda, next, codes)));
    processId = runtime.createProcessInstanceQuery().processDefinitionKey("RecertificationProcess")
        .processInstanceBusinessKey(code).singleResult().getId();
  }

  @Test
  void anOnboardedPartnerBreaksNothing() {
    ConsistencyReport report = checker.check();
    List<String> mine = new ArrayList<>(ids.stream().map(String::valueOf).toList());
    mine.addAll(List.of(code + " (0 running)", code + " (2 running)", processId, "partner " + code));
    for (InvariantResult r : report.invariants()) {
      assertThat(r.ids()).as(r.invariant()).doesNotContainAnyElementsOf(mine);
    }
    assertThat(report.invariants()).extracting(InvariantResult::invariant).containsExactlyInAnyOrder(
        "DISCLOSED_WITHOUT_NDA_IN_FORCE", "DISCLOSED_WITHOUT_REQUIRED_APPROVAL", "DISCLOSED_TO_INACTIVE_PARTNER",
        "ACTIVE_PARTNER_RECERTIFICATION", "PROCESS_WITHOUT_REGISTER_ROW", "RECORD_WITHOUT_PROCESS",
        "DOCUMENT_BYTES_CHANGED", "DOCUMENT_MISSING_OR_UNRECORDED", "MAIL_STUCK_SENDING", "EVIDENCE_CHAIN_BROKEN");
  }

  @Test
  void findsDisclosuresWhoseNdaExpired() {
    jdbc.update("update nda set expires_on = ? where reference = ?", java.sql.Date.valueOf("2020-01-01"), nda);
    assertThat(ids("DISCLOSED_WITHOUT_NDA_IN_FORCE")).containsAll(strings(ids));
  }

  @Test
  void findsDisclosuresLackingTheApprovalsTheMatrixDemands() {
    // SECRET: the owner's approval is gone. CROWN_JEWEL: the partner is now HIGH risk, so security must approve too.
    jdbc.update("delete from disclosure_approval where disclosure_id = ?", ids.get(1));
    jdbc.update("update partner set risk_tier = 'HIGH' where code = ?", code);
    assertThat(ids("DISCLOSED_WITHOUT_REQUIRED_APPROVAL")).contains(String.valueOf(ids.get(1)), String.valueOf(ids.get(2)))
        .doesNotContain(String.valueOf(ids.get(0)));
  }

  @Test
  void findsDisclosuresHeldByALapsedOrSuspendedPartner() {
    jdbc.update("update recertification set status = 'LAPSED' where partner_code = ?", code);
    assertThat(ids("DISCLOSED_TO_INACTIVE_PARTNER")).containsAll(strings(ids));
  }

  @Test
  void findsActivePartnersWithoutTheirReCertificationAndProcessesWithoutTheirPartner() {
    jdbc.update("update ACT_RU_EXECUTION set BUSINESS_KEY_ = ? where ID_ = ?", "P-GONE-" + code, processId);
    try {
      ConsistencyReport report = checker.check();
      assertThat(ids(report, "ACTIVE_PARTNER_RECERTIFICATION")).contains(code + " (0 running)");
      assertThat(ids(report, "PROCESS_WITHOUT_REGISTER_ROW")).contains(processId);
    } finally {
      jdbc.update("update ACT_RU_EXECUTION set BUSINESS_KEY_ = ? where ID_ = ?", code, processId);
    }
  }

  @Test
  void findsRecordsWithoutTheirProcess() {
    String onboarding = partners.register(new PartnerDetails("Stranded Onboarding Ltd", null, "GB", null, null,
        PartnerType.SUPPLIER, null, List.of())).code();
    partners.changeStatus(onboarding, PartnerStatus.ONBOARDING, "no process started");
    Long period = jdbc.queryForObject("select max(id) from recertification where partner_code = ?", Long.class, code);
    jdbc.update("update recertification set process_instance = 'no-such-instance' where id = ?", period);
    assertThat(ids("RECORD_WITHOUT_PROCESS")).contains("partner " + onboarding, "recertification " + period);
  }

  @Test
  void findsChangedMissingAndUnrecordedDocuments() {
    String fake = "f".repeat(56) + UUID.randomUUID().toString().substring(0, 8).replace('-', '0');
    String missing = "e".repeat(56) + UUID.randomUUID().toString().substring(0, 8).replace('-', '0');
    String executed = jdbc.queryForObject("select executed_sha256 from nda where reference = ?", String.class, nda);
    jdbc.update("insert into nda_blob (sha256, size_bytes, content) values (?, 3, ?)", fake, new byte[] {1, 2, 3});
    jdbc.update("insert into nda_renewal (nda_reference, sha256, signature_date, previous_expires_on, expires_on, recorded_at) "
        + "values (?, ?, ?, ?, ?, ?)", nda, missing, java.sql.Date.valueOf("2025-01-01"), java.sql.Date.valueOf("2026-01-01"),
        java.sql.Date.valueOf("2030-01-01"), Timestamp.from(Instant.now()));
    try {
      ConsistencyReport report = checker.check();
      assertThat(ids(report, "DOCUMENT_BYTES_CHANGED")).contains(fake).doesNotContain(executed);
      assertThat(ids(report, "DOCUMENT_MISSING_OR_UNRECORDED")).contains(missing).doesNotContain(executed);
      // The executed copy's bytes changed in place: its hash no longer matches.
      byte[] original = jdbc.queryForObject("select content from nda_blob where sha256 = ?", byte[].class, executed);
      jdbc.update("update nda_blob set content = ? where sha256 = ?", new byte[] {'%', 'P', 'D', 'F', '!'}, executed);
      try {
        assertThat(ids("DOCUMENT_BYTES_CHANGED")).contains(executed);
      } finally {
        jdbc.update("update nda_blob set content = ? where sha256 = ?", original, executed);
      }
    } finally {
      jdbc.update("delete from nda_renewal where sha256 = ?", missing);
      jdbc.update("delete from nda_blob where sha256 = ?", fake);
    }
  }

  @Test
  void findsMailStuckSendingPastTheClaimTimeout() {
    Timestamp hourAgo = Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
    jdbc.update("insert into mail_outbox (mail_key, recipient, kind, subject, body_html, body_text, message_id, status, "
        + "attempts, next_attempt_at, claimed_by, claimed_at, created_at) values (?, 'x@example.org', 'NOTICE', 's', 'h', 't', "
        + "'<m@x>', 'SENDING', 1, ?, 'dead-node#1', ?, ?)", "stuck:" + code, hourAgo, hourAgo, hourAgo);
    Long id = jdbc.queryForObject("select id from mail_outbox where mail_key = ?", Long.class, "stuck:" + code);
    try {
      assertThat(ids("MAIL_STUCK_SENDING")).contains(String.valueOf(id));
    } finally {
      jdbc.update("delete from mail_outbox where id = ?", id);
    }
  }

  @Test
  void findsABrokenEvidenceChain() {
    Long seq = jdbc.queryForObject("select max(seq) from evidence_event where partner_code = ?", Long.class, code);
    String payload = jdbc.queryForObject("select payload from evidence_event where seq = ?", String.class, seq);
    jdbc.update("update evidence_event set payload = ? where seq = ?", payload.replace("}", ",\"x\":1}"), seq);
    try {
      ConsistencyReport report = checker.check();
      InvariantResult chain = result(report, "EVIDENCE_CHAIN_BROKEN");
      assertThat(chain.count()).isEqualTo(1);
      assertThat(Long.parseLong(chain.ids().get(0))).isLessThanOrEqualTo(seq);
    } finally {
      jdbc.update("update evidence_event set payload = ? where seq = ?", payload, seq);
    }
    assertThat(result(checker.check(), "EVIDENCE_CHAIN_BROKEN").holds()).isTrue();
  }

  @Test
  void aRunWithFindingsTurnsHealthDownAndMailsTheAdministratorsOncePerFindings() {
    partners.changeStatus(code, PartnerStatus.SUSPENDED, "test: disclosures not suspended with it");
    ConsistencyReport report = checker.check();
    assertThat(report.consistent()).isFalse();
    assertThat(monitor.health().getStatus().getCode()).isEqualTo("DOWN");
    int queued = monitor.alert(report);
    assertThat(queued).isPositive();
    List<Map<String, Object>> rows = jdbc.queryForList("select recipient_user, subject, body_text from mail_outbox "
        + "where mail_key like 'consistency:%' order by id desc");
    assertThat(rows).isNotEmpty();
    assertThat(rows.get(0).get("recipient_user")).isEqualTo("ada");
    assertThat((String) rows.get(0).get("body_text")).contains("DISCLOSED_TO_INACTIVE_PARTNER", String.valueOf(ids.get(2)));
    assertThat(monitor.alert(checker.check())).as("the same findings again").isZero();
  }

  @Test
  void restListsTheReportForSecurityAndAdminsOnly() {
    jdbc.update("update nda set expires_on = ? where reference = ?", java.sql.Date.valueOf("2020-01-01"), nda);
    var response = Api.as(rest, "sam").get("/api/admin/consistency");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode nda = null;
    for (JsonNode invariant : response.getBody().get("invariants")) {
      if (invariant.get("invariant").asText().equals("DISCLOSED_WITHOUT_NDA_IN_FORCE")) {
        nda = invariant;
      }
    }
    assertThat(nda).isNotNull();
    assertThat(nda.get("ids").toString()).contains(String.valueOf(ids.get(0)));
    assertThat(response.getBody().get("consistent").asBoolean()).isFalse();
    assertThat(Api.as(rest, "ada").get("/api/admin/consistency").getStatusCode()).isEqualTo(HttpStatus.OK);
    var refused = Api.as(rest, "paula").get("/api/admin/consistency");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody().toString()).doesNotContain("DISCLOSED");
  }

  private List<String> ids(String invariant) {
    return ids(checker.check(), invariant);
  }

  private static List<String> ids(ConsistencyReport report, String invariant) {
    return result(report, invariant).ids();
  }

  private static InvariantResult result(ConsistencyReport report, String invariant) {
    return report.invariants().stream().filter(r -> r.invariant().equals(invariant)).findFirst().orElseThrow();
  }

  private static List<String> strings(List<Long> ids) {
    return ids.stream().map(String::valueOf).toList();
  }
}
