package io.cordon.notification;

import io.cordon.partner.PartnerService;
import io.cordon.secret.SecretService;
import java.util.List;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** {@code ${taskReminder}}: the task is due soon; mail its assignee, or its candidate users and groups. */
@Component("taskReminder")
class TaskReminder extends TaskMailDelegate {

  TaskReminder(Notifications notifications, Recipients recipients, PartnerService partners, SecretService secrets) {
    super(notifications, recipients, partners, secrets);
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
