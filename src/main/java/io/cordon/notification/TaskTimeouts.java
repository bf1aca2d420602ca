package io.cordon.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Reminders and escalations of user tasks, as timeout task listeners in the models:
 *
 * <pre>{@code
 * <camunda:taskListener expression="${taskTimeouts.remind(task, 'reminder')}" event="timeout" id="...">
 *   <bpmn:timerEventDefinition><bpmn:timeDuration>${deadlines.reminder('Task_X')}</bpmn:timeDuration>...
 * }</pre>
 *
 * Each timeout enqueues one mail through the outbox under the key {@code processInstance:task:occasion}, so a retried
 * timer job sends nothing more; a task with two reminders names them apart ({@code 'first'}, {@code 'last'}). A
 * reminder goes to the assignee, else the candidate users and the members of candidate groups; an escalation to the
 * escalation group ({@code cordon.mail.escalation-group}). The mail names the partner ({@code partnerCode}) and the
 * secrets ({@code secretCodes}) the process holds, a crown jewel by code and classification only. Runs in the timer
 * job's transaction.
 */
@Component("taskTimeouts")
public class TaskTimeouts {

  private final Notifications notifications;
  private final Recipients recipients;
  private final MailLines lines;
  private final List<TaskReminderListener> reminded;

  TaskTimeouts(Notifications notifications, Recipients recipients, MailLines lines, List<TaskReminderListener> reminded) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.lines = lines;
    this.reminded = reminded;
  }

  /** The task is due soon: mail its assignee, or its candidates. */
  public void remind(DelegateTask task, String occasion) {
    enqueue(task, MailKind.TASK_REMINDER, occasion, assigneeOrCandidates(task));
    Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    reminded.forEach(l -> l.reminded(task.getId(), due, occasion));
  }

  /** The task is overdue: mail the escalation group. */
  public void escalate(DelegateTask task, String occasion) {
    enqueue(task, MailKind.TASK_ESCALATION, occasion, recipients.escalation());
  }

  private void enqueue(DelegateTask task, MailKind kind, String occasion, List<Recipient> to) {
    String key = task.getProcessInstanceId() + ":" + task.getId() + ":" + occasion;
    TaskFacts facts = new TaskFacts(task.getId(), task.getName(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant(), heldBy(task));
    MailRequest request = new MailRequest(key, kind, to, null, null, facts, null,
        lines.secretLines(task.getVariable(MailVariables.SECRET_CODES)), task.getProcessInstanceId(),
        task.getTaskDefinitionKey(), null);
    String partnerCode = text(task.getVariable(MailVariables.PARTNER_CODE));
    notifications.enqueue(partnerCode == null ? request : request.partner(partnerCode, lines.partnerName(partnerCode)));
  }

  private List<Recipient> assigneeOrCandidates(DelegateTask task) {
    if (task.getAssignee() != null) {
      return recipients.user(task.getAssignee()).map(List::of).orElse(List.of());
    }
    List<Recipient> all = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (link.getUserId() != null) {
          recipients.user(link.getUserId()).ifPresent(all::add);
        } else if (link.getGroupId() != null) {
          all.addAll(recipients.group(link.getGroupId()));
        }
      }
    }
    return Recipients.distinct(all);
  }

  private static String heldBy(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    List<String> candidates = task.getCandidates().stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(l -> l.getGroupId() != null ? "group " + l.getGroupId() : l.getUserId()).sorted().toList();
    return candidates.isEmpty() ? "nobody (unassigned)" : String.join(", ", candidates);
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
