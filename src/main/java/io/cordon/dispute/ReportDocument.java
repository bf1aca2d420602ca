package io.cordon.dispute;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.springframework.core.io.ClassPathResource;

/**
 * The evidence report, from {@code templates/evidence-report.docx}: {@code {{field}}} placeholders are replaced by
 * text, and a table row whose placeholders are {@code {{list.field}}} is repeated once per entry of that list (and
 * removed when the list is empty). Legal edits the wording and layout in Word; each placeholder stays in one run, and
 * a repeated row holds no nested table.
 *
 * <p>The document's XML is filled as text in one pass rather than through an object model: a pack's report can have
 * thousands of rows (about 7,000 for a secret with 1,000 disclosures), which a DOM-style row copy and insert makes
 * quadratic. A repeated list is cut into tables of {@value #ROWS_PER_TABLE} rows, each opening with the template's
 * header rows: one table of thousands of rows takes LibreOffice several times longer to lay out for the PDF.
 */
final class ReportDocument {

  static final String TEMPLATE = "templates/evidence-report.docx";
  static final int ROWS_PER_TABLE = 100;
  /** Between two parts of one list's table: a paragraph of (almost) no height, so the parts read as one table. */
  private static final String TABLE_BREAK = "</w:tbl><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" "
      + "w:lineRule=\"exact\"/></w:pPr></w:p>";

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
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(template))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        parts.put(e.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The evidence report template " + TEMPLATE + " cannot be read", e);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (var part : parts.entrySet()) {
        byte[] content = part.getValue();
        if (part.getKey().startsWith("word/") && part.getKey().endsWith(".xml")) {
          String xml = new String(content, StandardCharsets.UTF_8);
          if (xml.contains("{{")) {
            content = fill(xml, fields, lists).getBytes(StandardCharsets.UTF_8);
          }
        }
        ZipEntry entry = new ZipEntry(part.getKey());
        entry.setTime(0);
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** One pass over a part's XML: rows that repeat a list are expanded, every other placeholder is filled. */
  static String fill(String xml, Map<String, String> fields, Map<String, List<Map<String, String>>> lists) {
    StringBuilder out = new StringBuilder(xml.length() * 2);
    int pos = 0;
    int row;
    while ((row = rowStart(xml, pos)) >= 0) {
      int end = xml.indexOf("</w:tr>", row) + "</w:tr>".length();
      String rowXml = xml.substring(row, end);
      String list = listOf(rowXml);
      placeholders(out, xml.substring(pos, row), fields::get);
      if (list == null) {
        placeholders(out, rowXml, fields::get);
      } else {
        repeat(out, xml, row, rowXml, list, lists.getOrDefault(list, List.of()), fields);
      }
      pos = end;
    }
    placeholders(out, xml.substring(pos), fields::get);
    return out.toString();
  }

  private static void repeat(StringBuilder out, String xml, int row, String rowXml, String list, List<Map<String, String>> entries,
      Map<String, String> fields) {
    int table = xml.lastIndexOf("<w:tbl>", row);
    int firstRow = rowStart(xml, table);
    String tableStart = xml.substring(table, firstRow);
    StringBuilder headers = new StringBuilder();
    for (int r = firstRow; r >= 0 && r < row; r = rowStart(xml, r + 1)) {
      String header = xml.substring(r, xml.indexOf("</w:tr>", r) + "</w:tr>".length());
      if (header.contains("<w:tblHeader")) {
        placeholders(headers, header, fields::get);
      }
    }
    String prefix = list + ".";
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0 && i % ROWS_PER_TABLE == 0) {
        out.append(TABLE_BREAK).append(tableStart).append(headers);
      }
      Map<String, String> entry = entries.get(i);
      placeholders(out, rowXml, name -> name.startsWith(prefix) ? entry.get(name.substring(prefix.length())) : fields.get(name));
    }
  }

  private static int rowStart(String xml, int from) {
    int at = from;
    while ((at = xml.indexOf("<w:tr", at)) >= 0) {
      char next = xml.charAt(at + 5);
      if (next == '>' || next == ' ') {
        return at;
      }
      at += 5;
    }
    return -1;
  }

  /** The list a row repeats: the prefix of its first {@code {{list.field}}} placeholder, or null. */
  private static String listOf(String rowXml) {
    int start = rowXml.indexOf("{{");
    while (start >= 0) {
      int end = rowXml.indexOf("}}", start);
      if (end < 0) {
        return null;
      }
      int dot = rowXml.indexOf('.', start);
      if (dot > start && dot < end) {
        return rowXml.substring(start + 2, dot);
      }
      start = rowXml.indexOf("{{", end);
    }
    return null;
  }

  /** Copies {@code text}, replacing each placeholder by its value as XML text; unknown ones become empty. */
  private static void placeholders(StringBuilder out, String text, java.util.function.Function<String, String> values) {
    int from = 0;
    int start;
    while ((start = text.indexOf("{{", from)) >= 0) {
      int end = text.indexOf("}}", start);
      if (end < 0) {
        break;
      }
      out.append(text, from, start);
      String value = values.apply(text.substring(start + 2, end));
      if (value != null) {
        escape(out, value);
      }
      from = end + 2;
    }
    out.append(text, from, text.length());
  }

  /** Text a document can carry, escaped for XML: characters XML 1.0 forbids are dropped. */
  private static void escape(StringBuilder out, String value) {
    value.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF) {
            out.appendCodePoint(c);
          }
        }
      }
    });
  }
}
