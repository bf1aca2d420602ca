package io.cordon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import io.cordon.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A hostile corpus over every write operation of the OpenAPI description: never a 5xx, never a stack trace, class
 * name, engine code or SQL in the answer; text that is accepted is stored and read back literally.
 */
@CordonIntegrationTest
public class HostileInputIT {

  static final String MEGABYTE = "x".repeat(1024 * 1024);
  /** Stored as text when accepted. */
  public static final List<String> PRINTABLE = List.of("<script>alert(1)</script>", "<b onmouseover=alert(1)>x</b>", "${7*7} ${jndi:ldap://x/a}",
      "#{7*7} #{T(java.lang.Runtime).getRuntime()}", "{{7*7}}", "'; DROP TABLE trade_secret; --", "1' OR '1'='1", "\" OR 1=1 --",
      "%s%n%x", "../../etc/passwd", "Zero\u200Bwidth\u200C\u200D\uFEFF", "Emoji 🔐👩‍💻", "شريك", "深圳市𠮷野家", "\\u0000 \\n literal");
  /** Refused with a 400 naming the field. */
  public static final List<String> REFUSED = List.of("Null\u0000byte", "Bell\u0007", "Escape\u001B[31m", "Override\u202Eevil", "Isolate\u2066x\u2069",
      "Mark\u200F", "Arabic mark\u061C", "Embedding\u202Ax\u202C", MEGABYTE);
  /** What an answer must never show. */
  public static final Pattern LEAK = Pattern.compile("Exception|\\tat |\\bat (java|org|io|com)\\.|java\\.|jakarta\\.|org\\.(springframework|hibernate|camunda|h2)"
      + "|io\\.cordon\\.|com\\.(fasterxml|mysql)|SQL|JDBC|syntax error|ENGINE-\\d|trade_secret|evidence_event|Duplicate entry");

  @Autowired
  TestRestTemplate rest;
  @LocalServerPort
  int port;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @Test
  void noWriteOperationAnswers5xxOrLeaksInternals() throws Exception {
    JsonNode docs = Api.as(rest, "ada").get("/v3/api-docs").getBody();
    Map<String, String> params = fixtures();
    List<String> failures = new ArrayList<>();
    int operations = 0;
    int cases = 0;
    for (var path : iterable(docs.get("paths").fields())) {
      for (var op : iterable(path.getValue().fields())) {
        String method = op.getKey().toUpperCase();
        JsonNode content = op.getValue().path("requestBody").path("content");
        if (!(method.equals("POST") || method.equals("PUT"))) {
          continue;
        }
        operations++;
        String uri = fill(path.getKey(), params);
        if (content.has("application/json")) {
          JsonNode schema = resolve(docs, content.get("application/json").path("schema"));
          for (byte[] body : bodies(docs, schema)) {
            cases++;
            HttpResponse<String> r = send(method, uri, "application/json", body);
            check(failures, method + " " + path.getKey(), body, r);
          }
        }
        // Every write operation also gets files it did not ask for, or bad ones where it asks for a file.
        for (byte[] file : files()) {
          String boundary = "hostile" + UUID.randomUUID();
          for (String part : List.of("file", "other")) {
            byte[] body = multipart(boundary, part, file);
            cases++;
            HttpResponse<String> r = send(method, uri, "multipart/form-data; boundary=" + boundary, body);
            check(failures, method + " " + path.getKey() + " multipart " + part, file, r);
          }
        }
      }
    }
    System.out.printf("Hostile corpus: %d write operations, %d cases, %d failures%n", operations, cases, failures.size());
    assertThat(failures).isEmpty();
    assertThat(operations).isGreaterThanOrEqualTo(17);
  }

  @Test
  void acceptedTextIsStoredAndReadBackLiterallyAndRefusedTextNamesTheField() throws Exception {
    List<String> failures = new ArrayList<>();
    for (String value : PRINTABLE) {
      Map<String, Object> secret = Fixtures.secret(value + " " + UUID.randomUUID(), "SECRET", "oscar");
      secret.put("summary", value);
      secret.put("systems", List.of(value));
      JsonNode created = Api.as(rest, "sam").post("/api/secrets", secret).getBody();
      JsonNode read = Api.as(rest, "sam").get("/api/secrets/" + created.get("code").asText()).getBody();
      if (!read.get("title").asText().equals(secret.get("title")) || !read.get("summary").asText().equals(value)
          || !read.get("systems").get(0).asText().equals(value)) {
        failures.add("secret: " + value + " came back as " + read);
      }
      Map<String, Object> partner = Fixtures.partner(value, "DE", null);
      partner.put("address", value);
      JsonNode p = Api.as(rest, "paula").post("/api/partners", partner).getBody();
      JsonNode pr = Api.as(rest, "paula").get("/api/partners/" + p.get("code").asText()).getBody();
      if (!pr.get("legalName").asText().equals(value) || !pr.get("address").asText().equals(value)) {
        failures.add("partner: " + value + " came back as " + pr);
      }
    }
    for (String value : REFUSED) {
      Map<String, Object> partner = Fixtures.partner(value, "DE", null);
      var response = Api.as(rest, "paula").post("/api/partners", partner);
      if (response.getStatusCode().value() != 400 || !response.getBody().toString().contains("legalName")) {
        failures.add("partner legalName " + escape(value) + ": " + response.getStatusCode() + " " + response.getBody());
      }
    }
    assertThat(failures).isEmpty();
  }

