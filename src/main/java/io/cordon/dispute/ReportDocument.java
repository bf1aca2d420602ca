package io.cordon.dispute;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.springframework.core.io.ClassPathResource;

/**
 * The evidence report, from {@code templates/evidence-report.docx}: {@code {{field}}} placeholders in paragraphs are
 * replaced by text, and a table row whose placeholders are {@code {{list.field}}} is repeated once per entry of that
 * list (and removed when the list is empty). Legal edits the wording and layout in Word; the placeholders stay.
 */
final class ReportDocument {

  static final String TEMPLATE = "templates/evidence-report.docx";

  private ReportDocument() {
  }

  static byte[] template() {
    try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(TEMPLATE + " is missing", e);
    }
  }

  static byte[] render(byte[] template, Map<String, String> fields, Map<String, List<Map<String, String>>> lists) {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(template))) {
      for (XWPFParagraph p : doc.getParagraphs()) {
        fill(p, fields);
      }
      for (XWPFTable table : doc.getTables()) {
        repeatRows(table, lists);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The evidence report template " + TEMPLATE + " cannot be read", e);
    }
  }

  private static void repeatRows(XWPFTable table, Map<String, List<Map<String, String>>> lists) {
    for (int i = 0; i < table.getNumberOfRows(); i++) {
      XWPFTableRow row = table.getRow(i);
      String list = listOf(row);
      if (list == null) {
        continue;
      }
      List<Map<String, String>> entries = lists.getOrDefault(list, List.of());
      CTRow model = (CTRow) row.getCtRow().copy();
      int at = i;
      for (Map<String, String> entry : entries) {
        XWPFTableRow copy = new XWPFTableRow((CTRow) model.copy(), table);
        for (XWPFTableCell cell : copy.getTableCells()) {
          for (XWPFParagraph p : cell.getParagraphs()) {
            fill(p, prefixed(list, entry));
          }
        }
        table.addRow(copy, ++at);
      }
      table.removeRow(i);
      i = at - 1;
    }
  }

  private static Map<String, String> prefixed(String list, Map<String, String> entry) {
    Map<String, String> fields = new java.util.HashMap<>();
    entry.forEach((k, v) -> fields.put(list + "." + k, v));
    return fields;
  }

  /** The list a row repeats: the prefix of its first {@code {{list.field}}} placeholder, or null. */
  private static String listOf(XWPFTableRow row) {
    for (XWPFTableCell cell : row.getTableCells()) {
      String text = cell.getText();
      int start = text.indexOf("{{");
      int dot = start < 0 ? -1 : text.indexOf('.', start);
      int end = start < 0 ? -1 : text.indexOf("}}", start);
      if (start >= 0 && dot > start && dot < end) {
        return text.substring(start + 2, dot);
      }
    }
    return null;
  }

  /** Replaces placeholders run by run (the template keeps each placeholder in one run); unknown ones become empty. */
  private static void fill(XWPFParagraph p, Map<String, String> fields) {
    for (XWPFRun run : p.getRuns()) {
      String text = run.getText(0);
      if (text == null || !text.contains("{{")) {
        continue;
      }
      StringBuilder out = new StringBuilder();
      int from = 0;
      int start;
      while ((start = text.indexOf("{{", from)) >= 0) {
        int end = text.indexOf("}}", start);
        if (end < 0) {
          break;
        }
        out.append(text, from, start);
        String value = fields.get(text.substring(start + 2, end));
        out.append(value == null ? "" : clean(value));
        from = end + 2;
      }
      out.append(text.substring(from));
      run.setText(out.toString(), 0);
    }
  }

  /** Text a document can carry: characters XML 1.0 forbids are dropped. */
  private static String clean(String value) {
    StringBuilder b = new StringBuilder(value.length());
    value.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
        || c >= 0x10000 && c <= 0x10FFFF).forEach(b::appendCodePoint);
    return b.toString();
  }
}
