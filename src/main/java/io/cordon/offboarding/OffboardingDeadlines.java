package io.cordon.offboarding;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates and reminder/escalation times of the offboarding's user tasks, from configuration
 * ({@code cordon.offboarding.deadlines.<Task_Id>.due|reminder|escalation}, ISO-8601 durations counted from the task's
 * creation). Used in the model as {@code ${offboardingDeadlines.due('Task_UploadSignedCertificate')}} and so on.
 */
@Component("offboardingDeadlines")
@ConfigurationProperties("cordon.offboarding")
public class OffboardingDeadlines {

  public record Deadline(Duration due, Duration reminder, Duration escalation) {
  }

  /** A partner's usual time to return or destroy and to sign: a month, reminded a week before, escalated a day after. */
  private static final Deadline DEFAULT = new Deadline(Duration.ofDays(30), Duration.ofDays(23), Duration.ofDays(31));

  private Map<String, Deadline> deadlines = Map.of();

  public Map<String, Deadline> getDeadlines() {
    return deadlines;
  }

  public void setDeadlines(Map<String, Deadline> deadlines) {
    this.deadlines = Map.copyOf(deadlines);
  }

  /** The task's due date (engine clock + due). */
  public Date due(String taskId) {
    return Date.from(ClockUtil.getCurrentTime().toInstant().plus(of(taskId).due()));
  }

  /** Timer duration of the reminder (before the due date). */
  public String reminder(String taskId) {
    return of(taskId).reminder().toString();
  }

  /** Timer duration of the escalation (after the due date). */
  public String escalation(String taskId) {
    return of(taskId).escalation().toString();
  }

  Deadline of(String taskId) {
    return deadlines.getOrDefault(taskId, DEFAULT);
  }
}
