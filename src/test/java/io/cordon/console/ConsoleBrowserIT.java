package io.cordon.console;

import static io.cordon.spreadsheet.TestWorkbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import io.cordon.partner.RiskTier;
import io.cordon.recertification.Period;
import io.cordon.recertification.RecertificationFixture;
import io.cordon.recertification.RecertificationService;
import io.cordon.recertification.RecertificationStatus;
import io.cordon.secret.Classification;
import io.cordon.secret.SecretService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console as its users work with it, in headless Chromium: oscar registers and imports secrets, paula opens a
 * partner and starts its processes, lena and paula never see a crown jewel's title, sam reads the calendar and the
 * dashboard. Screenshots of each page: target/browser/console-*.png (and docs/images with CORDON_SCREENSHOTS).
 */
@CordonIntegrationTest
class ConsoleBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  RecertificationFixture fixture;
  @Autowired
  RecertificationService recertifications;
  @Autowired
  SecretService secrets;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;

  @TempDir
  Path files;

  private ConsoleBrowser browser;

  @BeforeEach
  void openBrowser() throws Exception {
    if (System.getenv("CI") == null) {
      Assumptions.assumeTrue(ConsoleBrowser.available(), "Debian's chromium and chromium-driver are not installed");
    }
    browser = new ConsoleBrowser(port);
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    ClockUtil.reset();
    if (browser != null) {
      browser.close();
    }
  }

  private void run(String name, Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException | AssertionError failure) {
      browser.snapshot("failure-console-" + name);
      throw failure;
    }
  }

  @Test
  void anonymousGetsTheLoginPageAndNoData() {
    var partner = fixture.activePartner(RiskTier.LOW, 6, List.of(), Classification.SECRET);
    String secret = partner.secretCodes().get(0);
    run("anonymous", () -> {
      for (String path : List.of("/console", "/console/secrets", "/console/secrets/" + secret, "/console/partners",
          "/console/partners/" + partner.code(), "/console/due", "/console/secrets/import",
          "/console/packs/" + UUID.randomUUID())) {
        browser.open(path);
        assertThat(browser.path()).as(path).isEqualTo("/console/login");
        assertThat(browser.source()).as(path).doesNotContain(secret).doesNotContain(partner.code());
      }
      browser.screenshot("login");
      // A wrong password is refused on the page (Camunda then delays that user's next attempt, so another user signs
      // in); the right one opens the dashboard, and Tasklist with the same session.
      browser.set("username", "olivia");
      browser.set("password", "wrong");
      browser.submit("login-form");
      assertThat(browser.text("[role=alert]")).contains("wrong password");
      browser.login("oscar");
      browser.open("/camunda/api/admin/auth/user/default");
      assertThat(browser.source()).contains("\"userId\":\"oscar\"");
    });
  }

  @Test
  void ownerRegistersASecretAndBadInputIsShownNextToTheField() {
    String title = "Glaze recipe family " + UUID.randomUUID().toString().substring(0, 8);
    run("register", () -> {
      browser.login("oscar");
      browser.open("/console/secrets/new");
      browser.set("title", " ");
      browser.set("classification", "SECRET");
      browser.set("category", "TECHNICAL");
      browser.set("countries", "Germany");
      browser.submit("secret-form");
      assertThat(browser.path()).isEqualTo("/console/secrets/new");
      assertThat(browser.text("#title-error")).isEqualTo("must not be blank");
      assertThat(browser.text("#countries-error")).contains("ISO 3166");
      assertThat(browser.find(By.id("title")).getAttribute("class")).contains("invalid");
      browser.screenshot("secret-form-errors");

      browser.set("title", title);
      browser.set("summary", "Which family of glazes, not the recipe");
      browser.set("countries", "de, cn");
      browser.set("systems", "PLM\nLab notebook");
      browser.check("measures", "ACCESS_CONTROL");
      browser.submit("secret-form");
      assertThat(browser.path()).startsWith("/console/secrets/TS-");
      String code = browser.path().substring("/console/secrets/".length());
      assertThat(browser.text("h1")).contains(code).contains(title);
      assertThat(secrets.get(code).countries()).containsExactly("DE", "CN");
      assertThat(secrets.get(code).systems()).containsExactly("PLM", "Lab notebook");

      // A status change with a reason, refused first without a status.
      browser.set("reason", "Line closed");
      browser.submit("status-form");
      assertThat(browser.text("#status-error")).isEqualTo("Choose the new status.");
      browser.set("status", "RETIRED");
      browser.set("reason", "Line closed");
      browser.submit("status-form");
      assertThat(browser.text("#secret-status")).isEqualTo("Retired");
      assertThat(secrets.get(code).status().name()).isEqualTo("RETIRED");

      browser.open("/console/secrets?owner=oscar&status=RETIRED&q=" + title.replace(' ', '+'));
      assertThat(browser.text("#secrets tbody")).contains(code).contains(title);
      browser.screenshot("secrets");
    });
  }

  @Test
  void importWithAnErrorShowsTheRowReportAndImportsNothing() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    List<String> header = List.of("Code", "Title", "Summary", "Category", "Classification", "Owner", "Systems", "Sites",
        "Countries", "Protection measures");
    Path file = files.resolve("inventory.xlsx");
    Files.write(file, xlsx(List.of(header,
        Arrays.asList(null, tag + " coating line", null, "PROCESS", "SECRET", "oscar", null, null, "DE", null),
        Arrays.asList(null, tag + " price model", null, "BUSINESS", "TOP SECRET", "oscar", null, null, "DE", null))));
    run("import", () -> {
      browser.login("oscar");
      browser.open("/console/secrets/import");
      browser.upload("file", file);
      browser.submit("import-form");
      assertThat(browser.text("#import-summary")).contains("nothing was imported");
      String report = browser.text("#row-report tbody");
      assertThat(report).contains("3").contains("Classification").contains("E3");
      browser.screenshot("import");
      browser.open("/console/secrets?q=" + tag);
      assertThat(browser.text("#secrets tbody")).doesNotContain(tag);

      browser.open("/console/secrets/import");
      browser.upload("file", file);
      browser.check("mode", "valid-rows");
      browser.submit("import-form");
      assertThat(browser.text("#import-summary")).isEqualTo("2 rows read, 1 imported, 1 with errors.");
      browser.open("/console/secrets?q=" + tag);
      assertThat(browser.text("#secrets tbody")).contains(tag + " coating line").doesNotContain(tag + " price model");
    });
  }

  @Test
  void holdersOfASecretAfterOnboardingAndAPartnersProcessesStartFromItsPage() {
    var partner = fixture.activePartner(RiskTier.MEDIUM, 6, List.of("Jo Partner"), Classification.SECRET);
    String secret = partner.secretCodes().get(0);
    run("holders", () -> {
      browser.login("oscar");
      browser.open("/console/secrets/" + secret);
      String holders = browser.text("#holders-now tbody");
      assertThat(holders).contains(partner.code()).contains(partner.ndaReference() + " v1").contains("Disclosed")
          .contains("oscar (");
      // The owner has the secret's evidence: the pack to download and the measures scorecard as a table.
      assertThat(browser.find(By.id("evidence-pack")).getAttribute("action")).endsWith("/console/packs/secrets/" + secret);
      assertThat(browser.text("#scorecard tbody")).contains("Documented").contains("each after its NDA was executed");
      browser.screenshot("secret");

      // The pack is built in the background: the build's page shows how far it is, reloads itself, then offers the ZIP.
      browser.submit("evidence-pack");
      assertThat(browser.path()).matches("/console/packs/[0-9a-f-]{36}");
      assertThat(browser.text("h1")).isEqualTo("Evidence pack of " + secret);
      browser.waitFor(Duration.ofMinutes(3), () -> browser.present("#pack-download") || browser.present("[data-status=FAILED]"));
      assertThat(browser.text("#pack-status")).startsWith("The evidence pack is ready:");
      browser.screenshot("pack-build");
      String zip = browser.find(By.id("pack-download")).getAttribute("href");
      assertThat(zip).matches(".*/api/evidence/packs/builds/[0-9a-f-]{36}/zip");
      // The link downloads the ZIP with the page's own session.
      assertThat(browser.js("return fetch(arguments[0]).then(r => r.arrayBuffer().then(b => r.status + ' '"
          + " + r.headers.get('Content-Type') + ' ' + String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 2)))));", zip))
          .isEqualTo("200 application/zip PK");
      browser.click(browser.find(By.id("pack-subject")));
      browser.waitFor(() -> browser.path().equals("/console/secrets/" + secret));
      browser.logout();

      browser.login("paula");
      browser.open("/console/partners?status=ACTIVE&country=de&tier=MEDIUM");
      assertThat(browser.text("#partners tbody")).contains(partner.code());
      browser.screenshot("partners");
      browser.open("/console/partners/" + partner.code());
      assertThat(browser.text("#holdings tbody")).contains(secret);
      assertThat(browser.text("#ndas tbody")).contains(partner.ndaReference()).contains("Executed");
      assertThat(browser.text("#periods tbody")).contains("Scheduled");
      browser.screenshot("partner");

      // Offboarding: refused without a reason next to the field, then started through the service; lands in Tasklist.
      browser.submit("offboarding-form");
      assertThat(browser.text("#reason-error")).isEqualTo("Say why the relationship ends.");
      browser.set("reason", "Contract ended");
      browser.submit("offboarding-form");
      assertThat(browser.path()).isEqualTo("/camunda/app/tasklist/default/");
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("OffboardingProcess")
          .processInstanceBusinessKey(partner.code()).count()).isEqualTo(1);
    });
    var other = fixture.activePartner(RiskTier.LOW, 6, List.of(), Classification.CONFIDENTIAL);
    run("start", () -> {
      browser.open("/console/partners/" + other.code());
      browser.click(browser.find(By.id("start-disclosure-request")));
      browser.waitFor(() -> browser.url().contains("processStart=DisclosureRequestProcess"));
      browser.waitFor(() -> browser.source().contains("Start process: Disclosure request"));
    });
  }

  @Test
  void theConsoleSpeaksChineseWhenChosenAndEnglishAgain() {
    var partner = fixture.activePartner(RiskTier.LOW, 6, List.of(), Classification.SECRET);
    String secret = partner.secretCodes().get(0);
    run("chinese", () -> {
      browser.login("lena");
      browser.open("/console/secrets/" + secret);
      assertThat(browser.text("#evidence-heading")).isEqualTo("Evidence for disputes");
      browser.click(browser.find(By.cssSelector("header.top .lang a[hreflang='zh']")));
      browser.waitFor(() -> browser.source().contains("合理保护措施评估表"));
      assertThat(browser.path()).isEqualTo("/console/secrets/" + secret);
      assertThat(browser.text("#evidence-heading")).isEqualTo("争议证据");
      assertThat(browser.text("#holders-heading")).startsWith("当前持有方");
      assertThat(browser.text("#scorecard thead")).contains("法域").contains("结果");
      assertThat(browser.text("#scorecard tbody")).contains("有记录");
      browser.screenshot("secret-zh");
      // The choice is kept from page to page, until English is chosen.
      browser.open("/console/partners");
      assertThat(browser.text("main h1")).isEqualTo("合作方");
      browser.click(browser.find(By.cssSelector("header.top .lang a[hreflang='en']")));
      browser.waitFor(() -> browser.source().contains(">Partners<"));
      browser.open("/console/due");
      assertThat(browser.text("main h1")).isEqualTo("What is due");
    });
  }

  @Test
  void aCrownJewelsTitleNeverAppearsOnAnyPageForThoseNotEntitled() {
    var partner = fixture.activePartner(RiskTier.HIGH, 6, List.of(), Classification.CROWN_JEWEL);
    String code = partner.secretCodes().get(0);
    String title = secrets.get(code).title();
    String word = title.substring(title.lastIndexOf(' ') + 1);
    List<String> pages = List.of("/console", "/console/secrets", "/console/secrets?classification=CROWN_JEWEL",
        "/console/secrets/" + code, "/console/secrets/" + code + "/edit",
        "/console/partners", "/console/partners/" + partner.code(), "/console/due");
    run("crown-jewel", () -> {
      for (String user : List.of("paula", "lena")) {
        browser.login(user);
        for (String page : pages) {
          browser.open(page);
          assertThat(browser.source()).as(user + " " + page).doesNotContain(title);
        }
        // A title search does not find a crown jewel for those who may not see its title.
        browser.open("/console/secrets?q=" + word);
        assertThat(browser.text("#secrets tbody")).doesNotContain(code);
        browser.open("/console/secrets/" + code);
        assertThat(browser.text("h1")).isEqualTo(code);
        assertThat(browser.text("#holders-now tbody")).contains(partner.code());
        browser.logout();
      }
      // The owner sees it: the pages above do show the title to those entitled.
      browser.login("oscar");
      browser.open("/console/partners/" + partner.code());
      assertThat(browser.text("#holdings tbody")).contains(title);
    });
  }

  @Test
  void aLateRecertificationShowsOnTheCalendar() {
    var partner = fixture.activePartner(RiskTier.MEDIUM, 1, List.of(), Classification.CONFIDENTIAL);
    Period period = recertifications.periods(partner.code()).get(0);
    ClockUtil.setCurrentTime(Date.from(period.requestAt()));
    for (int i = 0; i < 5 && recertifications.period(period.id()).status() != RecertificationStatus.REQUESTED; i++) {
      for (Job job : management.createJobQuery().processInstanceId(partner.process().getId()).executable().list()) {
        management.executeJob(job.getId());
      }
    }
    assertThat(recertifications.period(period.id()).status()).isEqualTo(RecertificationStatus.REQUESTED);
    ClockUtil.setCurrentTime(Date.from(period.dueAt().plus(Duration.ofDays(3))));
    String month = period.dueAt().toString().substring(0, 7);
    run("late", () -> {
      browser.login("sam");
      browser.open("/console/due?month=" + month);
      assertThat(browser.text("#calendar")).contains(partner.code() + " Late");
      assertThat(browser.text("#recertifications tbody")).contains(partner.code());
      browser.open("/console/due?month=" + month + "&state=LATE");
      String late = browser.text("#recertifications tbody");
      assertThat(late).contains(partner.code()).contains("Late").contains("3");
      assertThat(late).doesNotContain("Scheduled");
      browser.screenshot("due");
    });
  }

  @Test
  void theDashboardsNumbersMatchTheApi() {
    fixture.activePartner(RiskTier.HIGH, 6, List.of(), Classification.SECRET, Classification.CROWN_JEWEL);
    run("dashboard", () -> {
      browser.login("sam");
      browser.open("/console");
      browser.waitFor(() -> (Boolean) browser.js("return !!window.Chart && Chart.instances && Object.keys(Chart.instances).length >= 6;"));
      for (Classification c : Classification.values()) {
        assertThat(cell("secrets-by-classification", c.ordinal()))
            .as(c.name()).isEqualTo(total("/api/secrets?size=1&classification=" + c));
      }
      for (RiskTier t : RiskTier.values()) {
        assertThat(cell("partners-by-tier", t.ordinal())).as(t.name()).isEqualTo(total("/api/partners?size=1&riskTier=" + t));
      }
      browser.submit("verify-form");
      assertThat(browser.text("#chain-state")).isEqualTo("Intact");
      browser.screenshot("dashboard");
      browser.click(browser.find(By.linkText("Crown jewel")));
      browser.waitFor(() -> browser.url().contains("classification=CROWN_JEWEL"));
      assertThat(browser.text(".count")).isEqualTo(total("/api/secrets?size=1&classification=CROWN_JEWEL") + " found");
    });
  }

  private long cell(String chart, int row) {
    return Long.parseLong(browser.text("#" + chart + " tbody tr:nth-child(" + (row + 1) + ") td"));
  }

  private long total(String path) {
    JsonNode body = Api.as(rest, "sam").get(path).getBody();
    return body.get("page").get("totalElements").asLong();
  }
}
