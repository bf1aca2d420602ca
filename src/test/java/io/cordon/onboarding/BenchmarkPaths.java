package io.cordon.onboarding;

import io.cordon.workflow.EngineSetUp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractActivityBuilder;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;

/**
 * Drives one instance through a whole path as its users would in Tasklist (engine authentication set, tasks found
 * and completed through TaskService) and runs its asynchronous steps through ManagementService, as the job executor
 * would. Times every step; a step that loses an optimistic lock or a deadlock is retried, as a user would press the
 * button again, and counted.
 */
class BenchmarkPaths {

  static final String BARE = "BareFourTasksBenchmark";
  static final String BARE_WITH_TIMERS = "BareFourTasksWithTimersBenchmark";
  static final int MAX_ATTEMPTS = 5;

  static final List<String> ONBOARDING_STEPS = List.of("start (check request)", "due diligence (+ risk DMN, clause DMN)",
      "job: generate NDA", "legal approves NDA", "job: request disclosures (+ matrix DMN)", "owner approves disclosure",
      "signed NDA upload (+ activate)");
  static final List<String> BARE_STEPS = List.of("start", "task 1", "task 2", "task 3", "task 4");

  /** What one path took: total and per step (nanoseconds, including retries), or how it failed. */
  record Run(String processInstanceId, long totalNanos, long[] stepNanos, Throwable failure) {
  }

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  final Map<String, LongAdder> retries = new ConcurrentHashMap<>();

