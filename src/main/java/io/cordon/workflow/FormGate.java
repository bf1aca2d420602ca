package io.cordon.workflow;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's gate for user input: a command that sets process variables (completing or submitting a task, starting
 * a process, correlating a message, or any other) is let through only if what it sets is the answer to the form of
 * that task, start or message ({@link FormContracts}). Everything else that carries variables is refused, whatever
 * the channel: Camunda REST, Tasklist, Cockpit, Cordon's own calls. Gateways, decision tables and service steps
 * therefore read only what the process itself wrote or what the register holds.
 *
 * <p>Runs inside the command context, before the command: a refusal leaves nothing changed.
 */
final class FormGate extends CommandInterceptor {

  private static final Set<String> TASK_COMMANDS = Set.of("CompleteTaskCmd", "ResolveTaskCmd", "SubmitTaskFormCmd");
  private static final Set<String> START_COMMANDS = Set.of("StartProcessInstanceCmd", "SubmitStartFormCmd");
  private static final Set<String> MESSAGE_COMMANDS = Set.of("CorrelateMessageCmd", "CorrelateAllMessageCmd",
      "MessageEventReceivedCmd");

  /** Set only by test set-up in this package (benchmarks copying instances), never by application code. */
  private static final ThreadLocal<Boolean> SET_UP = ThreadLocal.withInitial(() -> false);

  private final FormContracts contracts;

  FormGate(FormContracts contracts) {
    this.contracts = contracts;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Submissions.Payload payload = Submissions.of(command);
    if (!payload.isEmpty() && !SET_UP.get()) {
      check(command, payload, Context.getCommandContext());
    }
    return next.execute(command);
  }

  /** Runs test set-up that writes variables directly; package-private so that only tests in this package reach it. */
  static <T> T duringSetUp(java.util.concurrent.Callable<T> work) throws Exception {
    SET_UP.set(true);
    try {
      return work.call();
    } finally {
      SET_UP.remove();
    }
  }

  private void check(Command<?> command, Submissions.Payload payload, CommandContext context) {
    String type = command.getClass().getSimpleName();
    if (!payload.removals().isEmpty()) {
      throw refused("Process variables are never removed by hand (" + String.join(", ", new TreeSet<>(payload.removals()))
          + "): they change only through a task's form.");
    }
    Optional<FormContract> contract;
    if (TASK_COMMANDS.contains(type)) {
      TaskEntity task = context.getTaskManager().findTaskById((String) read(command, "taskId"));
      if (task == null) {
        return; // the command itself says the task does not exist
      }
      contract = taskContract(task, context);
    } else if (START_COMMANDS.contains(type)) {
      contract = startContract(command, context);
    } else if (MESSAGE_COMMANDS.contains(type)) {
      Object builder = read(command, "builder");
      contract = contracts.message((String) (builder == null ? read(command, "messageName") : read(builder, "messageName")));
    } else {
      contract = Optional.empty();
    }
    if (contract.isEmpty()) {
      throw refused("Process variables (" + String.join(", ", new TreeSet<>(payload.variables().keySet()))
          + ") can be set only by completing a task with its form or starting a process with its start form.");
    }
    List<String> problems = contract.get().problems(payload.variables(), true);
    if (!problems.isEmpty()) {
      throw refused(String.join(" ", problems));
    }
  }

  private Optional<FormContract> taskContract(TaskEntity task, CommandContext context) {
    if (task.getProcessDefinitionId() == null) {
      return Optional.empty();
    }
    return contracts.task(processKey(task.getProcessDefinitionId(), context), task.getTaskDefinitionKey());
  }

  private Optional<FormContract> startContract(Command<?> command, CommandContext context) {
    Object builder = read(command, "instantiationBuilder");
    String definitionId = (String) (builder == null ? read(command, "processDefinitionId") : read(builder, "processDefinitionId"));
    String key = definitionId != null ? processKey(definitionId, context) : (String) read(builder, "processDefinitionKey");
    return key == null ? Optional.empty() : contracts.start(key);
  }

  private static String processKey(String definitionId, CommandContext context) {
    ProcessEngineConfigurationImpl configuration = context.getProcessEngineConfiguration();
    return configuration.getDeploymentCache().findDeployedProcessDefinitionById(definitionId).getKey();
  }

  private static FormRefusedException refused(String message) {
    return new FormRefusedException(message);
  }

  private static Object read(Object holder, String name) {
    for (Class<?> c = holder.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(holder);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + holder.getClass().getSimpleName(), e);
      }
    }
    return null;
  }
}
