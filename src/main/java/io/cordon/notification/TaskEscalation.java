package io.cordon.notification;

import java.util.List;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** {@code ${taskEscalation}}: the task is overdue; mail the escalation group ({@code cordon.mail.escalation-group}). */
@Component("taskEscalation")
class TaskEscalation extends TaskMailDelegate {

  TaskEscalation(Notifications notifications, Recipients recipients, MailLines lines) {
    super(notifications, recipients, lines);
  }

  @Override
  MailKind kind() {
    return MailKind.TASK_ESCALATION;
  }

  @Override
  String keyPart() {
    return "escalation";
  }

  @Override
  List<Recipient> recipientsFor(Task task, List<IdentityLink> links) {
    return recipients.escalation();
  }
}
