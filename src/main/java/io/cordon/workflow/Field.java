package io.cordon.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * One field of a form: the variable it fills, its type, whether it must be given, the values it may take. The same
 * object checks a submission ({@link #problem}) and reads the answer in the step after the task ({@link #read}).
 *
 * @param <T> what {@link #read} returns
 */
public final class Field<T> {

  /** The kinds of answer a form gives. */
  public enum Kind {
    /** Free text, trimmed; blank is no answer. */
    TEXT,
    /** One of a fixed set of values. */
    CHOICE,
    /** A check box. */
    FLAG,
    /** A whole number. */
    NUMBER,
    /** A calendar date, {@code YYYY-MM-DD}. */
    DATE,
    /** An uploaded file. */
    FILE
  }

  private final String name;
  private final String label;
  private final Kind kind;
  private final boolean required;
  private final Set<String> choices;
  private final int maxLength;

  private Field(String name, String label, Kind kind, boolean required, Set<String> choices, int maxLength) {
    this.name = name;
    this.label = label;
    this.kind = kind;
    this.required = required;
    this.choices = choices;
    this.maxLength = maxLength;
  }

  public static Field<String> text(String name, String label, int maxLength) {
    return new Field<>(name, label, Kind.TEXT, false, Set.of(), maxLength);
  }

  public static Field<String> choice(String name, String label, String... choices) {
    return new Field<>(name, label, Kind.CHOICE, false, new LinkedHashSet<>(Arrays.asList(choices)), 64);
  }

  public static <E extends Enum<E>> Field<String> choice(String name, String label, Class<E> values) {
    return choice(name, label, Arrays.stream(values.getEnumConstants()).map(Enum::name).toArray(String[]::new));
  }

  public static Field<Boolean> flag(String name, String label) {
    return new Field<>(name, label, Kind.FLAG, false, Set.of(), 0);
  }

  public static Field<Long> number(String name, String label) {
    return new Field<>(name, label, Kind.NUMBER, false, Set.of(), 0);
  }

  public static Field<LocalDate> date(String name, String label) {
    return new Field<>(name, label, Kind.DATE, false, Set.of(), 10);
  }

  public static Field<FileValue> file(String name, String label) {
    return new Field<>(name, label, Kind.FILE, false, Set.of(), 0);
  }

  /** The same field, which every submission must answer. */
  public Field<T> required() {
    return new Field<>(name, label, kind, true, choices, maxLength);
  }

  public String name() {
    return name;
  }

  public String label() {
    return label;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isRequired() {
    return required;
  }

  /** The allowed values of a choice, in the form's order; empty for other kinds. */
  public List<String> choices() {
    return List.copyOf(choices);
  }

  /**
   * What is wrong with this submitted value, as a sentence for the user; {@code null} when the value is a valid answer.
   * An empty value is an answer only for optional fields.
   */
  String problem(Object submitted) {
    if (submitted instanceof SerializableValue) {
      return label + " (" + name + ") takes a plain value, not a serialized object.";
    }
    Object value = submitted instanceof TypedValue typed ? typed.getValue() : submitted;
    if (kind == Kind.FILE) {
      if (submitted instanceof FileValue || value == null) {
        return value == null && required ? "Upload the " + label + "." : null;
      }
      return label + " (" + name + ") must be an uploaded file.";
    }
    if (isEmpty(value)) {
      return required ? "Give the " + label + " (" + name + ")"
          + (kind == Kind.CHOICE ? ": one of " + String.join(", ", choices) + "." : ".") : null;
    }
    return switch (kind) {
      case TEXT -> value instanceof String s
          ? (s.length() > maxLength ? label + " (" + name + ") is limited to " + maxLength + " characters." : null)
          : label + " (" + name + ") must be text.";
      case CHOICE -> value instanceof String s && choices.contains(s.strip()) ? null
          : label + " (" + name + ") must be one of " + String.join(", ", choices) + ".";
      case FLAG -> value instanceof Boolean ? null : label + " (" + name + ") must be true or false.";
      case NUMBER -> value instanceof Long || value instanceof Integer || value instanceof Short ? null
          : label + " (" + name + ") must be a whole number.";
      case DATE -> value instanceof Date || value instanceof String s && parses(s) ? null
          : "Give the " + label + " (" + name + ") as YYYY-MM-DD.";
      case FILE -> throw new IllegalStateException("handled above");
    };
  }

  /**
   * The answer as the step after the task reads it: trimmed text or choice ({@code null} when not given), a flag
   * ({@code false} when not given), a number, a date or the uploaded file ({@code null} when not given).
   */
  @SuppressWarnings("unchecked")
  public T read(VariableScope scope) {
    Object value = kind == Kind.FILE ? scope.getVariableTyped(name) : scope.getVariable(name);
    if (kind == Kind.FILE) {
      return (T) (value instanceof FileValue file && file.getValue() != null ? file : null);
    }
    if (kind == Kind.FLAG) {
      return (T) Boolean.valueOf(value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString()));
    }
    if (isEmpty(value)) {
      return null;
    }
    return (T) switch (kind) {
      case TEXT, CHOICE -> value.toString().strip();
      case NUMBER -> ((Number) value).longValue();
      case DATE -> value instanceof Date d ? LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC) : parse(value.toString());
      default -> throw new IllegalStateException(kind.name());
    };
  }

  /** The uploaded file's bytes; a missing upload is a bad request naming the field. */
  public static byte[] bytes(FileValue file, String label) {
    if (file == null || file.getValue() == null) {
      throw new BadUserRequestException("Upload the " + label + ".");
    }
    try (InputStream in = file.getValue()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new BadUserRequestException("The uploaded file could not be read; upload it again.");
    }
  }

  private LocalDate parse(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException("Give the " + label + " as YYYY-MM-DD.");
    }
  }

  private static boolean parses(String text) {
    try {
      LocalDate.parse(text.strip());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isEmpty(Object value) {
    return value == null || value instanceof String s && s.isBlank();
  }

  @Override
  public String toString() {
    return name + ":" + kind + (required ? "!" : "");
  }
}
