package io.cordon.partner;

import static io.cordon.spreadsheet.TestWorkbooks.download;
import static io.cordon.spreadsheet.TestWorkbooks.read;
import static io.cordon.spreadsheet.TestWorkbooks.upload;
import static io.cordon.spreadsheet.TestWorkbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.CordonIntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@CordonIntegrationTest
class PartnerSpreadsheetIT {

  static final List<String> HEADER = List.of("Code", "Legal name", "Native name", "Country", "Registration ID", "Address",
      "Type", "Parent code", "Contacts");

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void templateDownloadHasTheDocumentedHeader() {
    ResponseEntity<byte[]> response = download(rest, "lena", "/api/partners/import-template.xlsx");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read(response.getBody(), 0)).containsExactly(HEADER);
    assertThat(read(response.getBody(), 1).get(0).get(0)).isEqualTo("Importing partners into Cordon");
  }

  @Test
  void exportThenImportGivesTheSamePartnersWithParentsAndContacts() {
    String tag = tag();
    long base = jdbc.queryForObject("select next_value from code_sequence where name = 'partner'", Long.class)
        + 100 + (long) (Math.random() * 10_000);
    // The subsidiary comes first: parents in the file are written before their children whatever the order.
    List<List<String>> original = List.of(
        row(code(base), tag + " Shenzhen Ltd", "深圳精密有限公司", "CN", "91440300MA5", "Nanshan District, Shenzhen", "CONTRACT_MANUFACTURER", code(base + 1),
            "Li Wei <li.wei@example.cn> (quality); Wang;; Fang <wf@example.cn>"),
        row(code(base + 1), tag + " Holding AG <b>", null, "DE", null, "Bahnhofstrasse 1\nZug", "SUPPLIER", null,
            "Anna Berg <anna@example.de> (legal (EU)); Ops <ops@example.de>"),
        row(code(base + 2), tag + " Lab ${x}", null, "US", "", "", "RD_PARTNER", null, ""));
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    rows.addAll(original);
    ResponseEntity<JsonNode> first = upload(rest, "paula", "/api/partners/import", xlsx(rows), "partners.xlsx");
    assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(first.getBody().get("imported").asInt()).isEqualTo(3);

    JsonNode child = rest.withBasicAuth("paula", "paula").getForObject("/api/partners/" + code(base), JsonNode.class);
    assertThat(child.get("parentCode").asText()).isEqualTo(code(base + 1));
    assertThat(child.get("status").asText()).isEqualTo("PROSPECT");
    assertThat(child.get("contacts").get(1).get("name").asText()).isEqualTo("Wang; Fang");

    byte[] exported = download(rest, "paula", "/api/partners/export.xlsx?q=" + tag).getBody();
    List<List<String>> before = read(exported, 0);
    assertThat(before.subList(1, 4).stream().map(r -> r.subList(0, 9)).toList()).isEqualTo(original.stream()
        .map(r -> r.stream().map(v -> v == null ? "" : v).toList()).toList());

    jdbc.update("update partner set parent_id = null where legal_name like ?", tag + "%");
    jdbc.update("delete from partner where legal_name like ?", tag + "%");
    ResponseEntity<JsonNode> again = upload(rest, "paula", "/api/partners/import", exported, "cordon-partners.xlsx");
    assertThat(again.getStatusCode()).as(String.valueOf(again.getBody())).isEqualTo(HttpStatus.OK);
    List<List<String>> after = read(download(rest, "paula", "/api/partners/export.xlsx?q=" + tag).getBody(), 0);
    int kept = 12; // up to Next re-certification; Version, Created, Updated are assigned anew
    assertThat(after.stream().map(r -> r.subList(0, Math.min(kept, r.size()))).toList())
        .isEqualTo(before.stream().map(r -> r.subList(0, Math.min(kept, r.size()))).toList());
  }

  @Test
  void reportsEveryBadRowAndWritesNothing() {
    String tag = tag();
    byte[] file = xlsx(List.of(HEADER,
        row(null, tag + " ok", null, "FR", null, null, "DISTRIBUTOR", null, "Jean <jean@example.fr>"),
        row(null, tag + " mail", null, "FR", null, null, "DISTRIBUTOR", null, "Jean <jean-at-example.fr>; Eve <eve@example>"),
        row(null, tag + " country", null, "Frankreich", null, null, "DISTRIBUTOR", null, null),
        row(null, tag + " iso", null, "QQ", null, null, "DISTRIBUTOR", null, null),
        row(null, tag + " parent", null, "FR", null, null, "DISTRIBUTOR", "P-99999999", null),
        row(null, tag + " contact", null, "FR", null, null, "WHOLESALER", null, "just a name"),
        row(null, "n".repeat(201), null, "FR", null, null, "SUPPLIER", null, null)));
    long before = jdbc.queryForObject("select count(*) from partner", Long.class);
    ResponseEntity<JsonNode> response = upload(rest, "paula", "/api/partners/import", file, "bad.xlsx");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    List<String> errors = StreamSupport.stream(response.getBody().get("errors").spliterator(), false)
        .map(e -> e.get("row").asInt() + " " + e.get("cell").asText() + " " + e.get("message").asText()).toList();
    assertThat(response.getBody().get("rejected").asInt()).as(String.join("\n", errors)).isEqualTo(6);
    assertThat(errors).contains(
        "3 I3 contact 1 email: must be an e-mail address such as name@example.com",
        "3 I3 contact 2 email: must be an e-mail address such as name@example.com",
        "4 D4 must be an ISO 3166 alpha-2 country code such as DE or CN",
        "5 D5 'QQ' is not an ISO 3166 country code",
        "6 H6 no partner with code P-99999999 in the register or in this file",
        "7 G7 'WHOLESALER' is not one of SUPPLIER, CONTRACT_MANUFACTURER, DISTRIBUTOR, RD_PARTNER, SERVICE_PROVIDER",
        "7 I7 contact 1: write it as Name <e-mail> (role), the role is optional",
        "8 B8 size must be between 0 and 200 (it has 201)");
    assertThat(jdbc.queryForObject("select count(*) from partner", Long.class)).isEqualTo(before);
    assertThat(upload(rest, "lena", "/api/partners/import", file, "bad.xlsx").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private static List<String> row(String... values) {
    return Arrays.asList(values);
  }

  private static String code(long number) {
    return String.format("P-%04d", number);
  }

  private static String tag() {
    return "T" + UUID.randomUUID().toString().substring(0, 8);
  }
}
