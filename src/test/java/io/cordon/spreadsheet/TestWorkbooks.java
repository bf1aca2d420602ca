package io.cordon.spreadsheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Workbooks built in tests (with POI, or by hand where POI would refuse to write them), uploads and downloads. */
public final class TestWorkbooks {

  private TestWorkbooks() {
  }

  /** A workbook whose first sheet holds {@code rows} (null = empty cell), every value as text. */
  public static byte[] xlsx(List<List<String>> rows) {
    return xlsx(rows, wb -> { });
  }

  public static byte[] xlsx(List<List<String>> rows, Consumer<XSSFWorkbook> change) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("Sheet1");
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        List<String> values = rows.get(r);
        for (int c = 0; c < values.size(); c++) {
          if (values.get(c) != null) {
            row.createCell(c).setCellValue(values.get(c));
          }
        }
      }
      change.accept(wb);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every sheet's rows as text (DataFormatter), for asserting on downloads. */
  public static List<List<String>> read(byte[] xlsx, int sheetIndex) {
    try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      DataFormatter format = new DataFormatter();
      List<List<String>> rows = new ArrayList<>();
      for (Row row : wb.getSheetAt(sheetIndex)) {
        List<String> values = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
          Cell cell = row.getCell(c);
          values.add(cell == null ? "" : format.formatCellValue(cell));
        }
        rows.add(values);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the sheet XML between {@code <sheetData>} and {@code </sheetData>}. */
  public interface SheetData {
    void write(OutputStream out) throws IOException;
  }

  /** A minimal .xlsx package written by hand: one visible sheet with the given sheet data (inline strings). */
  public static byte[] raw(SheetData data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(1);
      entry(zip, "[Content_Types].xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
          <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
          </Types>""");
      entry(zip, "_rels/.rels", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
          </Relationships>""");
      entry(zip, "xl/workbook.xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
          <sheets><sheet name="Secrets" sheetId="1" r:id="rId1"/></sheets></workbook>""");
      entry(zip, "xl/_rels/workbook.xml.rels", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
          </Relationships>""");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
      data.write(zip);
      zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** One row of inline-string cells, as sheet XML. */
  public static String rowXml(int rowNumber, List<String> values) {
    StringBuilder b = new StringBuilder("<row r=\"").append(rowNumber).append("\">");
    for (int c = 0; c < values.size(); c++) {
      if (values.get(c) != null) {
        b.append("<c r=\"").append(SheetLayout.cellRef(rowNumber, c)).append("\" t=\"inlineStr\"><is><t>")
            .append(values.get(c).replace("&", "&amp;").replace("<", "&lt;")).append("</t></is></c>");
      }
    }
    return b.append("</row>").toString();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  public static ResponseEntity<JsonNode> upload(TestRestTemplate rest, String user, String path, byte[] file, String fileName) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(file) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
  }

  public static ResponseEntity<byte[]> download(TestRestTemplate rest, String user, String path) {
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, byte[].class);
  }
}
