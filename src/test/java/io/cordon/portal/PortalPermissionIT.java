package io.cordon.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.notification.Inbox;
import io.cordon.notification.OutboxSender;
import io.cordon.partner.Contact;
import io.cordon.partner.RiskTier;
import io.cordon.platform.HostileInputIT;
import io.cordon.recertification.Period;
import io.cordon.recertification.RecertificationFixture;
import io.cordon.recertification.RecertificationService;
import io.cordon.secret.Classification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partner-link table of docs/security.md, read from the page: every request in every state of a link answers
 * exactly as the table says, as HTML without internals. And the hostile corpus on the answer of an open link: never a
 * 5xx or a leak, accepted text kept literally, refused text refused with nothing kept.
 */
@CordonIntegrationTest
class PortalPermissionIT {

  static final List<String> COLUMNS = List.of("no token", "guessed", "used", "expired", "withdrawn", "open", "other site");
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`(GET|POST) ([^`]+)`([^|]*)\\|(.*)$");

  @LocalServerPort
  int port;
  @Autowired
  ManagementService management;
  @Autowired
  RecertificationFixture fixture;
  @Autowired
  RecertificationService service;
  @Autowired
  OutboxSender sender;
  @Autowired
  PartnerLinks links;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TransactionTemplate tx;
  @Autowired
  PortalRateLimiter limiter;
  @Autowired
  PortalProperties properties;

  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void init() {
    sender.sweep();
    Inbox.clear();
    limiter.reset(10_000, 10_000);
  }

  @AfterEach
  void reset() {
    sender.sweep();
    ClockUtil.reset();
    limiter.reset(properties.perToken(), properties.perAddress());
  }

  record Row(String method, String path, String note, List<String> expected) {
  }

  static List<Row> table() throws Exception {
    List<Row> rows = new ArrayList<>();
    boolean inSection = false;
    for (String line : Files.readAllLines(Path.of("docs", "security.md"))) {
      if (line.startsWith("## ")) {
        inSection = line.startsWith("## Partner links");
      }
      Matcher m = ROW.matcher(line);
      if (inSection && m.matches()) {
        List<String> cells = new ArrayList<>();
        for (String cell : m.group(4).split("\\|")) {
          if (!cell.isBlank()) {
            cells.add(cell.strip());
          }
        }
        rows.add(new Row(m.group(1), m.group(2).strip(), m.group(3).strip(), cells));
      }
    }
    return rows;
  }

  @Test
  void everyRequestInEveryStateOfALinkAnswersAsTheTableSays() throws Exception {
    var p = fixture.activePartner(RiskTier.MEDIUM, 6, List.of(), Classification.SECRET);
    var spent = fixture.activePartner(RiskTier.MEDIUM, 6, List.of(), Classification.SECRET);
    Period period = PortalClient.openWindow(service, management, p);
    String open = PortalClient.tokenFromMail(sender, p.contactEmail());
    PortalClient.openWindow(service, management, spent);
    String used = PortalClient.tokenFromMail(sender, spent.contactEmail());
    assertThat(new PortalClient(port).post(used, PortalAttestationIT.answer(spent, "Jo Partner")).statusCode()).isEqualTo(200);
    String expired = extraLink(p, period);
    jdbc.update("update partner_link set expires_at = ? where token_hash = ?",
        Timestamp.from(ClockUtil.getCurrentTime().toInstant().minus(Duration.ofMinutes(1))), PortalAttestationIT.sha256(expired));
    String withdrawn = extraLink(p, period);
    jdbc.update("update partner_link set revoked_at = ?, revoked_reason = 'test' where token_hash = ?",
        Timestamp.from(ClockUtil.getCurrentTime().toInstant()), PortalAttestationIT.sha256(withdrawn));
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("no token", "");
    tokens.put("guessed", "Zm9yZ2VkLXRva2VuLXRoYXQtd2FzLW5ldmVyLWlzc3Vl");
    tokens.put("used", used);
    tokens.put("expired", expired);
    tokens.put("withdrawn", withdrawn);
    tokens.put("open", open);
    tokens.put("other site", open);

    List<Row> rows = table();
    assertThat(rows).hasSize(6);
    List<String> failures = new ArrayList<>();
    for (Row row : rows) {
      for (int i = 0; i < COLUMNS.size(); i++) {
        String column = COLUMNS.get(i);
        HttpResponse<String> r = call(row, tokens.get(column), column.equals("other site"));
        String expected = row.expected().get(i);
        if (!String.valueOf(r.statusCode()).equals(expected)) {
          failures.add(row.method() + " " + row.path() + " " + column + ": expected " + expected + ", got " + r.statusCode());
        }
        if (HostileInputIT.LEAK.matcher(r.body()).find()) {
          failures.add(row.method() + " " + row.path() + " " + column + ": leaks internals");
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(http.send(HttpRequest.newBuilder(uri("/partner/assets/portal.css")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    assertThat(p.process().getId()).isNotNull();
  }

  @Test
  void hostileAnswersNeverLeakAndAreKeptLiterallyOrRefusedWithNothingKept() throws Exception {
    var p = fixture.activePartner(RiskTier.MEDIUM, 6, List.of(), Classification.SECRET);
    Period period = PortalClient.openWindow(service, management, p);
    String token = PortalClient.tokenFromMail(sender, p.contactEmail());
    PortalClient client = new PortalClient(port);
    long id = p.disclosureIds().get(0);
    List<String> failures = new ArrayList<>();
    // Refused: in the contact's name, a holder's name, an incident. Nothing is kept, the link stays open.
    for (String bad : HostileInputIT.REFUSED) {
      for (String field : List.of("respondentName", "holders-" + id, "incident-" + id)) {
        Map<String, String> form = PortalAttestationIT.answer(p, "Jo Partner");
        form.put(field, field.startsWith("holders") ? "Jo Partner\n" + bad : bad);
        HttpResponse<String> r = client.post(token, form);
        if (r.statusCode() != 400 || HostileInputIT.LEAK.matcher(r.body()).find()) {
          failures.add(field + " = " + printable(bad) + ": " + r.statusCode());
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from partner_submission where partner_code = ?", Integer.class,
        p.code())).isZero();
    // Printable hostile text is an answer like any other: kept literally, shown escaped.
    String hostile = String.join(" ", HostileInputIT.PRINTABLE.subList(0, 9));
    Map<String, String> form = PortalAttestationIT.answer(p, "Jo Partner");
    form.put("incident-" + id, hostile.substring(0, Math.min(hostile.length(), 1900)));
    form.put("respondentName", "<script>alert(1)</script>");
    HttpResponse<String> receipt = client.post(token, form);
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(receipt.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(service.answers(period.id())).singleElement()
        .satisfies(a -> assertThat(a.incident()).isEqualTo(form.get("incident-" + id)));
  }

  /** Another link of the same request, issued as the outbox would issue it, for the states the table needs. */
  private String extraLink(RecertificationFixture.Partner p, Period period) {
    long id = tx.execute(s -> links.create("ATTESTATION", period.id(), p.code(),
        List.of(new Contact("Extra Contact", "extra-" + System.nanoTime() + "@partner.example", "buyer")),
        p.process().getId())).get(0).id();
    return links.resolve(String.valueOf(id)).orElseThrow();
  }

  private HttpResponse<String> call(Row row, String token, boolean otherSite) throws Exception {
    String path = row.path().replace("{token}", token);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (row.note().contains("Bearer")) {
      request.header("Authorization", "Bearer " + token);
    }
    if (row.method().equals("POST") && row.note().contains("multipart")) {
      String boundary = "portal" + System.nanoTime();
      request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
              + "name=\"respondentName\"\r\n\r\nJo\r\n--" + boundary + "\r\nContent-Disposition: form-data; "
              + "name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--"
              + boundary + "--\r\n"));
      if (otherSite) {
        request.header("Origin", "https://evil.example");
      }
    } else if (row.method().equals("POST")) {
      request.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("respondentName=Jo"));
      if (otherSite) {
        request.header("Origin", "https://evil.example");
      }
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String printable(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s.replaceAll("\\p{Cntrl}", "?");
  }
}
