package io.cordon.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.notification.Inbox;
import io.cordon.notification.OutboxSender;
import io.cordon.onboarding.Tasklist;
import io.cordon.secret.Classification;
import io.cordon.secret.SecretService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
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
 * A partner contact answers the due-diligence questionnaire from the mail alone, in a headless browser and with the
 * keyboard only: a missing answer is said on the page with the answers kept, the receipt shows the stored hash, the
 * onboarding goes on with the contact named in the evidence.
 */
@CordonIntegrationTest
class PortalDueDiligenceBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  IdentityService identity;
  @Autowired
  SecretService secrets;
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
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aContactAnswersDueDiligenceFromTheMailWithTheKeyboard() throws Exception {
    try {
      answer();
    } catch (Throwable failure) {
      browser.snapshot("failure-" + getClass().getSimpleName());
      throw failure;
    }
  }

  private void answer() throws Exception {
    var o = PortalDueDiligenceIT.start(identity, secrets, runtime, Classification.SECRET);
    String token = PortalClient.tokenFromMail(sender, o.email());

    browser.open("/partner/r/" + token);
    browser.waitForText("Due diligence questionnaire");
    assertThat(browser.find(By.tagName("main")).getText()).contains("Machining of housings")
        .doesNotContain(o.secretCode());
    assertThat(browser.pageSource()).doesNotContain("<script");

    // Keyboard only; the subcontractor question left unanswered.
    browser.find(By.id("securityCertifications")).sendKeys("TISAX");
    browser.find(By.cssSelector("input[name='accessControlInPlace'][value='yes']")).sendKeys(Keys.SPACE);
    browser.find(By.cssSelector("input[name='incidentsLastFiveYears'][value='yes']")).sendKeys(Keys.SPACE);
    browser.find(By.cssSelector("input[name='incidentsLastFiveYears'][value='yes']")).sendKeys(Keys.ARROW_DOWN);
    browser.find(By.cssSelector("input[name='staffTurnover'][value='LOW']")).sendKeys(Keys.SPACE);
    browser.find(By.cssSelector("input[name='staffTurnover'][value='LOW']")).sendKeys(Keys.ARROW_DOWN);
    browser.find(By.id("findings")).sendKeys("Drawings stay in our PLM.");
    browser.find(By.id("respondentName")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "Li Wei");
    browser.find(By.id("respondentRole")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "Quality manager");
    browser.find(By.id("confirm")).sendKeys(Keys.SPACE);
    browser.find(By.id("submit")).sendKeys(Keys.ENTER);
    browser.waitForText("Please correct the following");
    assertThat(browser.find(By.id("errors")).getText()).contains("subcontractors");
    assertThat(browser.find(By.id("findings")).getDomProperty("value")).as("answers kept")
        .isEqualTo("Drawings stay in our PLM.");
    assertThat(browser.find(By.cssSelector("input[name='incidentsLastFiveYears'][value='no']")).isSelected()).isTrue();
    assertThat(o.process()).isWaitingAt("Task_ReviewDueDiligence");

    browser.find(By.cssSelector("input[name='usesSubcontractors'][value='no']")).sendKeys(Keys.SPACE);
    browser.find(By.id("confirm")).sendKeys(Keys.SPACE);
    browser.find(By.id("submit")).sendKeys(Keys.ENTER);
    browser.waitForText("Thank you. We received your answer.");

    String sha = browser.find(By.id("receipt-sha256")).getText().strip();
    String content = jdbc.queryForObject("select s.content from partner_submission s join partner_link l "
        + "on l.id = s.link_id where l.token_hash = ?", String.class, PortalAttestationIT.sha256(token));
    assertThat(PortalAttestationIT.sha256(content)).isEqualTo(sha);
    assertThat(content).contains("\"incidentsLastFiveYears\":false", "\"staffTurnover\":\"MEDIUM\"",
        "\"usesSubcontractors\":false", "\"securityCertifications\":\"TISAX\"");
    assertThat(o.process()).hasPassed("Task_ReviewDueDiligence", "Task_RecordDueDiligence");
    assertThat(jdbc.queryForObject("select payload from evidence_event where partner_code = ? and type = "
        + "'DUE_DILIGENCE_RECORDED' order by seq desc limit 1", String.class, o.partnerCode()))
        .contains("PARTNER_LINK", "Li Wei", "Quality manager");
  }
}