  private List<byte[]> bodies(JsonNode docs, JsonNode schema) throws Exception {
    List<byte[]> bodies = new ArrayList<>();
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    schema.path("properties").fields().forEachRemaining(f -> fields.put(f.getKey(), resolve(docs, f.getValue())));
    List<String> strings = new ArrayList<>(PRINTABLE);
    strings.addAll(REFUSED);
    for (var field : fields.entrySet()) {
      String name = field.getKey();
      JsonNode type = field.getValue();
      for (String s : strings) {
        bodies.add(bytes(Map.of(name, s)));
        if (type.has("properties")) {
          // one level down, e.g. {"details": {"title": ...}}
          type.path("properties").fieldNames().forEachRemaining(inner -> bodies.add(bytes(Map.of(name, Map.of(inner, s)))));
        }
      }
      for (String raw : List.of("1e400", "99999999999999999999999999999999", "-99999999999999999999999999999999", "NaN",
          "[]", "{}", "true", "\"text\"", "[1,2,3]", "null", "\"" + "9".repeat(5000) + "\"")) {
        bodies.add(("{\"" + name + "\":" + raw + "}").getBytes(StandardCharsets.UTF_8));
      }
      bodies.add(("{\"" + name + "\":\"a\",\"" + name + "\":\"b\"}").getBytes(StandardCharsets.UTF_8));
    }
    bodies.add("{\"zzUnknownField\":1,\"content\":\"the secret itself\"}".getBytes(StandardCharsets.UTF_8));
    bodies.add(("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
    bodies.add(("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
    bodies.add(new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '"', '}'});
    bodies.add(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, '{', 0, '}'});
    for (String raw : List.of("", "null", "[]", "\"x\"", "<xml/>", "{", "{\"a\":}", "{'single':1}", "{\"a\":1}}")) {
      bodies.add(raw.getBytes(StandardCharsets.UTF_8));
    }
    bodies.add(("{\"x\":\"" + MEGABYTE + "\"}").getBytes(StandardCharsets.UTF_8));
    return bodies;
  }

  private void check(List<String> failures, String operation, byte[] body, HttpResponse<String> r) {
    String shown = escape(new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8));
    if (r.statusCode() >= 500) {
      failures.add(operation + " " + shown + ": " + r.statusCode() + " " + abbreviate(r.body()));
    } else if (r.body() != null && LEAK.matcher(withoutEchoes(r.body())).find()) {
      failures.add(operation + " " + shown + ": leaks " + abbreviate(r.body()));
    }
  }

  /** The answer without the corpus' own text, which a message may rightly quote ("unknown owner '...'"). */
  private String withoutEchoes(String body) {
    String cleaned = body;
    for (String s : PRINTABLE) {
      try {
        String escaped = json.writeValueAsString(s);
        cleaned = cleaned.replace(escaped.substring(1, escaped.length() - 1), "").replace(s, "");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return cleaned;
  }

  private static List<byte[]> files() {
    byte[] zipHeader = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
    byte[] random = new byte[1024 * 1024];
    new java.util.Random(42).nextBytes(random);
    return List.of(new byte[0], "not a workbook <script>".getBytes(StandardCharsets.UTF_8), zipHeader, random,
        "=cmd|' /C calc'!A0,\"${jndi:x}\"".getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] multipart(String boundary, String part, byte[] file) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"../../evil<x>.xlsx\"\r\n"
        + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private HttpResponse<String> send(String method, String uri, String contentType, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ada:ada".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Map<String, String> fixtures() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String secret = Api.as(rest, "sam").post("/api/secrets", Fixtures.secret("Hostile target " + run, "SECRET", "oscar"))
        .getBody().get("code").asText();
    String partner = Api.as(rest, "paula").post("/api/partners", Fixtures.partner("Hostile Target " + run, "DE", null))
        .getBody().get("code").asText();
    String disclosure = Api.as(rest, "paula").post("/api/disclosures", Map.of("secretCode", secret, "partnerCode", partner,
        "purpose", "Hostile", "permittedRecipients", List.of("Engineering"))).getBody().get("id").asText();
    return Map.of("secret", secret, "partner", partner, "disclosure", disclosure);
  }

  private static String fill(String path, Map<String, String> p) {
    return path.replace("/api/disclosures/{id}", "/api/disclosures/" + p.get("disclosure"))
        .replace("{code}", path.startsWith("/api/secrets/") ? p.get("secret") : p.get("partner"))
        .replace("{reference}", "NDA-9999-999").replace("{key}", "nda-mutual-en-zh").replace("{id}", "999999")
        .replace("{taskId}", "no-such-task");
  }

  private static JsonNode resolve(JsonNode docs, JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    if (ref.startsWith("#/components/schemas/")) {
      return docs.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
    }
    return schema;
  }

  private byte[] bytes(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
    return () -> iterator;
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(80).forEach(c -> {
      if (c < 0x20 || (c >= 0x200B && c <= 0x206F) || c == 0x061C || c == 0xFEFF) b.append(String.format("\\u%04X", c));
      else b.appendCodePoint(c);
    });
    return b.toString();
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }
}
