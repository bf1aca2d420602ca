package io.cordon.recertification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.notification.Inbox;
import io.cordon.notification.OutboxSender;
import io.cordon.partner.RiskTier;
import io.cordon.secret.Classification;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes sharing the database may both pick up the same due timer (a lock that expired, a job executed by hand
 * while the executor runs). Here two threads execute the window timer of one partner at the same moment: the period
 * is requested once, each recipient gets one mail, and there is one attestation task.
 */
@CordonIntegrationTest
class RecertificationTimerConcurrencyIT {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ManagementService management;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  RecertificationFixture fixture;
  @Autowired
  RecertificationService service;
  @Autowired
  OutboxSender sender;
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
    sender.sweep();
    ClockUtil.reset();
  }

  @Test
  void aWindowTimerExecutedByTwoNodesAtOnceRequestsThePeriodOnce() throws Exception {
    var p = fixture.activePartner(RiskTier.MEDIUM, 6, List.of("Jo Partner"), Classification.SECRET);
    Period period = service.periods(p.code()).get(0);
    ClockUtil.setCurrentTime(Date.from(period.requestAt().plusSeconds(1)));
    String pi = p.process().getId();
    Job window = management.createJobQuery().processInstanceId(pi).activityId("TimerEvent_WindowOpens").singleResult();

    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Future<Throwable>> runs = new ArrayList<>();
    try {
      for (int node = 0; node < 2; node++) {
        runs.add(nodes.submit(() -> {
          together.await(5, TimeUnit.SECONDS);
          try {
            management.executeJob(window.getId());
            return null;
          } catch (RuntimeException lost) {
            return lost;
          }
        }));
      }
      List<Throwable> outcomes = new ArrayList<>();
      for (Future<Throwable> run : runs) {
        outcomes.add(run.get(30, TimeUnit.SECONDS));
      }
      assertThat(outcomes).as("one node fires the timer; the other finds it fired (and rolls back)").containsOnlyOnce((Throwable) null);
    } finally {
      nodes.shutdownNow();
    }

    assertThat(p.process()).isWaitingAt("Task_Attest", "TimerEvent_RenewalDue");
    assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_Attest").count()).isEqualTo(1);
    assertThat(management.createJobQuery().processInstanceId(pi).activityId("TimerEvent_WindowOpens").count()).isZero();
    assertThat(service.period(period.id()).status()).isEqualTo(RecertificationStatus.REQUESTED);
    assertThat(jdbc.queryForObject("select count(*) from evidence_event where partner_code = ? and type = "
        + "'RECERTIFICATION_REQUESTED'", Integer.class, p.code())).isEqualTo(1);
    assertThat(jdbc.queryForList("select recipient from mail_outbox where process_instance = ? and activity = "
        + "'Task_RequestAttestation'", String.class, pi)).containsExactlyInAnyOrder(p.contactEmail(), "paula@cordon.example");
    assertThat(runtime.createIncidentQuery().processInstanceId(pi).count()).isZero();
    sender.sweep();
    assertThat(Inbox.to(p.contactEmail())).hasSize(1);
    assertThat(Inbox.to("paula@cordon.example")).hasSize(1);
  }
}
