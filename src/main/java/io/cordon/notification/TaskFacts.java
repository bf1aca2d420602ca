package io.cordon.notification;

import java.time.Instant;

/**
 * The user task a mail is about: its id (for the Tasklist link; {@code null} for a task that does not exist yet, the
 * link then opens Tasklist), name, due date (UTC, shown in each recipient's zone), and who holds it ({@code "lena"} or
 * {@code "group legal"}), which escalations mention.
 */
public record TaskFacts(String taskId, String name, Instant due, String heldBy) {

  public TaskFacts {
    if (taskId != null && taskId.isBlank()) {
      throw new IllegalArgumentException("task id must not be blank");
    }
    if ((name == null || name.isBlank()) && taskId == null) {
      throw new IllegalArgumentException("a task without id needs a name");
    }
    name = name == null || name.isBlank() ? "Task " + taskId : name;
  }
}
