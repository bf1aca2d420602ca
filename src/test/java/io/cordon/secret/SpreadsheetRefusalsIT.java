package io.cordon.secret;

import static io.cordon.secret.SecretSpreadsheetIT.HEADER;
import static io.cordon.secret.SecretSpreadsheetIT.errors;
import static io.cordon.secret.SecretSpreadsheetIT.row;
import static io.cordon.spreadsheet.TestWorkbooks.raw;
import static io.cordon.spreadsheet.TestWorkbooks.rowXml;
import static io.cordon.spreadsheet.TestWorkbooks.upload;
import static io.cordon.spreadsheet.TestWorkbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.CordonIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Files an import must refuse with a clear problem detail, writing nothing. */
@CordonIntegrationTest
class SpreadsheetRefusalsIT {

  static final List<List<String>> VALID = List.of(HEADER,
      row(null, "Refused anyway", null, "DATA", "SECRET", "olivia", null, null, null, null),
      row(null, "Refused too", null, "DATA", "SECRET", "olivia", null, null, null, null));

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcTemplate jdbc;

  long secrets;
  long head;

  @BeforeEach
  void remember() {
    secrets = jdbc.queryForObject("select count(*) from trade_secret", Long.class);
    head = jdbc.queryForObject("select last_seq from evidence_chain_head where id = 1", Long.class);
  }

  @AfterEach
  void nothingWritten() {
    assertThat(jdbc.queryForObject("select count(*) from trade_secret", Long.class)).isEqualTo(secrets);
    assertThat(jdbc.queryForObject("select last_seq from evidence_chain_head where id = 1", Long.class)).isEqualTo(head);
  }

  @Test
  void formulasAreRefusedNamingEveryCell() {
    byte[] file = xlsx(VALID, wb -> {
      wb.getSheetAt(0).getRow(1).createCell(1).setCellFormula("CONCAT(\"a\",\"b\")");
      wb.getSheetAt(0).getRow(2).createCell(2).setCellFormula("1+1");
    });
    JsonNode problem = refused(file, HttpStatus.UNPROCESSABLE_ENTITY, "Unsupported cells", "Paste special > Values");
    assertThat(errors(problem)).containsExactly("2  B2 formula: replace it by its value", "3  C3 formula: replace it by its value");
  }

  @Test
  void mergedCellsAreRefused() {
    byte[] file = xlsx(VALID, wb -> wb.getSheetAt(0).addMergedRegion(new CellRangeAddress(1, 2, 3, 3)));
    JsonNode problem = refused(file, HttpStatus.UNPROCESSABLE_ENTITY, "Unsupported cells", "unmerge");
    assertThat(errors(problem)).containsExactly("  D2:D3 merged cells D2:D3: unmerge them and put the value in every row it belongs to");
  }

  @Test
  void hiddenAndVeryHiddenSheetsAreRefused() {
    byte[] file = xlsx(VALID, wb -> {
      wb.createSheet("Old prices");
      wb.createSheet("Lookup");
      wb.setSheetVisibility(1, SheetVisibility.HIDDEN);
      wb.setSheetVisibility(2, SheetVisibility.VERY_HIDDEN);
    });
    JsonNode problem = refused(file, HttpStatus.UNPROCESSABLE_ENTITY, "Hidden sheets", "unhide or delete them");
    assertThat(errors(problem)).containsExactly("   sheet 'Old prices' is hidden", "   sheet 'Lookup' is very hidden");
  }

