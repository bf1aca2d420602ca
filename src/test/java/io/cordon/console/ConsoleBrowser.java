package io.cordon.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in Debian's headless Chromium (as {@code onboarding.Tasklist}: the browser and driver named explicitly,
 * values set and clicks made through the page). Screenshots go to target/browser/, and also to the folder named by
 * the environment variable {@code CORDON_SCREENSHOTS} (docs/images when the documentation's pictures are renewed).
 */
final class ConsoleBrowser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path TARGET = Path.of("target", "browser");

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final String baseUrl;
  private final Path profile;

  ConsoleBrowser(int port) throws IOException {
    Logger.getLogger("org.openqa.selenium.devtools").setLevel(Level.SEVERE);
    this.baseUrl = "http://localhost:" + port;
    this.profile = Files.createTempDirectory("cordon-console-chromium");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
    this.driver = new ChromeDriver(service, options);
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  void open(String path) {
    driver.get(baseUrl + path);
  }

  void login(String user) {
    open("/console/login");
    set("username", user);
    set("password", user);
    submit("login-form");
    wait.until(d -> path().equals("/console"));
  }

  /** Signs out through the page's own button. */
  void logout() {
    click(find(By.cssSelector("form[action='/console/logout'] button")));
    wait.until(d -> path().equals("/console/login"));
  }

  String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  String url() {
    return driver.getCurrentUrl();
  }

  String source() {
    return driver.getPageSource();
  }

  /** The value of a field by id, set as a person would type it, then told to the page. */
  void set(String id, String value) {
    js("var e = document.getElementById(arguments[0]); e.value = arguments[1];"
        + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));", id, value);
  }

  /** Types into the element as a person would (for AngularJS pages, whose model follows key strokes). */
  void type(String css, String text) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();"
        + "if (arguments[0].select) { arguments[0].select(); }", element);
    driver.executeCdpCommand("Input.insertText", java.util.Map.of("text", text));
    js("arguments[0].blur();", element);
  }

  /** The text a person sees on the page (hidden elements left out). */
  String visibleText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  String title() {
    return driver.getTitle();
  }

  boolean displayed(String css) {
    return driver.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
  }

  void check(String name, String value) {
    click(find(By.cssSelector("input[name='" + name + "'][value='" + value + "']")));
  }

  /** Submits the form with this id through its submit button and waits for the next page. */
  void submit(String formId) {
    WebElement button = find(By.cssSelector("#" + formId + " button[type='submit']"));
    click(button);
    wait.until(ExpectedConditions.stalenessOf(button));
  }

  void upload(String id, Path file) {
    driver.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
  }

  WebElement find(By by) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(by));
  }

  String text(String css) {
    return find(By.cssSelector(css)).getText();
  }

  boolean present(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  void click(WebElement element) {
    js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
  }

  void waitFor(java.util.function.BooleanSupplier condition) {
    wait.until(d -> condition.getAsBoolean());
  }

  /** As {@link #waitFor(java.util.function.BooleanSupplier)}, for longer (a background build). */
  void waitFor(Duration timeout, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(driver, timeout).until(d -> condition.getAsBoolean());
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The whole page (the window grows to its height), as console-NAME.png. */
  void screenshot(String name) {
    try {
      Dimension before = driver.manage().window().getSize();
      long height = ((Number) js("return Math.min(document.documentElement.scrollHeight, 3000);")).longValue();
      driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.max(height + 120, 600)));
      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      driver.manage().window().setSize(before);
      Files.createDirectories(TARGET);
      Files.write(TARGET.resolve("console-" + name + ".png"), png);
      String docs = System.getenv("CORDON_SCREENSHOTS");
      if (docs != null && !docs.isBlank()) {
        Path dir = Path.of(docs);
        Files.createDirectories(dir);
        Files.write(dir.resolve("console-" + name + ".png"), png);
      }
    } catch (IOException e) {
      System.err.println("Could not save screenshot " + name + ": " + e);
    }
  }

  /** The page source and a screenshot under target/browser/, for a failed test. */
  void snapshot(String name) {
    try {
      Files.createDirectories(TARGET);
      Files.write(TARGET.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(TARGET.resolve(name + ".html"), driver.getPageSource());
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not save " + name + ": " + e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    deleteQuietly(profile.toFile());
  }

  private static void deleteQuietly(File file) {
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        deleteQuietly(child);
      }
    }
    file.delete();
  }
}
