package io.cordon.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import io.cordon.Fixtures;
import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceEvent;
import io.cordon.evidence.EvidenceRecord;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Camunda's history cleanup actually run, with a process whose history lives for zero days: without a hold it is
 * removed, under a hold it stays (whether the instance ended before the hold or while it was held), and after the
 * release it goes. The hold's facts come from the chain: the instances that recorded evidence naming the secret.
 */
@CordonIntegrationTest
class LegalHoldIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;
  @Autowired
  ManagementService management;
  @Autowired
  EvidenceChain chain;
  @Autowired
  TransactionTemplate tx;
  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void heldProcessHistorySurvivesHistoryCleanupUntilTheHoldIsReleased() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("LegalHoldTestProcess").camundaHistoryTimeToLive(0)
        .startEvent().intermediateCatchEvent("Timer_Wait").timerWithDuration("PT1H").endEvent().done();
    repository.createDeployment().addModelInstance("LegalHoldTestProcess.bpmn", model).deploy();
    String secret = Api.as(rest, "oscar").post("/api/secrets", Fixtures.secret("Held secret", "SECRET", "oscar")).getBody()
        .get("code").asText();

    String endedBefore = runtime.startProcessInstanceByKey("LegalHoldTestProcess").getId();
    String endsWhileHeld = runtime.startProcessInstanceByKey("LegalHoldTestProcess").getId();
    String unrelated = runtime.startProcessInstanceByKey("LegalHoldTestProcess").getId();
    for (String instance : List.of(endedBefore, endsWhileHeld)) {
      tx.executeWithoutResult(s -> chain.append(EvidenceRecord.of("TEST_STEP").secrets(List.of(secret)).process(instance, "Timer_Wait")));
    }
    fireTimer(endedBefore);
    fireTimer(unrelated);

    assertThat(Api.as(rest, "paula").post("/api/legal-holds", Map.of("kind", "SECRET", "code", secret, "reason", "x"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> placed = Api.as(rest, "lena").post("/api/legal-holds",
        Map.of("kind", "SECRET", "code", secret, "reason", "Suspected leak by a former supplier"));
    assertThat(placed.getStatusCode()).as(String.valueOf(placed.getBody())).isEqualTo(HttpStatus.CREATED);
    long holdId = placed.getBody().get("id").asLong();
    runBatches();
    fireTimer(endsWhileHeld);

    EvidenceEvent placedEvent = chain.forSecret(secret, 1).get(0);
    assertThat(placedEvent.type()).isEqualTo("LEGAL_HOLD_PLACED");
    assertThat(placedEvent.actor()).isEqualTo("lena");
    assertThat(placedEvent.payload()).contains("\"processInstances\":1");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(endsWhileHeld).singleResult().getRemovalTime()).isNull();

    cleanUpHistoryAt(Duration.ofDays(2));
    assertThat(exists(unrelated)).as("history cleanup ran and removed what no hold covers").isFalse();
    assertThat(exists(endedBefore)).as("ended before the hold").isTrue();
    assertThat(exists(endsWhileHeld)).as("ended while held").isTrue();
    long evidence = evidenceCount();
    assertThat(evidence).as("evidence rows are never removed").isEqualTo(chain.headSeq());

    ResponseEntity<JsonNode> released = Api.as(rest, "lena").post("/api/legal-holds/" + holdId + "/release",
        Map.of("reason", "Settled"));
    assertThat(released.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(released.getBody().get("releasedBy").asText()).isEqualTo("lena");
    assertThat(chain.forSecret(secret, 1).get(0).type()).isEqualTo("LEGAL_HOLD_RELEASED");
    runBatches();

    cleanUpHistoryAt(Duration.ofDays(3));
    assertThat(exists(endedBefore)).isFalse();
    assertThat(exists(endsWhileHeld)).isFalse();
    assertThat(evidenceCount()).as("evidence rows are never removed").isEqualTo(chain.headSeq()).isGreaterThan(evidence);
  }

  private void fireTimer(String processInstanceId) {
    Job timer = management.createJobQuery().processInstanceId(processInstanceId).singleResult();
    management.executeJob(timer.getId());
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).finished().count()).isEqualTo(1);
  }

  /** Runs the removal-time batches as the job executor would: seed jobs, then the batch jobs, then the monitors. */
  private void runBatches() {
    for (int round = 0; round < 10 && management.createBatchQuery().count() > 0; round++) {
      for (Batch batch : management.createBatchQuery().list()) {
        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId())) {
          management.createJobQuery().jobDefinitionId(definition).list().forEach(j -> management.executeJob(j.getId()));
        }
      }
    }
    assertThat(management.createBatchQuery().count()).isZero();
  }

  private void cleanUpHistoryAt(Duration later) {
    ClockUtil.setCurrentTime(Date.from(new Date().toInstant().plus(later)));
    Job cleanup = history.cleanUpHistoryAsync(true);
    management.executeJob(cleanup.getId());
  }

  private boolean exists(String processInstanceId) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() == 1;
  }

  private long evidenceCount() {
    return jdbc.queryForObject("select count(*) from evidence_event", Long.class);
  }
}
