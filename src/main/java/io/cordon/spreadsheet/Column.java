package io.cordon.spreadsheet;

/**
 * A column of a register sheet. {@code required}: a row needs a value (the header must be present);
 * {@code imported}: read on import (export-only columns such as status are ignored); {@code width} in characters;
 * {@code help}: format and limits, printed on the template's instructions sheet and in the README.
 */
public record Column(String header, boolean required, boolean imported, int width, String help) {

  public static Column required(String header, int width, String help) {
    return new Column(header, true, true, width, help);
  }

  public static Column optional(String header, int width, String help) {
    return new Column(header, false, true, width, help);
  }

  public static Column exportOnly(String header, int width, String help) {
    return new Column(header, false, false, width, help);
  }
}
