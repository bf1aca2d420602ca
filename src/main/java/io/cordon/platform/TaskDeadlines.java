package io.cordon.platform;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Due dates and reminder/escalation times of a process's user tasks, bound from configuration
 * ({@code <prefix>.deadlines.<Task_Id>.due|reminder|escalation}, ISO-8601 durations counted from the task's creation).
 * A subclass is a named bean the model uses, e.g. {@code ${onboardingDeadlines.due('Task_ReviewNda')}}.
 */
public abstract class TaskDeadlines {

  public record Deadline(Duration due, Duration reminder, Duration escalation) {
  }

  private static final Deadline DEFAULT = new Deadline(Duration.ofDays(5), Duration.ofDays(4), Duration.ofDays(6));

  private final Deadline fallback;
  private Map<String, Deadline> deadlines = Map.of();

  /** Tasks not configured are due in 5 days, reminded after 4, escalated after 6. */
  protected TaskDeadlines() {
    this(DEFAULT);
  }

  /** Tasks not configured get {@code fallback}. */
  protected TaskDeadlines(Deadline fallback) {
    this.fallback = fallback;
  }

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

  public Deadline of(String taskId) {
    return deadlines.getOrDefault(taskId, fallback);
  }
}
