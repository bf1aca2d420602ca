package io.cordon.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminders of the earlier model versions: there a non-interrupting boundary timer on a user task led to a service task
 * {@code ${taskReminder}} or {@code ${taskEscalation}}. Today's models remind through timeout task listeners
 * ({@link TaskTimeouts}); these delegates stay so that instances started on an earlier version, which run to their end
 * on it, still send their reminders. Finds the open task(s), their recipients, and enqueues one mail per task under the
 * key {@code processInstanceId:taskId:kind[:period]}, so the same step run again sends nothing more. Runs in the job's
 * transaction.
 */
abstract class TaskMailDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(TaskMailDelegate.class);

  private final Notifications notifications;
  final Recipients recipients;
  private final MailLines lines;

  TaskMailDelegate(Notifications notifications, Recipients recipients, MailLines lines) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.lines = lines;
  }

  abstract MailKind kind();

  /** Key part: {@code reminder} or {@code escalation}. */
  abstract String keyPart();

  abstract List<Recipient> recipientsFor(Task task, List<IdentityLink> links);

  @Override
  public void execute(DelegateExecution execution) {
    String taskKey = stringInput(execution, MailVariables.TASK_DEFINITION_KEY);
    if (taskKey == null) {
      taskKey = attachedTask(execution);
    }
    String period = stringInput(execution, MailVariables.PERIOD);
    String processInstanceId = execution.getProcessInstanceId();
    TaskService taskService = execution.getProcessEngineServices().getTaskService();
    String definitionKey = taskKey;
    // Cordon's own look-up: whoever triggered the job, the reminder must see the task and its candidates.
    List<Task> tasks = Context.getCommandContext().runWithoutAuthorization(() -> taskService.createTaskQuery()
        .processInstanceId(processInstanceId).taskDefinitionKey(definitionKey).active()
        // Bounded: run as a user (a job executed through the REST API), an unbounded query is refused (queryMaxResultsLimit).
        .listPage(0, 100));
    if (tasks.isEmpty()) {
      log.info("No open task {} in process instance {}: no {} sent", definitionKey, processInstanceId, keyPart());
      return;
    }
    String partnerCode = stringVariable(execution, MailVariables.PARTNER_CODE);
    String partnerName = lines.partnerName(partnerCode);
    List<SecretLine> secretLines = lines.secretLines(execution.getVariable(MailVariables.SECRET_CODES));
    for (Task task : tasks) {
      List<IdentityLink> links = Context.getCommandContext().runWithoutAuthorization(
          () -> taskService.getIdentityLinksForTask(task.getId()));
      TaskFacts facts = new TaskFacts(task.getId(), task.getName(),
          task.getDueDate() == null ? null : task.getDueDate().toInstant(), heldBy(task, links));
      String key = processInstanceId + ":" + task.getId() + ":" + keyPart() + (period == null ? "" : ":" + period);
      MailRequest request = new MailRequest(key, kind(), recipientsFor(task, links), null, null, facts, null, secretLines,
          processInstanceId, execution.getCurrentActivityId(), null);
      notifications.enqueue(partnerCode == null ? request : request.partner(partnerCode, partnerName));
      sent(task, keyPart() + (period == null ? "" : ":" + period));
    }
  }

  /** After the mail of this task is queued, in the same transaction (a reminder tells the other modules). */
  void sent(Task task, String occasion) {
  }

  /** Assignee, else candidate users and the members of candidate groups. */
  List<Recipient> assigneeOrCandidates(Task task, List<IdentityLink> links) {
    if (task.getAssignee() != null) {
      return recipients.user(task.getAssignee()).map(List::of).orElse(List.of());
    }
    List<Recipient> all = new ArrayList<>();
    for (IdentityLink link : links) {
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

  private static String heldBy(Task task, List<IdentityLink> links) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    List<String> candidates = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(l -> l.getGroupId() != null ? "group " + l.getGroupId() : l.getUserId()).toList();
    return candidates.isEmpty() ? "nobody (unassigned)" : String.join(", ", candidates);
  }

  /** The user task the boundary event before this service task (or this boundary event itself) is attached to. */
  private static String attachedTask(DelegateExecution execution) {
    FlowElement element = execution.getBpmnModelElementInstance();
    if (element instanceof BoundaryEvent boundary) {
      return boundary.getAttachedTo().getId();
    }
    if (element instanceof FlowNode node) {
      for (SequenceFlow incoming : node.getIncoming()) {
        if (incoming.getSource() instanceof BoundaryEvent boundary) {
          return boundary.getAttachedTo().getId();
        }
      }
    }
    throw new ProcessEngineException("Activity " + execution.getCurrentActivityId() + " does not follow a boundary event "
        + "on a user task: give the input parameter '" + MailVariables.TASK_DEFINITION_KEY + "'");
  }

  private static String stringInput(DelegateExecution execution, String name) {
    Object value = execution.getVariableLocal(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static String stringVariable(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
