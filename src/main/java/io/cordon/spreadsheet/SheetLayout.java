package io.cordon.spreadsheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.util.CellReference;

/** The columns of a register sheet, and how an uploaded header row maps onto them. */
public final class SheetLayout {

  private final List<Column> columns;

  public SheetLayout(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  public List<Column> columns() {
    return columns;
  }

  public List<Column> importable() {
    return columns.stream().filter(Column::imported).toList();
  }

  public List<String> headers() {
    return columns.stream().map(Column::header).toList();
  }

  /**
   * Reads the header row (row 1). Headers match case-insensitively and in any order; optional and export-only columns
   * may be left out. Unknown, repeated or missing required headers refuse the whole file.
   */
  public Header header(int rowNumber, String[] cells) {
    List<RowError> errors = new ArrayList<>();
    if (rowNumber != 1) {
      throw SpreadsheetRejectedException.unprocessable("Missing header row",
          "Row 1 of the first sheet must hold the column headers of the template; the first non-empty row is " + rowNumber + ".",
          List.of());
    }
    Map<String, Column> byName = new HashMap<>();
    columns.forEach(c -> byName.put(normalize(c.header()), c));
    Map<Column, Integer> index = new HashMap<>();
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] == null) {
        continue;
      }
      Column column = byName.get(normalize(cells[i]));
      String cell = cellRef(1, i);
      if (column == null) {
        errors.add(new RowError(1, cells[i], cell, "unknown column '" + abbreviate(cells[i]) + "': the columns are "
            + String.join(", ", headers())));
      } else if (index.containsKey(column)) {
        errors.add(new RowError(1, column.header(), cell, "column '" + column.header() + "' appears twice"));
      } else {
        index.put(column, i);
      }
    }
    for (Column c : columns) {
      if (c.required() && !index.containsKey(c)) {
        errors.add(new RowError(1, c.header(), null, "required column '" + c.header() + "' is missing from the header row"));
      }
    }
    if (!errors.isEmpty()) {
      throw SpreadsheetRejectedException.unprocessable("Invalid header row",
          "The header row does not match the template (download it from the import-template.xlsx endpoint); see 'errors'.", errors);
    }
    return new Header(index, cells.length);
  }

  public static String cellRef(int rowNumber, int columnIndex) {
    return CellReference.convertNumToColString(columnIndex) + rowNumber;
  }

  public static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  private static String normalize(String header) {
    return header.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  /** Where each column is in the uploaded file. */
  public static final class Header {
    private final Map<Column, Integer> index;
    private final int width;

    Header(Map<Column, Integer> index, int width) {
      this.index = Map.copyOf(index);
      this.width = width;
    }

    /** The cell's text with surrounding spaces removed; null when empty or when the file has no such column. */
    public String get(String[] cells, Column column) {
      Integer i = index.get(column);
      if (i == null || i >= cells.length || cells[i] == null) {
        return null;
      }
      String value = cells[i].strip();
      return value.isEmpty() ? null : value;
    }

    public String cell(int rowNumber, Column column) {
      Integer i = index.get(column);
      return i == null ? null : cellRef(rowNumber, i);
    }

    /** Values in columns that have no header: a sign the row does not say what the person meant. */
    public List<RowError> stray(int rowNumber, String[] cells) {
      List<RowError> errors = new ArrayList<>();
      for (int i = 0; i < cells.length; i++) {
        if (cells[i] != null && !cells[i].isBlank() && (i >= width || !index.containsValue(i))) {
          errors.add(new RowError(rowNumber, null, cellRef(rowNumber, i), "value in a column without a header: "
              + "add the header or clear the cell"));
        }
      }
      return errors;
    }
  }
}
