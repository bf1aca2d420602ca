package io.cordon.notification;

import java.time.Instant;

/**
 * Told of each reminder of a user task, in the reminder's transaction, after the internal reminder is queued: the
 * timeout listener ({@link TaskTimeouts#remind}) and the older reminder step ({@code ${taskReminder}}) both call it. A
 * module that can remind others of the same task (the partner portal reminds the partner's contacts) implements it;
 * notification needs to know nothing of that module.
 */
public interface TaskReminderListener {

  /**
   * @param occasion tells this reminder apart from the task's others ({@code reminder}, {@code first}, ...)
   */
  void reminded(String taskId, Instant due, String occasion);
}
