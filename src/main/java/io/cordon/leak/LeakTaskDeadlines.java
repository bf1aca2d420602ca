package io.cordon.leak;

import io.cordon.notification.MailRequest;
import io.cordon.notification.Notifications;
import io.cordon.notification.Recipient;
import io.cordon.notification.Recipients;
import io.cordon.notification.SecretLine;
import io.cordon.notification.TaskFacts;
import io.cordon.secret.SecretService;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reminders and escalations of the leak response's user tasks: timeout task listeners in the model
 * ({@code camunda:taskListener event="timeout"} with a timer), each enqueuing one mail through the outbox under the key
 * {@code processInstance:task:reminder|escalation}, so a retried timer job sends nothing more. A reminder goes to the
 * assignee or the candidates, an escalation to the escalation group ({@code cordon.mail.escalation-group}).
 */
@Configuration
class LeakTaskDeadlines {

  private final Notifications notifications;
  private final Recipients recipients;
  private final SecretService secrets;

  LeakTaskDeadlines(Notifications notifications, Recipients recipients, SecretService secrets) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.secrets = secrets;
  }

  @Bean
  TaskListener leakTaskReminder() {
    return task -> notifications.enqueue(MailRequest.taskReminder(key(task, "reminder"), facts(task), assigneeOrCandidates(task))
        .secrets(lines(task)).process(task.getProcessInstanceId(), task.getTaskDefinitionKey()));
  }

  @Bean
  TaskListener leakTaskEscalation() {
    return task -> notifications.enqueue(MailRequest.taskEscalation(key(task, "escalation"), facts(task), recipients.escalation())
        .secrets(lines(task)).process(task.getProcessInstanceId(), task.getTaskDefinitionKey()));
  }

  private static String key(DelegateTask task, String kind) {
    return task.getProcessInstanceId() + ":" + task.getId() + ":" + kind;
  }

  private static TaskFacts facts(DelegateTask task) {
    return new TaskFacts(task.getId(), task.getName(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
        task.getAssignee() != null ? task.getAssignee() : String.join(", ", task.getCandidates().stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
            .map(l -> l.getGroupId() != null ? "group " + l.getGroupId() : l.getUserId()).toList()));
  }

  private List<Recipient> assigneeOrCandidates(DelegateTask task) {
    if (task.getAssignee() != null) {
      return recipients.user(task.getAssignee()).map(List::of).orElse(List.of());
    }
    List<Recipient> all = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (link.getUserId() != null) {
        recipients.user(link.getUserId()).ifPresent(all::add);
      } else if (link.getGroupId() != null) {
        all.addAll(recipients.group(link.getGroupId()));
      }
    }
    return Recipients.distinct(all);
  }

  /** Code and classification only: a crown jewel's title never reaches a mail. */
  private List<SecretLine> lines(DelegateTask task) {
    List<String> codes = LeakVariables.SECRET_CODES.get(task);
    return codes.isEmpty() ? List.of() : secrets.resolve(codes).values().stream()
        .map(s -> new SecretLine(s.code(), s.classification(), null)).toList();
  }
}
