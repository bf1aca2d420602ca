package io.cordon.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import io.cordon.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A crown jewel with a unique title is never found by anyone but its owner, security and admins: not in lists,
 * filters, sort order, search, exports read back, evidence, holders, or the engine's variables and tasks.
 */
@CordonIntegrationTest
class CrownJewelChannelsIT {

  /** Not entitled: procurement, legal, and a secret owner who does not own it. */
  static final List<String> OUTSIDERS = List.of("paula", "lena", "olivia");
  static final List<String> ENTITLED = List.of("oscar", "sam", "ada");

  @Autowired
  TestRestTemplate rest;

  String title;
  String code;
  String partner;

  @BeforeEach
  void crownJewelDisclosedToAPartner() {
    String run = UUID.randomUUID().toString().replace("-", "");
    // Between two visible titles, so a sort by title would place it between them if it leaked.
    title = "Nebula " + run + " jewel";
    Api.as(rest, "oscar").post("/api/secrets", Fixtures.secret("Nebula " + run + " ante", "CONFIDENTIAL", "olivia"));
    Api.as(rest, "oscar").post("/api/secrets", Fixtures.secret("Nebula " + run + " post", "CONFIDENTIAL", "olivia"));
    Map<String, Object> secret = Fixtures.secret(title, "CROWN_JEWEL", "oscar");
    secret.put("category", "DATA");
    code = Api.as(rest, "sam").post("/api/secrets", secret).getBody().get("code").asText();
    JsonNode current = Api.as(rest, "sam").get("/api/secrets/" + code).getBody();
    secret.put("summary", "Changed summary of " + title);
    Api.as(rest, "sam").put("/api/secrets/" + code, Map.of("version", current.get("version").asLong(), "details", secret));
    partner = Api.as(rest, "paula").post("/api/partners", Fixtures.partner("Jewel Holder " + run, "DE", null)).getBody().get("code").asText();
    Api.as(rest, "paula").post("/api/disclosures", Map.of("secretCode", code, "partnerCode", partner, "purpose", "Channel test",
        "permittedRecipients", List.of("Engineering")));
    // An export by an entitled user searching for the title: the evidence must not keep the text.
    get("sam", "/api/secrets/export.xlsx?q=" + title.replace(" ", "%20"), byte[].class);
  }

  @Test
  void theEntitledSeeTheTitleSoTheChannelsBelowCouldShowIt() {
    for (String user : ENTITLED) {
      assertThat(Api.as(rest, user).get("/api/secrets/" + code).getBody().get("title").asText()).as(user).isEqualTo(title);
      assertThat(Api.as(rest, user).get("/api/partners/" + partner + "/disclosures").getBody().toString()).as(user).contains(title);
    }
    assertThat(Api.as(rest, "sam").get("/api/evidence?secret=" + code).getBody().toString()).contains("\"ownerId\\\":\\\"oscar\\\"");
  }

