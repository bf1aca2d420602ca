package io.cordon.recertification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.TimeoutJobs;
import io.cordon.disclosure.DisclosureRequest;
import io.cordon.disclosure.DisclosureService;
import io.cordon.disclosure.DisclosureStatus;
import io.cordon.nda.NdaLifecycle;
import io.cordon.notification.Inbox;
import io.cordon.offboarding.OffboardingService;
import io.cordon.notification.OutboxSender;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.partner.RiskTier;
import io.cordon.platform.ConflictException;
import io.cordon.secret.Classification;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
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
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code RecertificationProcess}, with the job executor off: timers are fired by executing their jobs
 * after moving the engine clock with {@link ClockUtil}; nothing waits.
 */
@CordonIntegrationTest
class RecertificationProcessIT {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

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
  @Autowired
  OutboxSender sender;
  @Autowired
  OffboardingService offboardingService;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
    sender.sweep();
    Inbox.clear();
  }

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    // Mail queued at a moved clock is due only at that time: send it now, so no later test receives it.
    sender.sweep();
    ClockUtil.reset();
  }

  @Test
  void onTimeAttestationCompletesThePeriodAndSchedulesTheNextOne() throws Exception {
    var p = fixture.activePartner(RiskTier.MEDIUM, 6, List.of("Jo Partner", "Kim Lee"), Classification.SECRET);
    assertThat(p.process()).isStarted().isWaitingAt("TimerEvent_WindowOpens", "TimerEvent_RenewalDue");
    Period first = service.periods(p.code()).get(0);
    assertThat(first.periodNo()).isEqualTo(1);
    assertThat(first.status()).isEqualTo(RecertificationStatus.SCHEDULED);
    assertThat(first.intervalMonths()).as("MEDIUM tier holding a SECRET: RecertificationInterval rule 4").isEqualTo(6);
    LocalDate dueDay = partners.get(p.code()).nextRecertification();
    assertThat(first.dueAt()).isEqualTo(ZonedDateTime.of(dueDay.atTime(17, 0), BERLIN).toInstant());
    assertThat(first.requestAt()).isEqualTo(first.dueAt().minus(Duration.ofDays(30)));
    assertThat(first.graceUntil()).isEqualTo(first.dueAt().plus(Duration.ofDays(14)));

    openWindow(p.process().getId(), first);
    assertThat(p.process()).isWaitingAt("Task_Attest", "TimerEvent_RenewalDue");
    Task attest = task(p.process().getId(), "Task_Attest");
    assertThat(attest.getDueDate().toInstant()).isEqualTo(first.dueAt());
    assertThat(taskService.getIdentityLinksForTask(attest.getId())).anyMatch(l -> "procurement".equals(l.getGroupId()));
    sender.sweep();
    MimeMessage toPartner = single(Inbox.to(p.contactEmail()));
    assertThat(toPartner.getSubject()).startsWith("Re-certification due ").endsWith(": " + partners.get(p.code()).legalName());
    assertThat(Inbox.text(toPartner)).contains(p.secretCodes().get(0) + " (SECRET)", "Partner: " + p.code())
        .doesNotContain("Recert secret", "tasklist");
    MimeMessage toProcurement = single(Inbox.to("paula@cordon.example"));
    assertThat(toProcurement.getSubject()).isEqualTo("Re-certification requested: " + p.code() + " "
        + partners.get(p.code()).legalName());
    assertThat(Inbox.text(toProcurement)).contains("Attest re-certification", "/camunda/app/tasklist/default/");

    complete(attest, answer(p.disclosureIds().get(0), true, null, null, "Jo Partner", "kim  LEE"));

    Period done = service.period(first.id());
    assertThat(done.status()).isEqualTo(RecertificationStatus.COMPLETED);
    assertThat(done.late()).isFalse();
    assertThat(done.attestedBy()).isEqualTo("paula");
    assertThat(service.answers(first.id())).singleElement().satisfies(a -> {
      assertThat(a.holders()).containsExactly("Jo Partner", "kim  LEE");
      assertThat(a.flags()).as("names compare case- and space-insensitively").isEmpty();
    });
    assertThat(p.process()).hasPassed("Task_CompleteRecertification").isWaitingAt("TimerEvent_WindowOpens",
        "TimerEvent_RenewalDue");
    Period second = service.periods(p.code()).get(0);
    assertThat(second.periodNo()).isEqualTo(2);
    assertThat(second.dueAt()).isEqualTo(ZonedDateTime.of(dueDay.plusMonths(6).atTime(17, 0), BERLIN).toInstant());
    assertThat(partners.get(p.code()).nextRecertification()).isEqualTo(dueDay.plusMonths(6));
    assertThat(evidenceTypes(p.code())).contains("RECERTIFICATION_SCHEDULED", "RECERTIFICATION_REQUESTED",
        "RECERTIFICATION_ATTESTED", "RECERTIFICATION_COMPLETED");
    assertThat(jdbc.queryForObject("select count(*) from evidence_event where partner_code = ? and type = "
        + "'RECERTIFICATION_ATTESTED' and secret_codes like ? and process_instance = ?", Integer.class, p.code(),
        "%" + p.secretCodes().get(0) + "%", p.process().getId())).isEqualTo(1);
  }

  @Test
  void remindersBeforeAndEscalationAfterTheDueDateEachSendOnce() throws Exception {
    var p = fixture.activePartner(RiskTier.LOW, 12, List.of(), Classification.CONFIDENTIAL);
    Period period = service.periods(p.code()).get(0);
    openWindow(p.process().getId(), period);
    sender.sweep();
    Inbox.clear();

    at(period.dueAt().minus(Duration.ofDays(14)));
    fireTimeout(p.process().getId(), "TaskListener_AttestFirstReminder");
    at(period.dueAt().minus(Duration.ofDays(3)));
    fireTimeout(p.process().getId(), "TaskListener_AttestLastReminder");
    at(period.dueAt().plusSeconds(1));
    fireTimeout(p.process().getId(), "TaskListener_AttestOverdue");
    sender.sweep();

    List<MimeMessage> toPaula = Inbox.to("paula@cordon.example");
    // The task's name says for whom: "Attest re-certification — <partner's name> (<code>)".
    assertThat(toPaula).hasSize(2).allSatisfy(m -> assertThat(m.getSubject())
        .startsWith("Reminder: Attest re-certification — ").contains(" (" + p.code() + ") is due"));
    assertThat(single(Inbox.to("ada@cordon.example")).getSubject())
        .startsWith("Overdue: Attest re-certification — ").contains(" (" + p.code() + ") was due");
    assertThat(p.process()).isWaitingAt("Task_Attest");
  }

  @Test
  void flaggedAttestationGoesToLegalWhoMayEndTheFlaggedDisclosure() {
    var p = fixture.activePartner(RiskTier.MEDIUM, 6, List.of("Jo Partner"), Classification.SECRET,
        Classification.CONFIDENTIAL);
    Period period = service.periods(p.code()).get(0);
    openWindow(p.process().getId(), period);
    long flagged = p.disclosureIds().get(0);
    long clean = p.disclosureIds().get(1);
    complete(task(p.process().getId(), "Task_Attest"), "[" + entry(flagged, true, "Laptop stolen on 3 May", null,
        "Jo Partner", "Max Unlisted") + "," + entry(clean, true, null, null, "Jo Partner") + "]");

    assertThat(p.process()).isWaitingAt("Task_ReviewAttestation", "TimerEvent_RenewalDue");
    assertThat(service.period(period.id()).status()).isEqualTo(RecertificationStatus.IN_REVIEW);
    Task review = task(p.process().getId(), "Task_ReviewAttestation");
    assertThat(taskService.getIdentityLinksForTask(review.getId())).anyMatch(l -> "legal".equals(l.getGroupId()));
    assertThat((String) runtimeService.getVariable(p.process().getId(), "attestationFindings"))
        .contains(p.secretCodes().get(0), "HOLDER_NOT_PERMITTED", "INCIDENT", "Laptop stolen on 3 May")
        .doesNotContain(p.secretCodes().get(1));

    identityService.setAuthentication("lena", List.of("legal"));
    assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of("reviewDecision", "MAYBE", "reviewComment", "x")))
        .isInstanceOf(io.cordon.workflow.FormRefusedException.class).hasMessageContaining("ACCEPT");
    taskService.complete(review.getId(), Map.of("reviewDecision", "END_FLAGGED",
        "reviewComment", "Holder outside the NDA's recipients after a theft"));
    identityService.clearAuthentication();

    Period reviewed = service.period(period.id());
    assertThat(reviewed.reviewedBy()).isEqualTo("lena");
    assertThat(reviewed.reviewDecision()).isEqualTo("END_FLAGGED");
    assertThat(reviewed.flags()).isEqualTo("HOLDER_NOT_PERMITTED,INCIDENT");
    assertThat(p.process()).hasPassed("Task_StartReturnOrDestroy").isWaitingAt("TimerEvent_WindowOpens",
        "TimerEvent_RenewalDue");
    ProcessInstance returning = offboardingOf(p.code());
    assertThat(runtimeService.getVariable(returning.getId(), "disclosureIds")).isEqualTo(String.valueOf(flagged));
    assertThat(partners.get(p.code()).status()).isEqualTo(PartnerStatus.ACTIVE);
  }

  @Test
  void noLongerNeededStartsReturnOrDestructionOfThatDisclosureOnly() {
    var p = fixture.activePartner(RiskTier.LOW, 12, List.of(), Classification.CONFIDENTIAL, Classification.SECRET);
    Period period = service.periods(p.code()).get(0);
    openWindow(p.process().getId(), period);
    long unneeded = p.disclosureIds().get(1);
    complete(task(p.process().getId(), "Task_Attest"), "[" + entry(p.disclosureIds().get(0), true, null, null, "Jo")
        + "," + entry(unneeded, false, null, null) + "]");

    assertThat(p.process()).hasPassed("Task_CompleteRecertification", "Task_StartReturnOrDestroy")
        .hasNotPassed("Task_ReviewAttestation").isWaitingAt("TimerEvent_WindowOpens", "TimerEvent_RenewalDue");
    ProcessInstance returning = offboardingOf(p.code());
    assertThat(runtimeService.getVariable(returning.getId(), "disclosureIds")).isEqualTo(String.valueOf(unneeded));
    assertThat(service.answers(period.id())).filteredOn(a -> a.disclosureId() == unneeded).singleElement()
        .satisfies(a -> assertThat(a.stillNeeded()).isFalse());
    assertThat(partners.get(p.code()).status()).isEqualTo(PartnerStatus.ACTIVE);
  }

  @Test
  void offboardingThePartnerEndsItsRecertification() {
    var p = fixture.activePartner(RiskTier.LOW, 12, List.of(), Classification.CONFIDENTIAL);
    Period period = service.periods(p.code()).get(0);
    openWindow(p.process().getId(), period);
    ProcessInstance offboarding = runtimeService.createProcessInstanceQuery().processInstanceId(
        offboardingService.start(p.code(), List.of(), "Contract ended")).singleResult();
    runAsync(offboarding.getId(), "Task_GenerateCertificate");
    Task upload = task(offboarding.getId(), "Task_UploadSignedCertificate");
    Map<String, Object> signed = new HashMap<>();
    signed.put("outcomeForAll", "DESTROYED");
    signed.put("signedCertificateFile", Variables.fileValue("certificate.pdf")
        .file("%PDF-1.4 signed certificate".getBytes(StandardCharsets.US_ASCII)).mimeType("application/pdf").create());
    signed.put("signatureDate", LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), java.time.ZoneOffset.UTC).toString());
    signed.put("signatory", "Jo Partner");
    identityService.setAuthentication("paula", List.of("procurement"));
    taskService.complete(upload.getId(), signed);
    identityService.clearAuthentication();

    assertThat(partners.get(p.code()).status()).isEqualTo(PartnerStatus.OFFBOARDED);
    assertThat(p.process()).hasPassed("Task_EndRecertification").isEnded();
    assertThat(service.period(period.id()).status()).isEqualTo(RecertificationStatus.CANCELLED);
    assertThat(evidenceTypes(p.code())).contains("RECERTIFICATION_ENDED");
  }

  @Test
  void attestationWithMissingOrForeignDisclosuresIsRefusedAndTheTaskStays() {
    var p = fixture.activePartner(RiskTier.LOW, 12, List.of(), Classification.CONFIDENTIAL, Classification.SECRET);
    Period period = service.periods(p.code()).get(0);
    openWindow(p.process().getId(), period);
    Task attest = task(p.process().getId(), "Task_Attest");
    identityService.setAuthentication("paula", List.of("procurement"));

    assertThatThrownBy(() -> taskService.complete(attest.getId(), Map.of("attestation",
        answer(p.disclosureIds().get(0), true, null, null, "Jo"))))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("missing: " + p.secretCodes().get(1));
    assertThatThrownBy(() -> taskService.complete(attest.getId(), Map.of("attestation", "[" + entry(999999L, true, null,
        null, "Jo") + "]"))).isInstanceOf(BadUserRequestException.class).hasMessageContaining("not one of");
    assertThatThrownBy(() -> taskService.complete(attest.getId(), Map.of("attestation", "[" + entry(p.disclosureIds().get(0),
        true, null, null) + "," + entry(p.disclosureIds().get(1), true, null, null, "Jo") + "]")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("Name who holds");
    assertThatThrownBy(() -> taskService.complete(attest.getId(), Map.of("attestation", "{not json")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("could not be read");
    identityService.clearAuthentication();

    assertThat(p.process()).isWaitingAt("Task_Attest");
    assertThat(service.answers(period.id())).isEmpty();
    assertThat(service.period(period.id()).status()).isEqualTo(RecertificationStatus.REQUESTED);
  }

  @Test
  void lapseSuspendsPartnerAndDisclosuresTellsTheOwnerAndALateAttestationLiftsIt() throws Exception {
    var p = fixture.activePartner(RiskTier.MEDIUM, 6, List.of(), Classification.SECRET);
    Period period = service.periods(p.code()).get(0);
    openWindow(p.process().getId(), period);
    sender.sweep();
    Inbox.clear();

    at(period.graceUntil().plusSeconds(1));
    fire(p.process().getId(), "BoundaryEvent_AttestLapsed");

    assertThat(p.process()).hasPassed("Task_SuspendForLapse").isWaitingAt("Task_AttestLate");
    assertThat(partners.get(p.code()).status()).isEqualTo(PartnerStatus.SUSPENDED);
    assertThat(disclosures.get(p.disclosureIds().get(0)).status()).isEqualTo(DisclosureStatus.SUSPENDED);
    assertThat(service.period(period.id()).status()).isEqualTo(RecertificationStatus.LAPSED);
    sender.sweep();
    MimeMessage toOwner = single(Inbox.to("oscar@cordon.example"));
    assertThat(toOwner.getSubject()).startsWith("Disclosures suspended at " + p.code());
    assertThat(Inbox.text(toOwner)).contains(p.secretCodes().get(0), "was not attested");
    assertThatThrownBy(() -> disclosures.request(new DisclosureRequest(p.secretCodes().get(0), p.code(), null, null,
        "More", List.of(), null))).isInstanceOf(ConflictException.class).hasMessageContaining("SUSPENDED");

    complete(task(p.process().getId(), "Task_AttestLate"), answer(p.disclosureIds().get(0), true, null, null, "Jo Partner"));

    assertThat(partners.get(p.code()).status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(disclosures.get(p.disclosureIds().get(0)).status()).isEqualTo(DisclosureStatus.DISCLOSED);
    Period late = service.period(period.id());
    assertThat(late.status()).isEqualTo(RecertificationStatus.COMPLETED);
    assertThat(late.late()).isTrue();
    assertThat(late.lapsedAt()).isNotNull();
    assertThat(evidenceTypes(p.code())).contains("RECERTIFICATION_LAPSED", "DISCLOSURE_SUSPENDED", "DISCLOSURE_REINSTATED");
    assertThat(p.process()).isWaitingAt("TimerEvent_WindowOpens", "TimerEvent_RenewalDue");
  }

  @Test
  void aDisclosureSuspendedByHandStaysSuspendedWhenALapseIsLifted() {
    var p = fixture.activePartner(RiskTier.LOW, 12, List.of(), Classification.CONFIDENTIAL, Classification.SECRET);
    long held = p.disclosureIds().get(0);
    long byHand = p.disclosureIds().get(1);
    disclosures.close(byHand, DisclosureStatus.SUSPENDED, "security hold while an incident is investigated");
    Period period = service.periods(p.code()).get(0);
    openWindow(p.process().getId(), period);
    at(period.graceUntil().plusSeconds(1));
    fire(p.process().getId(), "BoundaryEvent_AttestLapsed");

    complete(task(p.process().getId(), "Task_AttestLate"), "[" + entry(held, true, null, null, "Jo") + ","
        + entry(byHand, true, null, null, "Jo") + "]");

    assertThat(partners.get(p.code()).status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(disclosures.get(held).status()).isEqualTo(DisclosureStatus.DISCLOSED);
    assertThat(disclosures.get(byHand).status()).as("re-certification did not suspend it, so it does not lift it")
        .isEqualTo(DisclosureStatus.SUSPENDED);
  }

  @Test
  void tierChangeBetweenPeriodsTakesEffectAtTheNextPeriod() {
    var p = fixture.activePartner(RiskTier.MEDIUM, 6, List.of(), Classification.SECRET);
    Period first = service.periods(p.code()).get(0);
    openWindow(p.process().getId(), first);
    partners.assess(p.code(), RiskTier.CRITICAL);
    assertThat(service.period(first.id()).intervalMonths()).as("the running period keeps its interval").isEqualTo(6);

    complete(task(p.process().getId(), "Task_Attest"), answer(p.disclosureIds().get(0), true, null, null, "Jo"));

    Period second = service.periods(p.code()).get(0);
    assertThat(second.periodNo()).isEqualTo(2);
    assertThat(second.riskTier()).isEqualTo("CRITICAL");
    assertThat(second.intervalMonths()).as("CRITICAL: quarterly").isEqualTo(3);
    assertThat(second.dueAt()).isEqualTo(ZonedDateTime.of(first.dueAt().atZone(BERLIN).toLocalDate().plusMonths(3)
        .atTime(17, 0), BERLIN).toInstant());
  }

  @Test
  void ndaRenewedBeforeItsEndKeepsEverythingDisclosed() {
    var p = fixture.activePartner(RiskTier.LOW, 12, List.of(), Classification.CONFIDENTIAL);
    LocalDate expires = ndas.execution(p.ndaReference()).orElseThrow().expiresOn();
    Instant expiresAt = expires.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    at(expiresAt.minus(Duration.ofDays(60)));
    fire(p.process().getId(), "TimerEvent_RenewalDue");
    Task renew = task(p.process().getId(), "Task_RenewNda");
    assertThat(renew.getDueDate().toInstant()).isEqualTo(expiresAt);

    identityService.setAuthentication("paula", List.of("procurement"));
    assertThatThrownBy(() -> taskService.complete(renew.getId(), renewal("MZ not a pdf", expires.minusDays(70),
        expires.plusYears(2)))).isInstanceOf(BadUserRequestException.class).hasMessageContaining("PDF");
    assertThatThrownBy(() -> taskService.complete(renew.getId(), renewal("%PDF-1.4 renewal", expires.minusDays(70),
        expires.minusDays(1)))).isInstanceOf(BadUserRequestException.class).hasMessageContaining("must end after");
    taskService.complete(renew.getId(), renewal("%PDF-1.4 renewal", expires.minusDays(70), expires.plusYears(2)));
    identityService.clearAuthentication();

    assertThat(ndas.execution(p.ndaReference()).orElseThrow().expiresOn()).isEqualTo(expires.plusYears(2));
    assertThat(p.process()).isWaitingAt("TimerEvent_RenewalDue", "TimerEvent_WindowOpens");
    assertThat(managementService.createJobQuery().processInstanceId(p.process().getId()).activityId("TimerEvent_RenewalDue")
        .singleResult().getDuedate().toInstant())
        .isEqualTo(expires.plusYears(2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minus(Duration.ofDays(60)));
    assertThat(evidenceTypes(p.code())).contains("NDA_RENEWED");
  }

  @Test
  void ndaExpirySuspendsItsDisclosuresUntilTheRenewalIsRecorded() throws Exception {
    var p = fixture.activePartner(RiskTier.LOW, 12, List.of(), Classification.CONFIDENTIAL);
    LocalDate expires = ndas.execution(p.ndaReference()).orElseThrow().expiresOn();
    Instant expiresAt = expires.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    at(expiresAt.minus(Duration.ofDays(60)));
    fire(p.process().getId(), "TimerEvent_RenewalDue");
    sender.sweep();
    Inbox.clear();

    at(expiresAt.plusSeconds(1));
    fire(p.process().getId(), "BoundaryEvent_NdaExpired");

    assertThat(p.process()).hasPassed("Task_SuspendForExpiry").isWaitingAt("Task_RenewExpiredNda");
    assertThat(disclosures.get(p.disclosureIds().get(0)).status()).isEqualTo(DisclosureStatus.SUSPENDED);
    assertThat(partners.get(p.code()).status()).isEqualTo(PartnerStatus.SUSPENDED);
    sender.sweep();
    assertThat(single(Inbox.to("oscar@cordon.example")).getSubject()).startsWith("Disclosures suspended at " + p.code());

    identityService.setAuthentication("paula", List.of("procurement"));
    taskService.complete(task(p.process().getId(), "Task_RenewExpiredNda").getId(),
        renewal("%PDF-1.4 renewal", expires, expires.plusYears(3)));
    identityService.clearAuthentication();

    assertThat(disclosures.get(p.disclosureIds().get(0)).status()).isEqualTo(DisclosureStatus.DISCLOSED);
    assertThat(partners.get(p.code()).status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(p.process()).hasPassed("Task_RecordRenewal").isWaitingAt("TimerEvent_RenewalDue");
    assertThat(evidenceTypes(p.code())).contains("NDA_EXPIRED", "NDA_RENEWED", "DISCLOSURE_REINSTATED");
  }

  @Test
  void aLapseAndAnExpiryTogetherAreLiftedOnlyWhenBothAreResolved() {
    var p = fixture.activePartner(RiskTier.LOW, 12, List.of(), Classification.CONFIDENTIAL);
    Period period = service.periods(p.code()).get(0);
    openWindow(p.process().getId(), period);
    at(period.graceUntil().plusSeconds(1));
    fire(p.process().getId(), "BoundaryEvent_AttestLapsed");
    LocalDate expires = ndas.execution(p.ndaReference()).orElseThrow().expiresOn();
    Instant expiresAt = expires.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    at(expiresAt.minus(Duration.ofDays(1)));
    fire(p.process().getId(), "TimerEvent_RenewalDue");
    at(expiresAt.plusSeconds(1));
    fire(p.process().getId(), "BoundaryEvent_NdaExpired");

    complete(task(p.process().getId(), "Task_AttestLate"), answer(p.disclosureIds().get(0), true, null, null, "Jo"));
    assertThat(partners.get(p.code()).status()).as("the expired NDA still holds it").isEqualTo(PartnerStatus.SUSPENDED);
    assertThat(disclosures.get(p.disclosureIds().get(0)).status()).isEqualTo(DisclosureStatus.SUSPENDED);

    identityService.setAuthentication("paula", List.of("procurement"));
    taskService.complete(task(p.process().getId(), "Task_RenewExpiredNda").getId(),
        renewal("%PDF-1.4 renewal", expires, expires.plusYears(3)));
    identityService.clearAuthentication();
    assertThat(partners.get(p.code()).status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(disclosures.get(p.disclosureIds().get(0)).status()).isEqualTo(DisclosureStatus.DISCLOSED);
  }

  @Test
  void theOffboardingMessageEndsTheWholeProcessAndCancelsTheOpenPeriod() {
    var p = fixture.activePartner(RiskTier.LOW, 12, List.of(), Classification.CONFIDENTIAL);
    Period period = service.periods(p.code()).get(0);
    openWindow(p.process().getId(), period);

    runtimeService.createMessageCorrelation("PartnerOffboarded").processInstanceBusinessKey(p.code()).correlateAll();

    assertThat(p.process()).hasPassed("Task_EndRecertification").isEnded();
    assertThat(service.period(period.id()).status()).isEqualTo(RecertificationStatus.CANCELLED);
    assertThat(managementService.createJobQuery().processInstanceId(p.process().getId()).count()).isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(p.process().getId()).count()).isZero();
  }

  @Test
  void aPeriodCrossingTheDaylightSavingChangeFiresOnceAtTheLocalDueTime() throws Exception {
    // Onboarded in winter (CET, UTC+1); due in summer (CEST, UTC+2): 17:00 local is 15:00 UTC.
    at(ZonedDateTime.of(2027, 1, 15, 10, 0, 0, 0, BERLIN).toInstant());
    var p = fixture.activePartner(RiskTier.HIGH, 3, List.of(), Classification.SECRET);
    Period period = service.periods(p.code()).get(0);
    assertThat(period.dueAt()).isEqualTo(Instant.parse("2027-04-15T15:00:00Z"));
    assertThat(period.requestAt()).as("30 days before, across the change on 28 March")
        .isEqualTo(Instant.parse("2027-03-16T15:00:00Z"));
    Job window = managementService.createJobQuery().processInstanceId(p.process().getId())
        .activityId("TimerEvent_WindowOpens").singleResult();
    assertThat(window.getDuedate().toInstant()).isEqualTo(period.requestAt());

    at(Instant.parse("2027-03-16T14:59:59Z"));
    assertThat(managementService.createJobQuery().processInstanceId(p.process().getId()).executable().count())
        .as("not due a second early").isZero();
    at(Instant.parse("2027-03-28T12:00:00Z"));
    assertThat(managementService.createJobQuery().processInstanceId(p.process().getId()).executable().list())
        .extracting(Job::getId).containsExactly(window.getId());
    managementService.executeJob(window.getId());
    assertThat(managementService.createJobQuery().processInstanceId(p.process().getId()).activityId("TimerEvent_WindowOpens")
        .count()).as("fired once, no repetition").isZero();
    assertThat(service.period(period.id()).status()).isEqualTo(RecertificationStatus.REQUESTED);
    sender.sweep();
    assertThat(Inbox.text(single(Inbox.to(p.contactEmail())))).contains("Thu 15 Apr 2027, 17:00 CEST");
  }

  @Test
  void theRequestIsSentOnceWhenTheJobFailsAfterQueueingAndIsRetried() throws Exception {
    var p = fixture.activePartner(RiskTier.LOW, 12, List.of(), Classification.CONFIDENTIAL);
    Period period = service.periods(p.code()).get(0);
    String pi = p.process().getId();
    at(period.requestAt());
    Job window = managementService.createJobQuery().processInstanceId(pi).activityId("TimerEvent_WindowOpens").singleResult();
    // The next step in the same job fails after the request was queued: the user task's due date cannot be read.
    Object dueAt = runtimeService.getVariable(pi, "dueAt");
    io.cordon.workflow.EngineSetUp.run(() -> { runtimeService.setVariable(pi, "dueAt", "not a date"); return null; });
    assertThatThrownBy(() -> managementService.executeJob(window.getId())).isNotNull();
    assertThat(outboxRows(pi)).as("the failed job's transaction took its mail with it").isZero();
    assertThat(service.period(period.id()).status()).isEqualTo(RecertificationStatus.SCHEDULED);

    io.cordon.workflow.EngineSetUp.run(() -> { runtimeService.setVariable(pi, "dueAt", dueAt); return null; });
    managementService.executeJob(window.getId());
    // The step once more, as an operator restarting it in Cockpit: nothing more is queued.
    runtimeService.createProcessInstanceModification(pi).startBeforeActivity("Task_RequestAttestation").execute();
    sender.sweep();

    assertThat(Inbox.to(p.contactEmail())).hasSize(1);
    assertThat(Inbox.to("paula@cordon.example")).hasSize(1);
    assertThat(outboxRows(pi)).isEqualTo(2);
  }

  // ---- helpers ----

  private void openWindow(String pi, Period period) {
    at(period.requestAt());
    fire(pi, "TimerEvent_WindowOpens");
  }

  private void fire(String pi, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(pi).activityId(activityId).singleResult();
    assertThat(job).as("timer job of " + activityId).isNotNull();
    assertThat(job.getDuedate()).as(activityId + " is due").isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    managementService.executeJob(job.getId());
  }

  /** The timer of a timeout task listener on the open task (a reminder or escalation), due by now. */
  private void fireTimeout(String pi, String listenerId) {
    Job job = TimeoutJobs.job(managementService, pi, listenerId);
    assertThat(job).as("timer job of " + listenerId).isNotNull();
    assertThat(job.getDuedate()).as(listenerId + " is due").isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    managementService.executeJob(job.getId());
  }

  private void runAsync(String pi, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(pi).activityId(activityId).singleResult();
    assertThat(job).as("job of " + activityId).isNotNull();
    managementService.executeJob(job.getId());
  }

  private ProcessInstance offboardingOf(String partnerCode) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("OffboardingProcess")
        .processInstanceBusinessKey(partnerCode).singleResult();
  }

  private static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  private Task task(String pi, String key) {
    Task task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    assertThat(task).as("open task " + key).isNotNull();
    return task;
  }

  private void complete(Task task, String attestation) {
    identityService.setAuthentication("paula", List.of("procurement"));
    try {
      taskService.complete(task.getId(), Map.of("attestation", attestation));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static String answer(long disclosureId, boolean stillNeeded, String incident, String onward, String... holders) {
    return "[" + entry(disclosureId, stillNeeded, incident, onward, holders) + "]";
  }

  private static String entry(long disclosureId, boolean stillNeeded, String incident, String onward, String... holders) {
    StringBuilder json = new StringBuilder("{\"disclosureId\":" + disclosureId + ",\"stillNeeded\":" + stillNeeded
        + ",\"holders\":[");
    for (int i = 0; i < holders.length; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(holders[i]).append('"');
    }
    json.append("]");
    if (incident != null) {
      json.append(",\"incident\":\"").append(incident).append('"');
    }
    if (onward != null) {
      json.append(",\"onwardDisclosure\":\"").append(onward).append('"');
    }
    return json.append('}').toString();
  }

  private static Map<String, Object> renewal(String content, LocalDate signed, LocalDate newEnd) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("renewalDocument", Variables.fileValue("renewal.pdf").file(content.getBytes(StandardCharsets.US_ASCII))
        .mimeType("application/pdf").create());
    variables.put("renewalSignatureDate", signed.toString());
    variables.put("renewalSignatories", "A. Buyer; B. Seller");
    variables.put("renewalExpiresOn", newEnd.toString());
    return variables;
  }

  private List<String> evidenceTypes(String partnerCode) {
    return jdbc.queryForList("select type from evidence_event where partner_code = ? order by seq", String.class, partnerCode);
  }

  private int outboxRows(String pi) {
    return jdbc.queryForObject("select count(*) from mail_outbox where process_instance = ?", Integer.class, pi);
  }

  private static MimeMessage single(List<MimeMessage> messages) {
    assertThat(messages).extracting(m -> { try { return m.getSubject(); } catch (Exception e) { return "?"; } }).hasSize(1);
    return messages.get(0);
  }
}

