package io.cordon.secret;

import static io.cordon.spreadsheet.TestWorkbooks.download;
import static io.cordon.spreadsheet.TestWorkbooks.read;
import static io.cordon.spreadsheet.TestWorkbooks.upload;
import static io.cordon.spreadsheet.TestWorkbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.CordonIntegrationTest;
import io.cordon.spreadsheet.TestWorkbooks;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@CordonIntegrationTest
class SecretSpreadsheetIT {

  static final List<String> HEADER = List.of("Code", "Title", "Summary", "Category", "Classification", "Owner", "Systems",
      "Sites", "Countries", "Protection measures");

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void templateDownloadOpensWithTheDocumentedHeaderFrozenAndInstructions() throws Exception {
    ResponseEntity<byte[]> response = download(rest, "paula", "/api/secrets/import-template.xlsx");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("cordon-secrets-template.xlsx");
    assertThat(read(response.getBody(), 0)).containsExactly(HEADER);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
      assertThat(wb.getSheetAt(0).getPaneInformation().isFreezePane()).isTrue();
      assertThat(wb.getSheetName(1)).isEqualTo("Instructions");
      assertThat(read(response.getBody(), 1).stream().map(r -> r.get(0)).toList())
          .anyMatch(line -> line.startsWith("Owner (required)"));
    }
  }

  @Test
  void importsEveryRowOfAValidFileWithOneEventPerRowAndASummary() throws Exception {
    String tag = tag();
    byte[] file = xlsx(List.of(HEADER,
        row(null, tag + " alloy composition", "Which family of alloys, not the recipe", "TECHNICAL", "SECRET", "oscar",
            "PLM; ERP", "Plant Augsburg", "DE; CN", "ACCESS_CONTROL; MARKING"),
        row(null, tag + " supplier price model", null, "business", "Confidential", "oscar", null, null, null, null),
        row(null, tag + " test rig software", null, "SOFTWARE", "crown jewel", "oscar", "git", null, "de", "encryption")));
    long before = secrets();
    ResponseEntity<JsonNode> response = upload(rest, "oscar", "/api/secrets/import", file, "inventory.xlsx");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode report = response.getBody();
    assertThat(report.get("mode").asText()).isEqualTo("all-or-nothing");
    assertThat(report.get("rowsRead").asInt()).isEqualTo(3);
    assertThat(report.get("imported").asInt()).isEqualTo(3);
    assertThat(report.get("rejected").asInt()).isZero();
    assertThat(report.get("errors")).isEmpty();
    assertThat(secrets()).isEqualTo(before + 3);

    String first = report.get("codes").get(0).asText();
    JsonNode secret = get("oscar", "/api/secrets/" + first);
    assertThat(secret.get("title").asText()).isEqualTo(tag + " alloy composition");
    assertThat(secret.get("systems").toString()).isEqualTo("[\"PLM\",\"ERP\"]");
    assertThat(secret.get("countries").toString()).isEqualTo("[\"DE\",\"CN\"]");
    assertThat(secret.get("status").asText()).isEqualTo("ACTIVE");
    JsonNode third = get("oscar", "/api/secrets/" + report.get("codes").get(2).asText());
    assertThat(third.get("classification").asText()).isEqualTo("CROWN_JEWEL");
    assertThat(third.get("measures").toString()).isEqualTo("[\"ENCRYPTION\"]");

    JsonNode events = get("sam", "/api/evidence?secret=" + first);
    assertThat(StreamSupport.stream(events.spliterator(), false).map(e -> e.get("type").asText())).contains("SECRET_REGISTERED");
    String summary = jdbc.queryForObject("select payload from evidence_event where type = 'SECRETS_IMPORTED' order by seq desc limit 1",
        String.class);
    assertThat(summary).contains("\"fileSha256\":\"" + sha256(file) + "\"").contains("\"imported\":3");
  }

  @Test
  void reportsEveryBadRowWithItsCellAndWritesNothing() {
    String tag = tag();
    String taken = importOne("sam", row(null, tag + " existing", null, "DATA", "SECRET", "olivia", null, null, null, null));
    String fresh = freeCode();
    byte[] file = xlsx(List.of(HEADER,
        row(null, tag + " fine", null, "DATA", "SECRET", "olivia", null, null, "DE", null),          // row 2: valid
        row(null, "x".repeat(201), null, "DATA", "SECRET", "olivia", null, null, null, null),        // 3: oversized
        row(null, tag + " bell_x0007_", null, "DATA", "SECRET", "olivia", null, null, null, null),   // 4: BEL, as Excel writes it
        row(null, tag + " countries", null, "DATA", "SECRET", "olivia", null, null, "Germany; XX", null), // 5
        row(fresh, tag + " first", null, "DATA", "SECRET", "olivia", null, null, null, null),        // 6: ok by itself
        row(fresh, tag + " second", null, "DATA", "SECRET", "olivia", null, null, null, null),       // 7: duplicate in file
        row(taken, tag + " taken", null, "DATA", "SECRET", "olivia", null, null, null, null),        // 8: exists in DB
        row(null, tag + " nobody", null, "DATA", "SECRET", "mallory", null, null, null, null),       // 9: unknown owner
        row(null, tag + " category", null, "RECIPE", "TOP", "olivia", null, null, null, "SHREDDER"), // 10: enums
        row("TS-42", null, null, "DATA", "SECRET", "olivia", null, null, null, null)));             // 11: code, title
    long secrets = secrets();
    long head = head();

    ResponseEntity<JsonNode> response = upload(rest, "sam", "/api/secrets/import", file, "bad.xlsx");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    JsonNode problem = response.getBody();
    assertThat(problem.get("title").asText()).isEqualTo("Invalid rows");
    assertThat(problem.get("detail").asText()).contains("nothing was imported").contains("mode=valid-rows");
    assertThat(problem.get("rowsRead").asInt()).isEqualTo(10);
    List<String> errors = errors(problem);
    assertThat(problem.get("rejected").asInt()).as(String.join("\n", errors)).isEqualTo(8);
    assertThat(errors).contains(
        "3 Title B3 size must be between 0 and 200 (it has 201)",
        "4 Title B4 must not contain control characters",
        "7 Code A7 duplicate code " + fresh + ": row 6 has it too",
        "8 Code A8 " + taken + " already exists in the register: leave the code empty to register this row as a new secret, or remove the row",
        "9 Owner F9 unknown owner 'mallory': must be a user of group secret-owners",
        "10 Category D10 'RECIPE' is not one of TECHNICAL, PROCESS, BUSINESS, DATA, SOFTWARE",
        "10 Classification E10 'TOP' is not one of CONFIDENTIAL, SECRET, CROWN_JEWEL",
        "10 Protection measures J10 'SHREDDER' is not one of ACCESS_CONTROL, MARKING, ENCRYPTION, TRAINING, NDA_COVERAGE",
        "11 Title B11 must not be blank");
    assertThat(errors).anyMatch(e -> e.startsWith("5 Countries I5 item 1: must be an ISO 3166 alpha-2 country code"));
    assertThat(errors).anyMatch(e -> e.startsWith("5 Countries I5 'XX' is not an ISO 3166 country code"));
    assertThat(errors).anyMatch(e -> e.startsWith("11 Code A11 'TS-42' is not a secret code"));
    assertThat(errors).noneMatch(e -> e.startsWith("2 ") || e.startsWith("6 "));
    assertThat(secrets()).as("nothing written").isEqualTo(secrets);
    assertThat(head()).as("no evidence appended").isEqualTo(head);
  }

  @Test
  void validRowsModeWritesOnlyTheGoodRowsAndReportsTheOthers() {
    String tag = tag();
    byte[] file = xlsx(List.of(HEADER,
        row(null, tag + " good one", null, "PROCESS", "SECRET", "olivia", null, null, null, null),
        row(null, tag + " bad owner", null, "PROCESS", "SECRET", "nobody", null, null, null, null),
        row(null, tag + " good two", null, "PROCESS", "CONFIDENTIAL", "oscar", null, null, null, null)));
    long before = secrets();
    ResponseEntity<JsonNode> response = upload(rest, "ada", "/api/secrets/import?mode=valid-rows", file, "mixed.xlsx");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode report = response.getBody();
    assertThat(report.get("mode").asText()).isEqualTo("valid-rows");
    assertThat(report.get("imported").asInt()).isEqualTo(2);
    assertThat(report.get("rejected").asInt()).isEqualTo(1);
    assertThat(errors(report)).containsExactly("3 Owner F3 unknown owner 'nobody': must be a user of group secret-owners");
    assertThat(report.get("codes")).hasSize(2);
    assertThat(secrets()).isEqualTo(before + 2);
    assertThat(titles(tag)).containsExactlyInAnyOrder(tag + " good one", tag + " good two");
  }

  @Test
  void markupAndPlaceholdersAreStoredAsTyped() {
    String tag = tag();
    String title = tag + " <script>alert(1)</script> ${jndi:ldap://x} #{1+1} =cmd|' /C calc'!A0";
    String summary = "<b>bold</b> & ${user.home}\nsecond line";
    String code = importOne("olivia", row(null, title, summary, "DATA", "SECRET", "olivia", "<i>ERP</i>", null, null, null));
    JsonNode secret = get("olivia", "/api/secrets/" + code);
    assertThat(secret.get("title").asText()).isEqualTo(title);
    assertThat(secret.get("summary").asText()).isEqualTo(summary);
    assertThat(secret.get("systems").get(0).asText()).isEqualTo("<i>ERP</i>");
  }

  @Test
  void aSecretOwnerImportsOnlyItsOwnSecretsAndProcurementNone() {
    String tag = tag();
    byte[] file = xlsx(List.of(HEADER, row(null, tag + " not mine", null, "DATA", "SECRET", "olivia", null, null, null, null)));
    ResponseEntity<JsonNode> oscar = upload(rest, "oscar", "/api/secrets/import", file, "x.xlsx");
    assertThat(oscar.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(errors(oscar.getBody())).containsExactly("2 Owner F2 you may import only secrets you own (owner oscar)");
    assertThat(upload(rest, "paula", "/api/secrets/import", file, "x.xlsx").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(titles(tag)).isEmpty();
  }

  @Test
  void exportThenImportGivesTheSameRegister() {
    String tag = tag();
    long base = Long.parseLong(freeCode().substring(3));
    List<List<String>> original = List.of(
        row(code(base), tag + " one", "Line one\nline two", "TECHNICAL", "SECRET", "oscar", "PLM; a;;b", "Site <A>", "DE; FR",
            "ACCESS_CONTROL; ENCRYPTION"),
        row(code(base + 1), tag + " two ${x} _x0041_", null, "DATA", "CROWN_JEWEL", "olivia", null, null, null, null),
        row(code(base + 2), tag + " three", "=not a formula, text", "SOFTWARE", "CONFIDENTIAL", "oscar", "git; CI", "HQ", "US",
            "MARKING; TRAINING; NDA_COVERAGE"));
    List<List<String>> withHeader = new ArrayList<>();
    withHeader.add(HEADER);
    // As Excel writes it: "_x0041_" typed in a cell is stored escaped, else it would be read as "A".
    original.forEach(r -> withHeader.add(r.stream().map(v -> v == null ? null : v.replace("_x0041_", "_x005F_x0041_")).toList()));
    assertThat(upload(rest, "sam", "/api/secrets/import", xlsx(withHeader), "orig.xlsx").getStatusCode()).isEqualTo(HttpStatus.OK);

    byte[] exported = download(rest, "sam", "/api/secrets/export.xlsx?q=" + tag).getBody();
    List<List<String>> first = read(exported, 0);
    assertThat(first).hasSize(4);
    assertThat(first.subList(1, 4).stream().map(r -> r.subList(0, 10)).toList()).isEqualTo(original.stream()
        .map(r -> r.stream().map(v -> v == null ? "" : v).toList()).toList());

    // A fresh register: the same codes, gone (evidence of them stays, it is append-only and keyed by code).
    jdbc.update("delete from trade_secret where title like ?", tag + "%");
    ResponseEntity<JsonNode> reimport = upload(rest, "sam", "/api/secrets/import", exported, "cordon-secrets.xlsx");
    assertThat(reimport.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(reimport.getBody().get("codes").toString()).contains(code(base), code(base + 2));

    List<List<String>> second = read(download(rest, "sam", "/api/secrets/export.xlsx?q=" + tag).getBody(), 0);
    int serverAssigned = HEADER.size() + 1; // Status is kept (ACTIVE); Version, Created, Updated are assigned anew.
    assertThat(second.stream().map(r -> r.subList(0, serverAssigned)).toList())
        .isEqualTo(first.stream().map(r -> r.subList(0, serverAssigned)).toList());
  }

  @Test
  void exportRedactsCrownJewelsForProcurementAndHasAFilterAndFrozenHeader() throws Exception {
    String tag = tag();
    String code = importOne("olivia", row(null, tag + " crown", "very sensitive", "TECHNICAL", "CROWN_JEWEL", "olivia", "PLM",
        null, "DE", null));
    byte[] paulas = download(rest, "paula", "/api/secrets/export.xlsx?q=" + code).getBody();
    List<List<String>> rows = read(paulas, 0);
    assertThat(rows).hasSize(2);
    List<String> redacted = rows.get(1);
    assertThat(redacted.get(0)).isEqualTo(code);
    assertThat(redacted.get(1)).as("title").isEmpty();
    assertThat(redacted.get(2)).as("summary").isEmpty();
    assertThat(redacted.get(4)).isEqualTo("CROWN_JEWEL");
    assertThat(redacted.get(5)).as("owner").isEmpty();
    assertThat(redacted.get(10)).isEqualTo("ACTIVE");
    assertThat(redacted.get(14)).isEqualTo("yes");
    assertThat(String.join("|", redacted)).doesNotContain("crown", "sensitive", "olivia", "PLM");

    List<String> full = read(download(rest, "olivia", "/api/secrets/export.xlsx?q=" + code).getBody(), 0).get(1);
    assertThat(full.get(1)).isEqualTo(tag + " crown");
    assertThat(full.get(14)).isEqualTo("no");

    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(paulas))) {
      XSSFSheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:O2");
      assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(0));
    }
    assertThat(jdbc.queryForObject("select actor from evidence_event where type = 'REGISTER_EXPORTED' order by seq desc limit 1",
        String.class)).isEqualTo("olivia");
  }

  // --- helpers

  static List<String> row(String... values) {
    return java.util.Arrays.asList(values);
  }

  private String importOne(String user, List<String> row) {
    ResponseEntity<JsonNode> response = upload(rest, user, "/api/secrets/import", xlsx(List.of(HEADER, row)), "one.xlsx");
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    return response.getBody().get("codes").get(0).asText();
  }

  /** A code above every code handed out so far, so tests on a shared database never collide. */
  private String freeCode() {
    long next = jdbc.queryForObject("select next_value from code_sequence where name = 'secret'", Long.class);
    return code(next + 100 + (long) (Math.random() * 10_000));
  }

  private static String code(long number) {
    return String.format("TS-%04d", number);
  }

  private JsonNode get(String user, String path) {
    ResponseEntity<JsonNode> response = rest.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private long secrets() {
    return jdbc.queryForObject("select count(*) from trade_secret", Long.class);
  }

  private long head() {
    return jdbc.queryForObject("select last_seq from evidence_chain_head where id = 1", Long.class);
  }

  private List<String> titles(String tag) {
    return jdbc.queryForList("select title from trade_secret where title like ?", String.class, tag + "%");
  }

  static List<String> errors(JsonNode body) {
    return StreamSupport.stream(body.get("errors").spliterator(), false)
        .map(e -> e.path("row").asText() + " " + e.path("column").asText() + " " + e.path("cell").asText() + " "
            + e.get("message").asText())
        .toList();
  }

  static String tag() {
    return "T" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
