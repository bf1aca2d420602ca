package io.cordon.console;

import io.cordon.identity.CordonGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Open Tasklist tasks per Cordon group, with the age of the oldest and how many are overdue. Read through the engine
 * as the signed-in user, so Camunda's authorizations decide what is counted, as in Tasklist.
 */
@Component
class OpenTasks {

  static final List<String> GROUPS = List.of(CordonGroups.PROCUREMENT, CordonGroups.LEGAL, CordonGroups.SECRET_OWNERS,
      CordonGroups.SECURITY);

  record GroupTasks(String group, long open, long overdue, long oldestDays, List<TaskAge> oldest) {
  }

  record TaskAge(String name, String assignee, long days, boolean overdue) {
  }

  private final TaskService tasks;

  OpenTasks(TaskService tasks) {
    this.tasks = tasks;
  }

  List<GroupTasks> perGroup() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<GroupTasks> result = new ArrayList<>();
    for (String group : GROUPS) {
      long open = tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().active().count();
      long overdue = tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().active()
          .dueBefore(java.util.Date.from(now)).count();
      List<TaskAge> oldest = tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().active()
          .orderByTaskCreateTime().asc().listPage(0, 5).stream().map(t -> age(t, now)).toList();
      result.add(new GroupTasks(group, open, overdue, oldest.isEmpty() ? 0 : oldest.get(0).days(), oldest));
    }
    return result;
  }

  private static TaskAge age(Task t, Instant now) {
    return new TaskAge(t.getName(), t.getAssignee(), Duration.between(t.getCreateTime().toInstant(), now).toDays(),
        t.getDueDate() != null && t.getDueDate().toInstant().isBefore(now));
  }
}
