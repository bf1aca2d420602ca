package io.cordon.spreadsheet;

import io.cordon.platform.InvalidInputException;
import io.cordon.platform.InvalidInputException.Violation;
import java.util.List;

/** All rows or none (the default), or the valid rows with a report of the others. */
public enum ImportMode {
  ALL_OR_NOTHING("all-or-nothing"), VALID_ROWS("valid-rows");

  private final String parameter;

  ImportMode(String parameter) {
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }

  public static ImportMode of(String parameter) {
    for (ImportMode mode : values()) {
      if (mode.parameter.equalsIgnoreCase(parameter)) {
        return mode;
      }
    }
    throw InvalidInputException.of(List.of(new Violation("mode", "must be all-or-nothing (default) or valid-rows")));
  }
}
