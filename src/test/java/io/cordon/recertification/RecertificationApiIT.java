package io.cordon.recertification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import io.cordon.notification.OutboxSender;
import io.cordon.partner.RiskTier;
import io.cordon.secret.Classification;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** The calendar, the attestation history and the attestation form's data, over REST, as the clock moves. */
@CordonIntegrationTest
class RecertificationApiIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RecertificationFixture fixture;
  @Autowired
  RecertificationService service;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  OutboxSender sender;

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    sender.sweep();
    ClockUtil.reset();
  }

  @Test
  void theCalendarShowsWhoIsDueLateAndSuspendedInTheReadersZone() {
    // Due in two months: within the calendar's default window (the last year to the next 90 days).
    var p = fixture.activePartner(RiskTier.LOW, 2, List.of("Jo Partner"), Classification.CONFIDENTIAL);
    Period period = service.periods(p.code()).get(0);
    Api paula = Api.as(rest, "paula");

    assertThat(entry(paula, "", p.code()).get("state").asText()).isEqualTo("SCHEDULED");
    JsonNode shanghai = entry(paula, "zone=Asia/Shanghai", p.code());
    assertThat(Instant.parse(shanghai.get("dueAt").asText())).isEqualTo(period.dueAt());
    assertThat(shanghai.get("dueLocal").asText()).as("17:00 in Berlin is midnight or 23:00 in Shanghai")
        .matches(".*, (00|23):00 CST");
    assertThat(entry(paula, "", p.code()).get("dueLocal").asText()).matches(".*, 17:00 CES?T");

    fire(p.process().getId(), "TimerEvent_WindowOpens", period.requestAt());
    assertThat(entry(paula, "", p.code()).get("state").asText()).isEqualTo("DUE");
    at(period.dueAt().plus(Duration.ofDays(3)));
    JsonNode late = entry(paula, "state=LATE", p.code());
    assertThat(late.get("state").asText()).isEqualTo("LATE");
    assertThat(late.get("daysLate").asInt()).isEqualTo(3);
    assertThat(find(paula.get("/api/recertifications/calendar?state=DUE").getBody(), p.code())).isNull();

    fire(p.process().getId(), "BoundaryEvent_AttestLapsed", period.graceUntil().plusSeconds(1));
    assertThat(entry(paula, "state=SUSPENDED", p.code()).get("state").asText()).isEqualTo("SUSPENDED");
  }

  @Test
  void historyAndTheFormShowLastPeriodsAnswers() {
    var p = fixture.activePartner(RiskTier.LOW, 12, List.of("Jo Partner"), Classification.CONFIDENTIAL);
    Period first = service.periods(p.code()).get(0);
    fire(p.process().getId(), "TimerEvent_WindowOpens", first.requestAt());
    identityService.setAuthentication("paula", List.of("procurement"));
    taskService.complete(taskService.createTaskQuery().processInstanceId(p.process().getId())
        .taskDefinitionKey("Task_Attest").singleResult().getId(), Map.of("attestation",
        "[{\"disclosureId\":" + p.disclosureIds().get(0) + ",\"stillNeeded\":true,\"holders\":[\"Jo Partner\"]}]"));
    identityService.clearAuthentication();
    Period second = service.periods(p.code()).get(0);
    Api lena = Api.as(rest, "lena");

    JsonNode history = lena.get("/api/partners/" + p.code() + "/attestations").getBody();
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("periodNo").asInt()).isEqualTo(2);
    assertThat(history.get(0).get("state").asText()).isEqualTo("SCHEDULED");
    assertThat(history.get(1).get("state").asText()).isEqualTo("COMPLETED");
    assertThat(history.get(1).get("attestedBy").asText()).isEqualTo("paula");
    assertThat(history.get(1).get("answers").get(0).get("holders").get(0).asText()).isEqualTo("Jo Partner");

    JsonNode form = Api.as(rest, "paula").get("/api/recertifications/" + second.id() + "/attestation-form").getBody();
    assertThat(form.get("periodNo").asInt()).isEqualTo(2);
    JsonNode item = form.get("disclosures").get(0);
    assertThat(item.get("secretCode").asText()).isEqualTo(p.secretCodes().get(0));
    assertThat(item.get("permittedRecipients").get(0).asText()).isEqualTo("Jo Partner");
    assertThat(item.get("lastAnswer").get("holders").get(0).asText()).isEqualTo("Jo Partner");
  }

  @Test
  void errorsAreProblemDetailsAndNothingIsPublic() {
    assertThat(rest.getForEntity("/api/recertifications/calendar", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    var bad = Api.as(rest, "paula").get("/api/recertifications/calendar?zone=Mars/Olympus");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("detail").asText()).contains("Unknown time zone 'Mars/Olympus'");
    var missing = Api.as(rest, "paula").get("/api/recertifications/987654321/attestation-form");
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody().toString()).doesNotContain("Exception", "select ");
    assertThat(Api.as(rest, "paula").get("/api/partners/P-99999/attestations").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private JsonNode entry(Api api, String query, String partnerCode) {
    var response = api.get("/api/recertifications/calendar?" + query);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode found = find(response.getBody(), partnerCode);
    assertThat(found).as("calendar entry of " + partnerCode).isNotNull();
    return found;
  }

  private static JsonNode find(JsonNode entries, String partnerCode) {
    return StreamSupport.stream(entries.spliterator(), false)
        .filter(e -> e.get("partnerCode").asText().equals(partnerCode)).findFirst().orElse(null);
  }

  private void fire(String pi, String activityId, Instant at) {
    at(at);
    managementService.executeJob(managementService.createJobQuery().processInstanceId(pi).activityId(activityId)
        .singleResult().getId());
  }

  private static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}
