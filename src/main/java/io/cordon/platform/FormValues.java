package io.cordon.platform;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;

/**
 * What a Tasklist form submitted, as a step reads it: text, dates and uploaded files. Input the user must correct is a
 * bad request with a message Tasklist shows; the task stays open.
 */
public final class FormValues {

  private FormValues() {
  }

  /** The variable as trimmed text; {@code null} if absent or blank. */
  public static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /** A date field ({@code 2026-05-31}); {@code null} if left empty, for the service to say what is missing. */
  public static LocalDate date(VariableScope scope, String name, String label) {
    String text = string(scope, name);
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException("Give the " + label + " as YYYY-MM-DD.");
    }
  }

  /** The uploaded file's bytes; a missing upload is reported with {@code missing}. */
  public static byte[] file(FileValue file, String missing) {
    if (file == null || file.getValue() == null) {
      throw new BadUserRequestException(missing);
    }
    try (InputStream in = file.getValue()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new BadUserRequestException("The uploaded file could not be read; upload it again.");
    }
  }
}
