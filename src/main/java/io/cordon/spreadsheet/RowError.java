package io.cordon.spreadsheet;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong in an uploaded workbook: the row as Excel numbers it (the header is row 1), the column's header,
 * the cell (A1 notation) and what to fix. Row, column and cell are absent for problems of the whole file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowError(Integer row, String column, String cell, String message) {

  public static RowError ofFile(String message) {
    return new RowError(null, null, null, message);
  }
}
