package io.cordon.portal;

import io.cordon.platform.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * "Send a new link" for the partner request waiting at a task, whatever its type: the REST API and the console's
 * page (linked from the Tasklist forms) both come here. The task is looked up with the caller's own rights, so a task
 * the caller cannot see is not found.
 */
@Service
public class NewPartnerLinks {

  /** The task, as the page shows it, and the links of its request (empty for a request kept by its module). */
  public record TaskRequest(String taskId, String taskName, String partnerCode, List<PartnerLink> links) {
  }

  private final TaskService tasks;
  private final PartnerTaskRequests requests;
  private final List<NewLinks> others;

  NewPartnerLinks(TaskService tasks, PartnerTaskRequests requests, List<NewLinks> others) {
    this.tasks = tasks;
    this.requests = requests;
    this.others = others;
  }

  public TaskRequest of(String taskId) {
    Task task = task(taskId);
    return new TaskRequest(task.getId(), task.getName(), partnerCode(task), requests.linksOfTask(task.getId()));
  }

  /** New links for the request waiting at this task; returns how many were sent. */
  public int send(String taskId) {
    Task task = task(taskId);
    if (requests.waitsAt(task.getId())) {
      return requests.resend(task.getId(), task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }
    for (NewLinks other : others) {
      Optional<Integer> sent = other.send(task.getProcessInstanceId(), task.getTaskDefinitionKey(), partnerCode(task));
      if (sent.isPresent()) {
        return sent.get();
      }
    }
    throw new NotFoundException("Task " + taskId + " is not answered by a partner through a link.");
  }

  private Task task(String taskId) {
    Task task = taskId == null || taskId.length() > 64 ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new NotFoundException("No open task " + taskId + " that you can see.");
    }
    return task;
  }

  private String partnerCode(Task task) {
    return tasks.getVariable(task.getId(), PartnerTaskRequests.PARTNER_CODE) instanceof String code ? code : null;
  }
}
