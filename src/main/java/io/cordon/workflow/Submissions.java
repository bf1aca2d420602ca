package io.cordon.workflow;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variables an engine command would write or remove, found in the command itself (and in the builders it
 * carries), whatever the channel that made it: Camunda REST, Tasklist, a Java call. Camunda's commands keep their
 * arguments in fields; this reads them once per command class, by name and type, so that a command not foreseen here
 * is still seen to carry variables and can be refused.
 */
final class Submissions {

  /** What a command carries: variables it sets (by name) and the names of variables it removes. */
  record Payload(Map<String, Object> variables, List<String> removals) {

    boolean isEmpty() {
      return variables.isEmpty() && removals.isEmpty();
    }
  }

  private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
  private static final int MAX_DEPTH = 4;

  private Submissions() {
  }

  static Payload of(Object command) {
    Map<String, Object> variables = new LinkedHashMap<>();
    List<String> removals = new ArrayList<>();
    if (!readsOnly(command)) {
      collect(command, variables, removals, 0);
    }
    return new Payload(variables, removals);
  }

  /** Commands whose variables are inputs that nothing stores: decision evaluations, reads of named variables. */
  private static boolean readsOnly(Object command) {
    Class<?> type = command.getClass();
    return type.getName().startsWith("org.camunda.bpm.engine.impl.dmn.") || type.getSimpleName().startsWith("Get");
  }

  @SuppressWarnings("unchecked")
  private static void collect(Object holder, Map<String, Object> variables, List<String> removals, int depth) {
    if (holder == null || depth > MAX_DEPTH) {
      return;
    }
    for (Field field : fieldsOf(holder.getClass())) {
      Object value;
      try {
        value = field.get(holder);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + field, e);
      }
      if (value == null) {
        continue;
      }
      String name = field.getName().toLowerCase(java.util.Locale.ROOT);
      if (value instanceof org.camunda.bpm.engine.variable.VariableMap map && carriesVariables(name)) {
        // Typed, as submitted: a variable map's plain get() would unwrap files and deserialize objects.
        map.keySet().forEach(k -> variables.put(k, map.getValueTyped(k)));
      } else if (value instanceof Map<?, ?> map && carriesVariables(name)) {
        map.forEach((k, v) -> variables.put(String.valueOf(k), v));
      } else if (value instanceof Collection<?> names && removesVariables(holder, name)) {
        names.forEach(n -> removals.add(String.valueOf(n)));
      } else if (value instanceof Collection<?> items && isInstruction(name)) {
        for (Object item : items) {
          collect(item, variables, removals, depth + 1);
        }
      } else if (isBuilder(value)) {
        collect(value, variables, removals, depth + 1);
      }
    }
  }

  /** Maps of variables to write: "variables", "properties", "processVariables", "payload..."; not match criteria. */
  private static boolean carriesVariables(String name) {
    return !name.startsWith("correlation") && (name.contains("variable") || name.equals("properties"));
  }

  private static boolean removesVariables(Object holder, String name) {
    return name.contains("deletions") || name.equals("variablenames") && holder.getClass().getSimpleName().startsWith("Remove");
  }

  private static boolean isInstruction(String name) {
    return name.equals("operations") || name.equals("instructions");
  }

  private static boolean isBuilder(Object value) {
    String type = value.getClass().getName();
    return type.startsWith("org.camunda.bpm.engine.impl.") && (type.endsWith("BuilderImpl") || type.endsWith("Cmd"));
  }

  private static List<Field> fieldsOf(Class<?> type) {
    return FIELDS.computeIfAbsent(type, t -> {
      List<Field> fields = new ArrayList<>();
      for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
            continue;
          }
          Class<?> ft = f.getType();
          if (Map.class.isAssignableFrom(ft) || Collection.class.isAssignableFrom(ft)
              || ft.getName().startsWith("org.camunda.bpm.engine.impl.") && (ft.getName().endsWith("BuilderImpl")
                  || ft.getName().endsWith("Cmd") || ft.getName().endsWith("Command"))) {
            f.setAccessible(true);
            fields.add(f);
          }
        }
      }
      return List.copyOf(fields);
    });
  }
}
