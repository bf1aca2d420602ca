package io.cordon.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.notification.Inbox;
import io.cordon.notification.OutboxSender;
import io.cordon.onboarding.Tasklist;
import io.cordon.partner.RiskTier;
import io.cordon.recertification.Period;
import io.cordon.recertification.RecertificationFixture;
import io.cordon.recertification.RecertificationService;
import io.cordon.recertification.RecertificationStatus;
import io.cordon.secret.Classification;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A partner contact attests from the mail alone, in a real (headless) browser and with the keyboard only: the link
 * from the mail opens the page (no login), a missing holder is said on the page with the answers kept, the answer
 * goes in, the receipt shows the hash that Cordon stored and the evidence event's position, the process goes on,
 * and the link is spent. Screenshots of failures go to target/browser/.
 */
@CordonIntegrationTest
class PortalBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ManagementService management;
  @Autowired
  RecertificationFixture fixture;
  @Autowired
  RecertificationService service;
  @Autowired
  OutboxSender sender;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PortalRateLimiter limiter;
  @Autowired
  PortalProperties properties;

  private Tasklist browser;

  @BeforeEach
  void openBrowser() throws Exception {
    if (System.getenv("CI") == null) {
      Assumptions.assumeTrue(Tasklist.available(), "Debian's chromium and chromium-driver are not installed");
    }
    AbstractAssertions.init(engine);
    sender.sweep();
    Inbox.clear();
    limiter.reset(properties.perToken(), properties.perAddress());
    browser = new Tasklist(port);
  }

  @AfterEach
  void closeBrowser() {
    sender.sweep();
    ClockUtil.reset();
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aContactAttestsFromTheMailWithTheKeyboardAndKeepsTheReceipt() throws Exception {
    try {
      attest();
    } catch (Throwable failure) {
      browser.snapshot("failure-" + getClass().getSimpleName());
      throw failure;
    }
  }

  private void attest() throws Exception {
    var p = fixture.activePartner(RiskTier.HIGH, 6, List.of("Jo Partner"), Classification.CROWN_JEWEL,
        Classification.CONFIDENTIAL);
    Period period = PortalClient.openWindow(service, management, p);
    String token = PortalClient.tokenFromMail(sender, p.contactEmail());
    long jewel = p.disclosureIds().get(0);
    long confidential = p.disclosureIds().get(1);

    browser.open("/partner/r/" + token);
    browser.waitForText("Re-certification 1");
    String page = browser.find(By.tagName("main")).getText();
    assertThat(page).contains(p.secretCodes().get(0) + " (CROWN_JEWEL)", "Permitted recipients", "Jo Partner")
        .doesNotContain("Recert secret");
    assertThat(browser.pageSource()).contains("name=\"viewport\"").doesNotContain("<script");

    // Keyboard only: the crown jewel still needed and held by Jo; the confidential item left without a holder.
    browser.find(By.id("holders-" + jewel)).sendKeys("Jo Partner");
    browser.find(By.id("respondentName")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "Jo Partner");
    browser.find(By.id("respondentRole")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "Quality lead");
    browser.find(By.id("confirm")).sendKeys(Keys.SPACE);
    browser.find(By.id("submit")).sendKeys(Keys.ENTER);
    browser.waitForText("Please correct the following");
    assertThat(browser.find(By.id("errors")).getText()).contains("Name who holds " + p.secretCodes().get(1) + " today");
    assertThat(browser.find(By.id("holders-" + jewel)).getDomProperty("value")).as("answers kept").isEqualTo("Jo Partner");
    assertThat(p.process()).isWaitingAt("Task_Attest", "TimerEvent_RenewalDue");

    // The confidential item is no longer needed: choose it with the arrow keys, confirm again, send.
    browser.find(By.cssSelector("input[name='needed-" + confidential + "'][value='yes']")).sendKeys(Keys.ARROW_DOWN);
    assertThat(browser.find(By.cssSelector("input[name='needed-" + confidential + "'][value='no']")).isSelected()).isTrue();
    browser.find(By.id("confirm")).sendKeys(Keys.SPACE);
    browser.find(By.id("submit")).sendKeys(Keys.ENTER);
    browser.waitForText("Thank you. We received your answer.");

    String sha = browser.find(By.id("receipt-sha256")).getText().strip();
    String seq = browser.find(By.id("receipt-seq")).getText().replace("Event ", "").strip();
    Map<String, Object> stored = jdbc.queryForMap("select s.content, s.sha256, s.evidence_seq from partner_submission s "
        + "join partner_link l on l.id = s.link_id where l.token_hash = ?", PortalAttestationIT.sha256(token));
    assertThat(stored.get("sha256")).isEqualTo(sha);
    assertThat(PortalAttestationIT.sha256((String) stored.get("content"))).isEqualTo(sha);
    assertThat(String.valueOf(stored.get("evidence_seq"))).isEqualTo(seq);
    assertThat(jdbc.queryForObject("select payload from evidence_event where seq = ?", String.class, Long.parseLong(seq)))
        .contains(sha, "Jo Partner", "Quality lead", p.contactEmail());

    assertThat(service.period(period.id()).status()).isEqualTo(RecertificationStatus.COMPLETED);
    assertThat(service.answers(period.id())).filteredOn(a -> a.disclosureId() == confidential).singleElement()
        .satisfies(a -> assertThat(a.stillNeeded()).isFalse());
    assertThat(p.process()).hasPassed("Task_Attest", "Task_StartReturnOrDestroy")
        .isWaitingAt("TimerEvent_WindowOpens", "TimerEvent_RenewalDue");

    browser.open("/partner/r/" + token + "?lang=zh");
    browser.waitForText("此链接已使用");
  }
}
