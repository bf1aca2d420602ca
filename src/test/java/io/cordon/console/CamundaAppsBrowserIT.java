package io.cordon.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.CordonIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's Tasklist, Cockpit and Admin as Cordon ships them, in headless Chromium: branded "Cordon", a link back to
 * the console in the header that works with the same sign-in, and no banner about migrating to Camunda 8.
 */
@CordonIntegrationTest
class CamundaAppsBrowserIT {

  @LocalServerPort
  int port;

  private ConsoleBrowser browser;

  @BeforeEach
  void openBrowser() throws Exception {
    if (System.getenv("CI") == null) {
      Assumptions.assumeTrue(ConsoleBrowser.available(), "Debian's chromium and chromium-driver are not installed");
    }
    browser = new ConsoleBrowser(port);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void tasklistIsCordonsAndLinksBackToTheConsole() {
    run("tasklist", () -> {
      browser.open("/camunda/app/tasklist/default/");
      signInToCamunda("paula");
      browser.waitFor(() -> browser.present(".task-filters .task-filter"));
      assertCordonHeader("Cordon Tasklist");
      browser.screenshot("tasklist");

      browser.click(browser.find(org.openqa.selenium.By.id("cordon-console-link")));
      browser.waitFor(() -> browser.path().equals("/console"));
      // Signed in already: the console's dashboard, as paula, not its login page.
      assertThat(browser.text("header.top .me")).contains("paula");
      assertThat(browser.present("#main")).isTrue();
      // And the console's own link leads back to Tasklist.
      browser.click(browser.find(org.openqa.selenium.By.linkText("Tasklist")));
      browser.waitFor(() -> browser.present("#cordon-console-link"));
      assertThat(browser.path()).startsWith("/camunda/app/tasklist/");
    });
  }

  @Test
  void cockpitAndAdminAreCordonsToo() {
    run("cockpit-admin", () -> {
      browser.open("/camunda/app/cockpit/default/");
      signInToCamunda("ada");
      browser.waitFor(() -> browser.present("#cordon-console-link"));
      assertCordonHeader("Cordon Cockpit");
      browser.screenshot("cockpit");

      browser.open("/camunda/app/admin/default/");
      browser.waitFor(() -> browser.present("#cordon-console-link"));
      assertCordonHeader("Cordon Admin");

      browser.click(browser.find(org.openqa.selenium.By.id("cordon-console-link")));
      browser.waitFor(() -> browser.path().equals("/console"));
      assertThat(browser.text("header.top .me")).contains("ada");
    });
  }

  private void signInToCamunda(String user) {
    browser.type("input[ng-model='username']", user);
    browser.type("input[ng-model='password']", user);
    browser.click(browser.find(org.openqa.selenium.By.cssSelector("form[name='signinForm'] button[type='submit']")));
    browser.waitFor(() -> browser.present(".account.dropdown"));
  }

  private void assertCordonHeader(String brand) {
    browser.waitFor(() -> browser.displayed("#cordon-console-link"));
    assertThat(browser.find(org.openqa.selenium.By.id("cordon-console-link")).getText()).isEqualTo("Cordon console");
    assertThat(browser.find(org.openqa.selenium.By.id("cordon-console-link")).getAttribute("href")).endsWith("/console");
    browser.waitFor(() -> browser.title().startsWith(brand));
    assertThat(browser.text("[cam-widget-header] .brand-name")).isEqualTo(brand);
    // Camunda's end-of-life banner is in the page (Camunda always renders it) but nobody sees it.
    assertThat(browser.visibleText()).doesNotContain("Camunda 8").doesNotContainIgnoringCase("migrate");
    assertThat(browser.displayed(".ce-eol-banner")).isFalse();
  }

  private void run(String name, Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException | AssertionError failure) {
      browser.snapshot("failure-camunda-" + name);
      throw failure;
    }
  }
}
