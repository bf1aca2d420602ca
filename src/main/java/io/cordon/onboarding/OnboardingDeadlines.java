package io.cordon.onboarding;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates and reminder/escalation times of the onboarding's user tasks, from configuration
 * ({@code cordon.onboarding.deadlines.<Task_Id>.due|reminder|escalation}, ISO-8601 durations counted from the task's
 * creation). Used in the model as {@code ${onboardingDeadlines.due('Task_ReviewNda')}} and so on.
 */
@Component("onboardingDeadlines")
@ConfigurationProperties("cordon.onboarding")
public class OnboardingDeadlines {

  public record Deadline(Duration due, Duration reminder, Duration escalation) {
  }

  private static final Deadline DEFAULT = new Deadline(Duration.ofDays(5), Duration.ofDays(4), Duration.ofDays(6));

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
