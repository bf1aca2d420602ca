package io.cordon;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The timer job of a timeout task listener ({@code <camunda:taskListener event="timeout" id="...">}) of an open user
 * task. Its activity is the user task's, so the listener's id, which the job's handler configuration carries
 * ({@code Task_X$taskListener~TaskListener_Y}), tells a task's reminder and escalation apart.
 */
public final class TimeoutJobs {

  private TimeoutJobs() {
  }

  /** The listener's pending timer job in the process instance, or {@code null}. */
  public static Job job(ManagementService management, String processInstanceId, String listenerId) {
    List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
        .filter(job -> List.of(((JobEntity) job).getJobHandlerConfigurationRaw().split("\\$"))
            .contains("taskListener~" + listenerId))
        .toList();
    if (jobs.size() > 1) {
      throw new IllegalStateException(jobs.size() + " timer jobs of " + listenerId + " in " + processInstanceId);
    }
    return jobs.isEmpty() ? null : jobs.get(0);
  }
}