  @Test
  void macroEnabledWorkbooksAreRefused() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(XSSFWorkbookType.XLSM)) {
      wb.createSheet("Secrets").createRow(0).createCell(0).setCellValue("Title");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      refused(out.toByteArray(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file", "Macro-enabled workbooks (.xlsm)");
    }
  }

  @Test
  void otherFilesRenamedXlsxAreRefused() throws Exception {
    byte[] random = new byte[4096];
    new Random(42).nextBytes(random);
    refused(random, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file", "not an Excel workbook (.xlsx)");
    refused("Code,Title\n,Alloy\n".getBytes(StandardCharsets.UTF_8), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file",
        "not an Excel workbook");

    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText("Code Title");
      doc.write(docx);
    }
    refused(docx.toByteArray(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file", "Word document");

    ByteArrayOutputStream xls = new ByteArrayOutputStream();
    try (HSSFWorkbook wb = new HSSFWorkbook()) {
      wb.createSheet("Secrets").createRow(0).createCell(0).setCellValue("Title");
      wb.write(xls);
    }
    refused(xls.toByteArray(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file", "save it as Excel Workbook (.xlsx)");
  }

  @Test
  void aZipBombIsRefusedBeforeItExpands() {
    // 64 MB of blanks inside the sheet XML compress to about 64 KB: a ratio no real sheet has.
    byte[] bomb = raw(out -> {
      out.write(rowXml(1, HEADER).getBytes(StandardCharsets.UTF_8));
      byte[] blanks = new byte[1 << 20];
      Arrays.fill(blanks, (byte) ' ');
      for (int i = 0; i < 64; i++) {
        out.write(blanks);
      }
    });
    assertThat(bomb.length).isLessThan(1 << 20);
    refused(bomb, HttpStatus.PAYLOAD_TOO_LARGE, "File too large", "zip bomb");
  }

  @Test
  void aMillionRowsAreRefusedNamingTheLimitWithoutReadingThemAll() {
    long start = System.nanoTime();
    byte[] huge = raw(out -> {
      out.write(rowXml(1, HEADER).getBytes(StandardCharsets.UTF_8));
      StringBuilder rows = new StringBuilder(1 << 20);
      for (int r = 2; r <= 1_000_001; r++) {
        rows.append("<row r=\"").append(r).append("\"><c r=\"B").append(r).append("\" t=\"inlineStr\"><is><t>S")
            .append(Integer.toString(r * 7919, 36)).append("</t></is></c></row>");
        if (rows.length() > 1 << 19) {
          out.write(rows.toString().getBytes(StandardCharsets.US_ASCII));
          rows.setLength(0);
        }
      }
      out.write(rows.toString().getBytes(StandardCharsets.US_ASCII));
    });
    System.out.printf("1M-row file: %d bytes, built in %d ms%n", huge.length, (System.nanoTime() - start) / 1_000_000);
    start = System.nanoTime();
    JsonNode problem = refused(huge, HttpStatus.PAYLOAD_TOO_LARGE, "File too large", "more than 50000 data rows");
    assertThat(problem.get("detail").asText()).contains("reading stopped at row 50002");
    assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(20_000);
  }

  @Test
  void aHeaderThatIsNotTheTemplatesIsRefused() {
    byte[] file = xlsx(List.of(List.of("Code", "Titel", "Category", "Classification"),
        row(null, "x", "DATA", "SECRET")));
    JsonNode problem = refused(file, HttpStatus.UNPROCESSABLE_ENTITY, "Invalid header row", "import-template.xlsx");
    assertThat(errors(problem)).contains("1 Titel B1 unknown column 'Titel': the columns are Code, Title, Summary, Category, "
        + "Classification, Owner, Systems, Sites, Countries, Protection measures, Status, Version, Created, Updated, Redacted",
        "1 Title  required column 'Title' is missing from the header row",
        "1 Owner  required column 'Owner' is missing from the header row");
  }

  @Test
  void anUnknownModeIs400AndTheOldMultipartRefusalStillHolds() {
    byte[] file = xlsx(VALID);
    ResponseEntity<JsonNode> mode = upload(rest, "sam", "/api/secrets/import?mode=some-rows", file, "x.xlsx");
    assertThat(mode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(mode.getBody().toString()).contains("valid-rows");
    ResponseEntity<JsonNode> attachment = upload(rest, "sam", "/api/secrets", file, "x.xlsx");
    assertThat(attachment.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(attachment.getBody().get("detail").asText()).contains("never stores a trade secret's content");
  }

  private JsonNode refused(byte[] file, HttpStatus status, String title, String detail) {
    ResponseEntity<JsonNode> response = upload(rest, "sam", "/api/secrets/import", file, "register.xlsx");
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(response.getBody().get("title").asText()).isEqualTo(title);
    assertThat(response.getBody().get("detail").asText()).contains(detail);
    return response.getBody();
  }
}