  BenchmarkPaths(RuntimeService runtime, TaskService tasks, ManagementService management, IdentityService identity) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
  }

  /** The happy path of OnboardingProcessIT: DE partner, MEDIUM tier, one owner approval (oscar), signed PDF. */
  Run onboarding(String secretCode, String confidentialCode) {
    long[] steps = new long[ONBOARDING_STEPS.size()];
    String[] pi = new String[1];
    long t0 = System.nanoTime();
    try {
      pi[0] = step(steps, 0, "paula", "procurement", () -> runtime.startProcessInstanceByKey("PartnerOnboardingProcess",
          request(secretCode + ", " + confidentialCode)).getId());
      complete(steps, 1, pi[0], "Task_ReviewDueDiligence", "paula", "procurement", dueDiligence());
      step(steps, 2, null, null, () -> runJobs(pi[0]));
      complete(steps, 3, pi[0], "Task_ReviewNda", "lena", "legal", Map.of("legalDecision", "APPROVE"));
      step(steps, 4, null, null, () -> runJobs(pi[0]));
      // The approval task is in the DisclosureApprovalProcess instance the onboarding called.
      String approval = runtime.createProcessInstanceQuery().superProcessInstanceId(pi[0]).singleResult().getId();
      complete(steps, 5, approval, "Task_ApproveDisclosure", "oscar", "secret-owners",
          Map.of("approvalDecision", "APPROVED", "approvalComment", "fine"));
      complete(steps, 6, pi[0], "Task_RecordSignedNda", "paula", "procurement", signed());
      return new Run(pi[0], System.nanoTime() - t0, steps, null);
    } catch (RuntimeException e) {
      return new Run(pi[0], System.nanoTime() - t0, steps, e);
    }
  }

  /**
   * A bare model's four user tasks, with the same candidate groups and the same variables as the onboarding. The bare
   * model has no forms, so its variables are set past Cordon's form gate, as in an application without one.
   */
  Run bare(String processKey) {
    return EngineSetUp.run(() -> barePath(processKey));
  }

  private Run barePath(String processKey) {
    long[] steps = new long[BARE_STEPS.size()];
    String[] pi = new String[1];
    long t0 = System.nanoTime();
    try {
      pi[0] = step(steps, 0, "paula", "procurement",
          () -> runtime.startProcessInstanceByKey(processKey, request("TS-0000")).getId());
      complete(steps, 1, pi[0], "Task_One", "paula", "procurement", dueDiligence());
      complete(steps, 2, pi[0], "Task_Two", "lena", "legal", Map.of("legalDecision", "APPROVE"));
      complete(steps, 3, pi[0], "Task_Three", "oscar", "secret-owners",
          Map.of("approvalDecision", "APPROVED", "approvalComment", "fine"));
      complete(steps, 4, pi[0], "Task_Four", "paula", "procurement", signed());
      return new Run(pi[0], System.nanoTime() - t0, steps, null);
    } catch (RuntimeException e) {
      return new Run(pi[0], System.nanoTime() - t0, steps, e);
    }
  }

  /**
   * Four user tasks in a row, no service work; with timers, each task also carries a due date and the two
   * non-interrupting timers (reminder, escalation) that every onboarding user task has.
   */
  static BpmnModelInstance bareModel(String key, boolean timers) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).name("Bare four tasks (benchmark baseline)")
        .camundaHistoryTimeToLive(180).startEvent("StartEvent_Started");
    String[][] tasks = {{"Task_One", "procurement", null}, {"Task_Two", "legal", null}, {"Task_Three", null, "oscar"},
        {"Task_Four", "procurement", null}};
    for (String[] t : tasks) {
      UserTaskBuilder task = flow.userTask(t[0]);
      if (t[1] != null) {
        task.camundaCandidateGroups(t[1]);
      } else {
        task.camundaAssignee(t[2]);
      }
      flow = task;
      if (timers) {
        task.camundaDueDate("2099-12-31T00:00:00");
        AbstractActivityBuilder<?, ?> back = task.boundaryEvent(t[0] + "_Reminder").cancelActivity(false).timerWithDuration("P2D").endEvent()
            .moveToActivity(t[0]).boundaryEvent(t[0] + "_Overdue").cancelActivity(false).timerWithDuration("P4D").endEvent()
            .moveToActivity(t[0]);
        flow = back;
      }
    }
    return flow.endEvent("EndEvent_Done").done();
  }

  private void complete(long[] steps, int index, String pi, String taskKey, String user, String group,
      Map<String, Object> vars) {
    step(steps, index, user, group, () -> {
      Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult();
      if (task == null) {
        throw new IllegalStateException("No task " + taskKey + " for " + user + " in " + pi);
      }
      tasks.complete(task.getId(), vars);
      return null;
    });
  }

  /** The instance's asynchronous continuations (not its timers, which are days away), as the job executor would. */
  private Object runJobs(String pi) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(pi).messages().list();
      if (jobs.isEmpty()) {
        return null;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new IllegalStateException("Jobs of " + pi + " keep coming");
  }

  private <T> T step(long[] steps, int index, String user, String group, Supplier<T> action) {
    long t0 = System.nanoTime();
    try {
      for (int attempt = 1; ; attempt++) {
        if (user != null) {
          identity.setAuthentication(user, List.of(group));
        }
        try {
          return action.get();
        } catch (RuntimeException e) {
          String kind = retryable(e);
          if (kind == null || attempt == MAX_ATTEMPTS) {
            throw e;
          }
          retries.computeIfAbsent(kind, k -> new LongAdder()).increment();
        } finally {
          identity.clearAuthentication();
        }
      }
    } finally {
      steps[index] += System.nanoTime() - t0;
    }
  }

  /** Optimistic locking and database deadlocks are worth another try; anything else is a failure. */
  private static String retryable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockingException) {
        return "OptimisticLockingException";
      }
      if (t instanceof java.sql.SQLTransactionRollbackException || t.getClass().getSimpleName().contains("Deadlock")
          || String.valueOf(t.getMessage()).contains("Deadlock found")) {
        return "deadlock (" + t.getClass().getSimpleName() + ")";
      }
    }
    return null;
  }

  private static Map<String, Object> request(String secretCodes) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("partnerName", "Benchmark Partner " + System.nanoTime() + " " + Thread.currentThread().getId());
    vars.put("partnerCountry", "DE");
    vars.put("partnerType", "CONTRACT_MANUFACTURER");
    vars.put("partnerAddress", "1 Test Road");
    vars.put("partnerRegistrationId", "HRB 4711");
    vars.put("contactName", "Li Wei");
    vars.put("contactEmail", "li.wei@partner.example");
    vars.put("purpose", "Machining of housings");
    vars.put("requestedSecretCodes", secretCodes);
    vars.put("ndaKind", "MUTUAL");
    return vars;
  }

  private static Map<String, Object> dueDiligence() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("securityCertifications", "ISO 27001");
    vars.put("accessControlInPlace", true);
    vars.put("usesSubcontractors", false);
    vars.put("incidentsLastFiveYears", false);
    vars.put("dataLocation", "DE");
    vars.put("staffTurnover", "LOW");
    vars.put("privacyRegime", "GDPR");
    vars.put("findings", "Visited the plant; badge access to the tooling room.");
    return vars;
  }

  private static Map<String, Object> signed() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("signedDecision", "SIGNED");
    vars.put("signedNdaFile", Variables.fileValue("signed.pdf").file("%PDF-1.4 executed copy".getBytes())
        .mimeType("application/pdf").create());
    vars.put("signatureDate", LocalDate.now(ZoneOffset.UTC).toString());
    vars.put("signatories", "Li Wei (partner), Paula Procurement (us)");
    return vars;
  }
}
