package io.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import io.cordon.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The permission matrix of docs/security.md, read from the page itself: every operation of the OpenAPI description
 * is in it (and nothing else from /api), and every operation answers each demo group exactly as the table says.
 */
@CordonIntegrationTest
class PermissionMatrixIT {

  static final Path DOC = Path.of("docs", "security.md");
  static final List<String> COLUMNS = List.of("anonymous", "procurement", "legal", "secret-owners", "security", "admins");
  static final Map<String, String> USER_OF = Map.of("procurement", "paula", "legal", "lena", "secret-owners", "oscar",
      "security", "sam", "admins", "ada");
  private static final Pattern OPERATION = Pattern.compile("^\\|\\s*`(GET|POST|PUT|DELETE|PATCH) ([^`]+)`[^|]*\\|(.*)$");

  record Row(String method, String path, Map<String, String> expected) {
    String key() {
      return method + " " + path;
    }
  }

  @Autowired
  TestRestTemplate rest;
  @LocalServerPort
  int port;

  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  final ObjectMapper json = new ObjectMapper();
  final Map<String, String> params = new HashMap<>();

  static List<Row> matrix() throws IOException {
    List<Row> rows = new ArrayList<>();
    boolean inSection = false;
    for (String line : Files.readAllLines(DOC)) {
      if (line.startsWith("## ")) {
        inSection = line.startsWith("## Permission matrix");
      }
      Matcher m = OPERATION.matcher(line);
      if (inSection && m.matches()) {
        String[] cells = m.group(3).split("\\|");
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
          expected.put(COLUMNS.get(i), cells[i].trim());
        }
        rows.add(new Row(m.group(1), m.group(2).trim(), expected));
      }
    }
    return rows;
  }

  @BeforeEach
  void fixtures() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String secret = Api.as(rest, "sam").post("/api/secrets", Fixtures.secret("Matrix crown jewel " + run, "CROWN_JEWEL", "oscar"))
        .getBody().get("code").asText();
    String partner = Api.as(rest, "paula").post("/api/partners", Fixtures.partner("Matrix Partner " + run, "DE", null))
        .getBody().get("code").asText();
    JsonNode disclosure = Api.as(rest, "paula").post("/api/disclosures", Map.of("secretCode", secret, "partnerCode", partner,
        "purpose", "Matrix", "permittedRecipients", List.of("Engineering"))).getBody();
    params.put("secretCode", secret);
    params.put("partnerCode", partner);
    params.put("disclosureId", disclosure.get("id").asText());
  }

  @Test
  void theMatrixNamesEveryOperationOfTheApiDescriptionAndNoOther() throws IOException {
    JsonNode docs = Api.as(rest, "ada").get("/v3/api-docs").getBody();
    TreeSet<String> described = new TreeSet<>();
    docs.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
        .forEachRemaining(method -> described.add(method.toUpperCase() + " " + p.getKey())));
    TreeSet<String> documented = new TreeSet<>();
    matrix().stream().filter(r -> r.path().startsWith("/api/")).forEach(r -> documented.add(r.key()));
    assertThat(documented).as("docs/security.md lists exactly the operations of /v3/api-docs").isEqualTo(described);
  }

  @Test
  void anonymousNeverGets2xxAndEachGroupGetsExactlyWhatTheMatrixSays() throws Exception {
    JsonNode docs = Api.as(rest, "ada").get("/v3/api-docs").getBody();
    Map<String, String> sessions = new HashMap<>();
    List<String> failures = new ArrayList<>();
    List<Row> rows = matrix();
    int calls = 0;
    for (Row row : rows) {
      for (String column : COLUMNS) {
        String expected = row.expected().get(column);
        String user = USER_OF.get(column);
        HttpResponse<String> response = call(row, user, docs, sessions);
        calls++;
        int status = response.statusCode();
        boolean ok = switch (expected) {
          case "401" -> status == 401;
          case "yes" -> status != 401 && status != 403;
          // The group may call it; the record's own rule decides (the fixture is a crown jewel the group may not see).
          case "record" -> status != 401;
          case "no" -> status == 403;
          default -> false;
        };
        if (status >= 200 && status < 300 && user == null) {
          ok = false;
        }
        if (!ok) {
          failures.add(row.key() + " as " + column + ": expected " + expected + ", got " + status + " "
              + abbreviate(response.body()));
        }
      }
    }
    System.out.printf("Permission matrix: %d operations, %d calls, %d failures%n", rows.size(), calls, failures.size());
    assertThat(failures).isEmpty();
    assertThat(rows).hasSizeGreaterThan(40);
  }

  private HttpResponse<String> call(Row row, String user, JsonNode docs, Map<String, String> sessions) throws Exception {
    boolean tasklist = row.path().startsWith("/camunda/");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + fill(row.path())));
    if (user != null && tasklist) {
      request.header("Cookie", sessions.computeIfAbsent(user, this::tasklistSession));
    } else if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    String contentType = contentType(docs, row);
    if (row.method().equals("GET") || row.method().equals("DELETE")) {
      request.method(row.method(), HttpRequest.BodyPublishers.noBody());
    } else if ("multipart/form-data".equals(contentType)) {
      String boundary = "matrix" + UUID.randomUUID();
      String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"empty.xlsx\"\r\n"
          + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\nnot a workbook\r\n--" + boundary + "--\r\n";
      request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .method(row.method(), HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.header("Content-Type", "application/json").method(row.method(), HttpRequest.BodyPublishers.ofString("{}"));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String contentType(JsonNode docs, Row row) {
    JsonNode content = docs.path("paths").path(row.path()).path(row.method().toLowerCase()).path("requestBody").path("content");
    return content.has("multipart/form-data") && !content.has("application/json") ? "multipart/form-data" : "application/json";
  }

  private String fill(String path) {
    String secretOrPartner = path.startsWith("/api/secrets/") ? params.get("secretCode") : params.get("partnerCode");
    return path.replace("/api/disclosures/{id}", "/api/disclosures/" + params.get("disclosureId"))
        .replace("{code}", secretOrPartner)
        .replace("{partnerCode}", params.get("partnerCode"))
        .replace("{id}", "999999")
        .replace("{reference}", "NDA-9999-999")
        .replace("{ndaReference}", "NDA-9999-999")
        .replace("{version}", "1")
        .replace("{key}", "nda-mutual-en-zh")
        .replace("{taskId}", "no-such-task")
        .replace("{userId}", "nobody-" + UUID.randomUUID().toString().substring(0, 8));
  }

  /** Logs in through Tasklist's own login, as the browser does, and returns the session cookie. */
  private String tasklistSession(String user) {
    try {
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      List<String> cookies = page.headers().allValues("Set-Cookie");
      String csrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().split(";")[0];
      String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session + "; " + csrf)
          .header("X-XSRF-TOKEN", csrf.substring("XSRF-TOKEN=".length()))
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as("Tasklist login of " + user).isEqualTo(200);
      return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
          .findFirst().map(c -> c.split(";")[0]).orElse(session);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
  }
}
