package io.cordon.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.disclosure.DisclosureService;
import io.cordon.nda.NdaLifecycle;
import io.cordon.partner.DueDiligenceAnswers;
import io.cordon.partner.PartnerService;
import io.cordon.partner.RiskTier;
import io.cordon.recertification.RecertificationFixture;
import io.cordon.secret.Classification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console's place in the permission matrix over HTTP (anonymous requests get the login page, never data; forms
 * need the CSRF token), and the service queries added for its pages.
 */
@CordonIntegrationTest
class ConsoleQueriesIT {

  @LocalServerPort
  int port;
  @Autowired
  RecertificationFixture fixture;
  @Autowired
  PartnerService partners;
  @Autowired
  NdaLifecycle ndas;
  @Autowired
  DisclosureService disclosures;
  @Autowired
  JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void anonymousRequestsGetTheLoginPageAndNoData() throws Exception {
    var partner = fixture.activePartner(RiskTier.LOW, 6, List.of(), Classification.SECRET);
    String secret = partner.secretCodes().get(0);
    for (String path : List.of("/console", "/console/secrets", "/console/secrets/" + secret, "/console/secrets/new",
        "/console/partners/" + partner.code(), "/console/due", "/console/secrets/import")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> assertThat(l).endsWith("/console/login"));
      assertThat(response.body()).as(path).doesNotContain(secret).doesNotContain(partner.code());
    }
    assertThat(get("/console/login").statusCode()).isEqualTo(200);
    assertThat(get("/console/assets/console.css").statusCode()).isEqualTo(200);
    assertThat(get("/webjars/chart.js/dist/chart.umd.js").statusCode()).isEqualTo(200);

    long before = jdbc.queryForObject("select count(*) from trade_secret", Long.class);
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base() + "/console/secrets/new"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("title=Sneaky&category=DATA&classification=SECRET&ownerId=oscar"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isIn(302, 403);
    assertThat(jdbc.queryForObject("select count(*) from trade_secret", Long.class)).isEqualTo(before);
  }

  @Test
  void webjarLinksCarryTheirVersionAndEveryOtherLinkIsWrittenAsIs() throws Exception {
    var partner = fixture.activePartner(RiskTier.LOW, 6, List.of(), Classification.SECRET);
    ConsoleSession sam = ConsoleSession.signIn(port, "sam");
    String dashboard = sam.get("/console").body();
    java.util.regex.Matcher chart = java.util.regex.Pattern.compile("src=\"(/webjars/chart\\.js/[0-9][^\"]*/dist/chart\\.umd\\.js)\"")
        .matcher(dashboard);
    assertThat(chart.find()).as("the chart script's link names the webjar's version").isTrue();
    assertThat(sam.get(chart.group(1)).statusCode()).isEqualTo(200);
    String secret = partner.secretCodes().get(0);
    assertThat(sam.get("/console/secrets?q=" + secret).body()).contains("href=\"/console/secrets/" + secret + "\"");
  }

  @Test
  void aPartnersNdasAndThoseEndingSoonAreListed() {
    var partner = fixture.activePartner(RiskTier.MEDIUM, 6, List.of(), Classification.CONFIDENTIAL);
    List<NdaLifecycle.NdaSummary> own = ndas.ofPartner(partner.code());
    assertThat(own).extracting(NdaLifecycle.NdaSummary::reference).containsExactly(partner.ndaReference());
    NdaLifecycle.NdaSummary nda = own.get(0);
    assertThat(nda.status()).isEqualTo(NdaLifecycle.Status.EXECUTED);
    assertThat(nda.approvedVersion()).isEqualTo(1);
    assertThat(nda.expiresOn()).isNotNull();

    assertThat(ndas.expiring(nda.expiresOn().minusDays(90), nda.expiresOn(), 1000))
        .extracting(NdaLifecycle.NdaSummary::reference).contains(partner.ndaReference());
    assertThat(ndas.expiring(nda.expiresOn().plusDays(1), nda.expiresOn().plusDays(90), 1000))
        .extracting(NdaLifecycle.NdaSummary::reference).doesNotContain(partner.ndaReference());
  }

  @Test
  void disclosuresAreCountedInTheMonthTheyWereRequested() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String month = YearMonth.from(now.atZone(ZoneOffset.UTC)).toString();
    Instant from = now.minus(40, ChronoUnit.DAYS);
    long before = disclosures.requestedPerMonth(from).getOrDefault(month, 0L);
    fixture.activePartner(RiskTier.LOW, 6, List.of(), Classification.CONFIDENTIAL, Classification.SECRET);
    assertThat(disclosures.requestedPerMonth(from).get(month)).isEqualTo(before + 2);
    assertThat(disclosures.requestedPerMonth(now.plus(100 * 365, ChronoUnit.DAYS))).isEmpty();
  }

  @Test
  void aPartnersLatestDueDiligenceComesWithTheTierItLedTo() {
    var partner = fixture.activePartner(RiskTier.LOW, 6, List.of(), Classification.CONFIDENTIAL);
    assertThat(partners.dueDiligence(partner.code())).isEmpty();
    partners.recordDueDiligence(partner.code(), null, new DueDiligenceAnswers("ISO 27001", true, false, false, "EU",
        "LOW", "GDPR", "No findings"));
    assertThat(partners.dueDiligence(partner.code())).hasValueSatisfying(dd -> {
      assertThat(dd.answers().securityCertifications()).isEqualTo("ISO 27001");
      assertThat(dd.answers().findings()).isEqualTo("No findings");
      assertThat(dd.riskTier()).isNull();
    });
    partners.assess(partner.code(), RiskTier.HIGH);
    assertThat(partners.dueDiligence(partner.code()).orElseThrow().riskTier()).isEqualTo(RiskTier.HIGH);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
