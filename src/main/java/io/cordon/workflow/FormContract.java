package io.cordon.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one form may submit: the answer to a user task, the start of a process, or a message. A submission is
 * accepted only if every variable it sets is a field of the contract, of the field's type and within its values;
 * everything a gateway, decision table or service step reads is written by the process itself.
 *
 * @param processKey the process definition key ({@code null} for a message, which may reach any process)
 * @param elementId  the user task's or start event's id, or the message name
 * @param title      how users know the form, for messages ("Review NDA")
 */
public record FormContract(Kind kind, String processKey, String elementId, String title, Map<String, Field<?>> fields) {

  /** Where a submission comes in. */
  public enum Kind {
    TASK, START, MESSAGE
  }

  public static FormContract task(String processKey, String taskId, String title, Field<?>... fields) {
    return new FormContract(Kind.TASK, processKey, taskId, title, index(fields));
  }

  public static FormContract start(String processKey, String startEventId, String title, Field<?>... fields) {
    return new FormContract(Kind.START, processKey, startEventId, title, index(fields));
  }

  /** A message that carries no variables, or only these. */
  public static FormContract message(String messageName, Field<?>... fields) {
    return new FormContract(Kind.MESSAGE, null, messageName, "message " + messageName, index(fields));
  }

  public Set<String> fieldNames() {
    return fields.keySet();
  }

  /**
   * Every problem with a submission, as sentences for the user (empty when it is a valid answer). Unknown variables
   * come first and are named with the fields the form does take.
   *
   * @param complete whether the submission ends the form (a completion or a start), so that required fields must be there
   */
  public List<String> problems(Map<String, ?> submitted, boolean complete) {
    List<String> problems = new ArrayList<>();
    Set<String> unknown = new TreeSet<>(submitted.keySet());
    unknown.removeAll(fields.keySet());
    if (!unknown.isEmpty()) {
      problems.add(title + (fields.isEmpty() ? " takes no variables" : " takes only its form's fields ("
          + String.join(", ", fields.keySet()) + ")") + "; not " + String.join(", ", unknown) + ".");
    }
    for (Field<?> field : fields.values()) {
      String problem = submitted.containsKey(field.name()) ? field.problem(submitted.get(field.name()))
          : complete && field.isRequired() ? field.problem(null) : null;
      if (problem != null) {
        problems.add(problem);
      }
    }
    return problems;
  }

  private static Map<String, Field<?>> index(Field<?>... fields) {
    Map<String, Field<?>> byName = new LinkedHashMap<>();
    for (Field<?> field : fields) {
      if (byName.put(field.name(), field) != null) {
        throw new IllegalArgumentException("Field " + field.name() + " declared twice");
      }
    }
    return java.util.Collections.unmodifiableMap(byName);
  }
}
