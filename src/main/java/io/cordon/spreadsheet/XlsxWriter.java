package io.cordon.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes register sheets people can read: bold frozen header, auto-filter over the data, column widths from the
 * header and the first rows (SXSSF keeps only a window of rows in memory, so widths are not measured over all rows),
 * every value as text (codes such as 00123 or dates stay as written). Streaming: any number of rows in bounded memory.
 */
public final class XlsxWriter implements AutoCloseable {

  public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final int SAMPLE_ROWS = 200;
  private static final int MAX_WIDTH = 60;

  private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
  private final CellStyle headerStyle;
  private final CellStyle textStyle;

  public XlsxWriter() {
    workbook.setCompressTempFiles(true);
    Font bold = workbook.createFont();
    bold.setBold(true);
    headerStyle = workbook.createCellStyle();
    headerStyle.setFont(bold);
    headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    headerStyle.setBorderBottom(BorderStyle.THIN);
    textStyle = workbook.createCellStyle();
    textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
  }

  public Table table(String sheetName, List<Column> columns) {
    return new Table(workbook.createSheet(safeName(sheetName)), columns);
  }

  /** A sheet of free text, one paragraph per row (the template's instructions). */
  public void notes(String sheetName, List<String> lines) {
    SXSSFSheet sheet = workbook.createSheet(safeName(sheetName));
    sheet.setColumnWidth(0, 120 * 256);
    int r = 0;
    for (String line : lines) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(line);
      if (r == 1) {
        row.getCell(0).setCellStyle(headerStyle);
      }
    }
  }

  public void write(OutputStream out) throws IOException {
    workbook.write(out);
  }

  @Override
  public void close() throws IOException {
    workbook.close();
  }

  /**
   * Excel reads {@code _xHHHH_} in cell text as an escaped character; POI writes text as is. Escaping the underscore
   * ({@code _x005F_}) keeps such text literal, as Excel itself does.
   */
  static String escape(String value) {
    return value.contains("_x") ? ESCAPED.matcher(value).replaceAll("_x005F_$1") : value;
  }

  private static final java.util.regex.Pattern ESCAPED = java.util.regex.Pattern.compile("_(x[0-9A-Fa-f]{4}_)");

  private static String safeName(String name) {
    String cleaned = name.replaceAll("[\\\\/?*\\[\\]:]", "-");
    return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
  }

  /** One sheet: header on creation, then rows; {@link #finish()} sets widths and the filter. */
  public final class Table {
    private final SXSSFSheet sheet;
    private final List<Column> columns;
    private final int[] widths;
    private int next = 1;

    Table(SXSSFSheet sheet, List<Column> columns) {
      this.sheet = sheet;
      this.columns = List.copyOf(columns);
      this.widths = new int[columns.size()];
      Row header = sheet.createRow(0);
      for (int i = 0; i < columns.size(); i++) {
        header.createCell(i).setCellValue(columns.get(i).header());
        header.getCell(i).setCellStyle(headerStyle);
        widths[i] = Math.max(columns.get(i).width(), columns.get(i).header().length() + 3);
        sheet.setDefaultColumnStyle(i, textStyle);
      }
      sheet.createFreezePane(0, 1);
    }

    /** A data row; values in column order, null for an empty cell. */
    public void row(List<String> values) {
      Row row = sheet.createRow(next);
      for (int i = 0; i < values.size() && i < columns.size(); i++) {
        String value = values.get(i);
        if (value != null && !value.isEmpty()) {
          row.createCell(i).setCellValue(escape(value));
          row.getCell(i).setCellStyle(textStyle);
          if (next <= SAMPLE_ROWS) {
            widths[i] = Math.max(widths[i], Math.min(MAX_WIDTH, value.length() + 2));
          }
        }
      }
      next++;
    }

    /** Offers the allowed values as a drop-down in a column (for the template's enumerations). */
    public void choices(int columnIndex, List<String> allowed, int lastRow) {
      DataValidationHelper helper = sheet.getDataValidationHelper();
      DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(allowed.toArray(String[]::new)),
          new CellRangeAddressList(1, lastRow, columnIndex, columnIndex));
      validation.setShowErrorBox(false);
      sheet.addValidationData(validation);
    }

    public void finish() {
      for (int i = 0; i < widths.length; i++) {
        sheet.setColumnWidth(i, Math.min(MAX_WIDTH, widths[i]) * 256);
      }
      sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, columns.size() - 1));
    }

    public int rows() {
      return next - 1;
    }
  }
}