  @Test
  void outsidersFindNeitherTitleNorOwnerNorCategoryInAnyChannel() throws IOException {
    for (String user : OUTSIDERS) {
      List<String> channels = List.of(
          "/api/secrets/" + code,
          "/api/secrets?size=200&q=" + title.replace(" ", "%20"),
          "/api/secrets?size=200&sort=title",
          "/api/secrets?size=200&sort=title,desc&classification=CROWN_JEWEL",
          "/api/partners/" + partner + "/disclosures",
          "/api/secrets/" + code + "/holders",
          "/engine-rest/task?maxResults=500",
          "/engine-rest/variable-instance?maxResults=500",
          "/engine-rest/history/variable-instance?maxResults=500",
          "/engine-rest/history/task?maxResults=500");
      for (String channel : channels) {
        ResponseEntity<String> response = get(user, channel, String.class);
        if (channel.startsWith("/engine-rest")) {
          // A paged query, answered: a refusal (an unbounded query is a 400) would prove nothing here.
          assertThat(response.getStatusCode().is2xxSuccessful()).as(user + " " + channel + " answers").isTrue();
        }
        assertThat(response.getBody()).as(user + " " + channel).doesNotContain(title).doesNotContain("Changed summary");
      }
      assertThat(Api.as(rest, user).get("/api/secrets/" + code).getBody().get("redacted").asBoolean()).isTrue();
      // Filters never match a crown jewel on an attribute the caller may not see.
      assertThat(codes(user, "/api/secrets?size=200&owner=oscar&classification=CROWN_JEWEL")).as(user).doesNotContain(code);
      assertThat(codes(user, "/api/secrets?size=200&category=DATA&classification=CROWN_JEWEL")).as(user).doesNotContain(code);
      assertThat(codes(user, "/api/secrets?size=200&q=Nebula")).as(user).doesNotContain(code);
      // Sorting by a hidden attribute by an arbitrary path is refused.
      assertThat(get(user, "/api/partners/" + partner + "/disclosures?sort=secret.title", String.class).getStatusCode())
          .isEqualTo(HttpStatus.BAD_REQUEST);
      // Workbooks read back.
      for (String workbook : List.of("/api/secrets/export.xlsx", "/api/secrets/export.xlsx?classification=CROWN_JEWEL",
          "/api/partners/" + partner + "/lineage.xlsx", "/api/secrets/" + code + "/lineage.xlsx")) {
        ResponseEntity<byte[]> xlsx = get(user, workbook, byte[].class);
        assertThat(xlsx.getStatusCode()).as(workbook).isEqualTo(HttpStatus.OK);
        assertThat(cells(xlsx.getBody())).as(user + " " + workbook).noneMatch(c -> c.contains(title) || c.contains("Changed summary"));
      }
    }
    // Legal reads evidence: the events about the crown jewel keep its owner and category out, the export its search text.
    for (String evidence : List.of("/api/evidence?secret=" + code, "/api/evidence?partner=" + partner,
        "/api/evidence?after=0&limit=1000")) {
      String events = get("lena", evidence, String.class).getBody();
      assertThat(events).as(evidence).doesNotContain(title);
    }
    for (JsonNode event : Api.as(rest, "lena").get("/api/evidence?secret=" + code).getBody()) {
      assertThat(event.get("payload").asText()).as(event.get("type").asText()).doesNotContain("oscar").doesNotContain("DATA");
    }
  }

  @Test
  void sortingByAHiddenAttributeKeepsRedactedRowsTogetherInCodeOrder() {
    for (String user : OUTSIDERS) {
      for (String sort : List.of("title", "title,desc", "category", "ownerId,desc", "createdAt", "updatedAt,desc")) {
        List<JsonNode> rows = new ArrayList<>();
        int page = 0;
        JsonNode body;
        do {
          body = Api.as(rest, user).get("/api/secrets?size=200&page=" + page++ + "&sort=" + sort).getBody();
          body.get("content").forEach(rows::add);
        } while (page < body.path("page").path("totalPages").asInt());
        List<Integer> redacted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
          if (rows.get(i).get("redacted").asBoolean()) {
            redacted.add(i);
          }
        }
        assertThat(redacted).as(user + " sort=" + sort).isNotEmpty();
        assertThat(redacted.get(redacted.size() - 1) - redacted.get(0) + 1).as(user + " sort=" + sort + ": one block")
            .isEqualTo(redacted.size());
        List<String> codes = redacted.stream().map(i -> rows.get(i).get("code").asText()).toList();
        assertThat(codes).as(user + " sort=" + sort + ": by code").isSorted();
      }
    }
  }

  private List<String> codes(String user, String path) {
    List<String> codes = new ArrayList<>();
    Api.as(rest, user).get(path).getBody().get("content").forEach(s -> codes.add(s.get("code").asText()));
    return codes;
  }

  private <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, type);
  }

  static List<String> cells(byte[] xlsx) throws IOException {
    List<String> cells = new ArrayList<>();
    DataFormatter format = new DataFormatter();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : workbook) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            cells.add(format.formatCellValue(cell));
          }
        }
      }
    }
    return cells;
  }
}
