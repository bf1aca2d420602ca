package io.cordon.notification;

import static io.cordon.Fixtures.partner;
import static io.cordon.Fixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import io.cordon.TimeoutJobs;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reminder and escalation listeners ({@link TaskTimeouts}) on a user task as the processes use them (test model
 * {@code notification/TaskReminderTestProcess.bpmn}), with the job executor off and timer jobs executed explicitly.
 */
@CordonIntegrationTest
class TaskReminderIT {

  static final String PROCESS = "TaskReminderTestProcess";
  static final String REMINDER = "TaskListener_ReviewNdaReminder";
  static final String ESCALATION = "TaskListener_ReviewNdaOverdue";
  static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH)
      .withZone(ZoneId.of("Europe/Berlin"));

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  OutboxSender sender;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired
  TaskTimeouts timeouts;

  final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void deployModelAndEmptyInbox() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      repositoryService.createDeployment().name("task-reminder-test")
          .addClasspathResource("notification/TaskReminderTestProcess.bpmn").deploy();
    }
    sender.sweep();
    Inbox.clear();
  }

  @Test
  void remindsTheCandidateGroupOnceAlthoughTheJobIsRetriedAndTheStepRunAgain() throws Exception {
    String partnerCode = Api.as(rest, "paula").post("/api/partners", partner("Acme Tooling " + run, "DE", null))
        .getBody().get("code").asText();
    String secretCode = Api.as(rest, "oscar").post("/api/secrets", secret("Coating recipe " + run, "SECRET", "oscar"))
        .getBody().get("code").asText();
    String jewelCode = Api.as(rest, "oscar").post("/api/secrets", secret("Wafer bonding " + run, "CROWN_JEWEL", "oscar"))
        .getBody().get("code").asText();
    Map<String, Object> variables = new HashMap<>();
    variables.put(MailVariables.PARTNER_CODE, partnerCode);
    variables.put(MailVariables.SECRET_CODES, secretCode + "," + jewelCode);
    variables.put("failAfterMail", true);
    // A test-only process with no form contract: its variables are set up past the form gate.
    String pi = io.cordon.workflow.EngineSetUp.run(() -> runtimeService.startProcessInstanceByKey(PROCESS, variables).getId());
    Task task = taskService.createTaskQuery().processInstanceId(pi).singleResult();

    Job remind = job(pi, REMINDER);
    assertThatThrownBy(() -> managementService.executeJob(remind.getId())).hasMessageContaining("noSuchBean");
    assertThat(outboxRows(pi)).as("the failed job's transaction took its mail with it").isZero();

    io.cordon.workflow.EngineSetUp.run(() -> {
      runtimeService.setVariable(pi, "failAfterMail", false);
      return null;
    });
    managementService.executeJob(remind.getId());
    assertThat(outboxRows(pi)).isEqualTo(1);
    assertThat(job(pi, REMINDER)).as("the reminder's timer is done").isNull();
    // The listener once more, as a timer job run twice would: same process, task and occasion, no new mail.
    engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
      timeouts.remind(context.getTaskManager().findTaskById(task.getId()), "reminder");
      return null;
    });
    sender.sweep();

    List<MimeMessage> inbox = Inbox.to("lena@cordon.example");
    assertThat(inbox).hasSize(1);
    assertThat(outboxRows(pi)).isEqualTo(1);
    MimeMessage mail = inbox.get(0);
    String due = DUE.format(task.getDueDate().toInstant());
    // The task's name says for whom (workflow/TaskNamesPlugin); the subject does not repeat the code.
    assertThat(mail.getSubject()).isEqualTo("Reminder: Review NDA — Acme Tooling " + run + " (" + partnerCode + ") is due " + due);
    String link = "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + task.getId();
    assertThat(Inbox.text(mail)).contains("Hello Lena Legal,", "Due:     " + due, link,
        "Partner: " + partnerCode + " Acme Tooling " + run, secretCode + " (SECRET) Coating recipe " + run,
        jewelCode + " (CROWN_JEWEL)");
    assertThat(Inbox.html(mail)).contains("href=\"" + link + "\"", "Coating recipe " + run);
    assertThat(Inbox.text(mail) + Inbox.html(mail) + mail.getSubject()).doesNotContain("Wafer bonding");
    assertThat(jdbc.queryForObject("select count(*) from evidence_event where process_instance = ? and type = ? "
        + "and activity = 'Task_ReviewNda'", Integer.class, pi, Notifications.NOTIFICATION_QUEUED)).isEqualTo(1);
  }

  @Test
  void aStepThatFailsOutOfRetriesIsMailedToTheAdminsOnceWithTheInstanceAndTheMessage() throws Exception {
    Map<String, Object> variables = new HashMap<>();
    variables.put("failAfterMail", true);
    String pi = io.cordon.workflow.EngineSetUp.run(() -> runtimeService.startProcessInstanceByKey(PROCESS, variables).getId());
    Job remind = job(pi, REMINDER);
    // Out of retries as the job executor would run it: its retry cycle, then the incident.
    for (int attempt = 0; attempt < 5 && runtimeService.createIncidentQuery().processInstanceId(pi).count() == 0; attempt++) {
      assertThatThrownBy(() -> managementService.executeJob(remind.getId())).hasMessageContaining("noSuchBean");
    }
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).count()).isEqualTo(1);
    sender.sweep();
    sender.sweep();

    List<MimeMessage> mails = Inbox.to("ada@cordon.example");
    assertThat(mails).hasSize(1);
    // The timer job of a task's listener is the task's step.
    assertThat(mails.get(0).getSubject()).isEqualTo("Cordon: step Task_ReviewNda failed and needs an administrator");
    assertThat(Inbox.text(mails.get(0))).contains("Process instance: " + pi, "Step: Task_ReviewNda", "noSuchBean");
    assertThat(Inbox.to("lena@cordon.example")).isEmpty();
  }

  @Test
  void escalatesAnOverdueTaskToTheAdmins() throws Exception {
    String pi = runtimeService.startProcessInstanceByKey(PROCESS).getId();

    managementService.executeJob(job(pi, ESCALATION).getId());
    sender.sweep();

    assertThat(Inbox.to("lena@cordon.example")).isEmpty();
    MimeMessage mail = Inbox.to("ada@cordon.example").get(0);
    assertThat(mail.getSubject()).startsWith("Overdue: Review NDA was due ");
    assertThat(Inbox.text(mail)).contains("Hello Ada Admin,", "OVERDUE", "With:    group legal");
    assertThat(Inbox.html(mail)).contains("<strong>overdue</strong>");
  }

  @Test
  void anAssignedTaskRemindsItsAssigneeOnly() throws Exception {
    String pi = runtimeService.startProcessInstanceByKey(PROCESS).getId();
    Task task = taskService.createTaskQuery().processInstanceId(pi).singleResult();
    taskService.setAssignee(task.getId(), "olivia");

    managementService.executeJob(job(pi, REMINDER).getId());
    sender.sweep();

    assertThat(Inbox.to("olivia@cordon.example")).hasSize(1);
    assertThat(Inbox.to("lena@cordon.example")).isEmpty();
  }

  @Test
  void aCompletedTaskIsNotRemindedOf() {
    String pi = runtimeService.startProcessInstanceByKey(PROCESS).getId();
    String task = taskService.createTaskQuery().processInstanceId(pi).singleResult().getId();
    Job timer = job(pi, REMINDER);
    assertThat(timer).isNotNull();
    assertThat(managementService.createJobQuery().jobId(timer.getId()).count()).isEqualTo(1);

    taskService.complete(task);

    // The listeners' timers go with the task: nothing left to fire, nothing mailed.
    assertThat(managementService.createJobQuery().processInstanceId(pi).count()).isZero();
    assertThat(managementService.createJobQuery().jobId(timer.getId()).count()).isZero();
    assertThat(outboxRows(pi)).isZero();
  }

  private Job job(String processInstanceId, String listenerId) {
    return TimeoutJobs.job(managementService, processInstanceId, listenerId);
  }

  private int outboxRows(String processInstanceId) {
    return jdbc.queryForObject("select count(*) from mail_outbox where process_instance = ?", Integer.class, processInstanceId);
  }
}
