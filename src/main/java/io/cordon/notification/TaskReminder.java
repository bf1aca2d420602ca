package io.cordon.notification;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** {@code ${taskReminder}}: the task is due soon; mail its assignee, or its candidate users and groups. */
@Component("taskReminder")
class TaskReminder extends TaskMailDelegate {

  private final List<TaskReminderListener> reminded;

  TaskReminder(Notifications notifications, Recipients recipients, MailLines lines,
      List<TaskReminderListener> reminded) {
    super(notifications, recipients, lines);
    this.reminded = reminded;
  }

  @Override
  void sent(Task task, String occasion) {
    Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    reminded.forEach(l -> l.reminded(task.getId(), due, occasion));
  }

  @Override
  MailKind kind() {
    return MailKind.TASK_REMINDER;
  }

  @Override
  String keyPart() {
    return "reminder";
  }

  @Override
  List<Recipient> recipientsFor(Task task, List<IdentityLink> links) {
    return assigneeOrCandidates(task, links);
  }
}
