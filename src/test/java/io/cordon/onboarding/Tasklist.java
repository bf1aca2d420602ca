package io.cordon.onboarding;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist in Debian's headless Chromium ({@code chromium}, {@code chromium-driver}; .ci/run installs them).
 * The browser and its driver are named explicitly, so Selenium never looks for or downloads others.
 *
 * <p>Clicks and typing go through the page (DOM click, CDP {@code Input.insertText}) rather than synthesised OS input:
 * headless Chromium 156 delivers no key or mouse events to the Tasklist page (its window reports
 * {@code document.hasFocus() == false} once Tasklist's scripts have run). Angular and form-js see the same DOM events
 * either way.
 */
public final class Tasklist implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "browser");

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final String baseUrl;
  private final Path profile;

  public Tasklist(int port) throws IOException {
    // Selenium's DevTools lookup warns for every Chromium newer than the CDP versions it ships; nothing here uses them.
    Logger.getLogger("org.openqa.selenium.devtools").setLevel(Level.SEVERE);
    this.baseUrl = "http://localhost:" + port;
    this.profile = Files.createTempDirectory("cordon-chromium");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1400,1000", "--user-data-dir=" + profile);
    this.driver = new ChromeDriver(service, options);
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_FAILED_REQUESTS));
  }

  /** Keeps every XHR answered with an error status (method, URL, status) in sessionStorage, for {@link #snapshot}. */
  private static final String RECORD_FAILED_REQUESTS = "(function () {"
      + "  var open = XMLHttpRequest.prototype.open;"
      + "  XMLHttpRequest.prototype.open = function (method, url) {"
      + "    this.addEventListener('loadend', function () {"
      + "      if (this.status >= 400 || this.status === 0) {"
      + "        var failed = JSON.parse(sessionStorage.getItem('failedRequests') || '[]');"
      + "        failed.push(new Date().toISOString() + ' ' + method + ' ' + url + ' ' + this.status + ' '"
      + "            + (this.responseText || '').substring(0, 300));"
      + "        sessionStorage.setItem('failedRequests', JSON.stringify(failed));"
      + "      }"
      + "    });"
      + "    return open.apply(this, arguments);"
      + "  };"
      + "})();";

  public static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  public void open(String path) {
    driver.get(baseUrl + path);
  }

  public void login(String user) {
    open("/camunda/app/tasklist/default/");
    type(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='username']"))), user);
    type(driver.findElement(By.cssSelector("input[ng-model='password']")), user);
    click(driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filters .task-filter")));
  }

  public void logout() {
    click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//a[normalize-space()='Log out']"))));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='username']")));
  }

  public void startProcess(String name) {
    click(wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Start process"))));
    click(wait.until(ExpectedConditions.elementToBeClickable(By.linkText(name))));
  }

  public void submitStartForm() {
    click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='startProcessInstance()']"))));
  }

  /** Opens a filter in the left column, then the task with this id in its list. */
  public void openTask(String filter, String taskId) {
    click(wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//div[contains(@class,'task-filter')][.//a[starts-with(normalize-space(),'" + filter + "')]]"))));
    click(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tasks-list a[href*='task=" + taskId + "']"))));
  }

  public void claim() {
    click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
  }

  public void complete() {
    click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))));
  }

  /** A Camunda Forms (form-js) field by its key: form-js ids end in {@code -Field_<key>} for the ids our forms use. */
  public WebElement camundaFormField(String key) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-Field_" + key + "']")));
  }

  public void fill(String key, String text) {
    type(camundaFormField(key), text);
  }

  /** A form-js select: open its list, pick the entry with this label. */
  public void select(String key, String label) {
    press(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-Field_" + key + "-display']"))));
    press(wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + label + "']"))));
  }

  /** A radio button or checkbox by the text of its label (Camunda Forms and embedded forms alike). */
  public void check(String label) {
    click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//label[normalize-space()='" + label + "']"))));
  }

  /** A select of an embedded HTML form, by the process variable it writes and the text of the option. */
  public void choose(String variable, String option) {
    choose(embeddedField(variable), option);
  }

  /** A select element of an embedded HTML form: pick the option with this text. */
  public void choose(WebElement select, String option) {
    js("var s = arguments[0], text = arguments[1];"
        + "var o = Array.prototype.filter.call(s.options, function (o) { return o.text.trim() === text; })[0];"
        + "if (!o) { throw new Error('no option ' + text); }"
        + "s.value = o.value; s.dispatchEvent(new Event('change', {bubbles: true}));", select, option);
  }

  /** A field of an embedded HTML form, by the process variable it writes. */
  public WebElement embeddedField(String variable) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-variable-name='" + variable + "']")));
  }

  public void waitForText(String text) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[contains(normalize-space(text()),'" + text + "')]")));
  }

  /** GETs a path with the browser's own session and cookies, as a click on a link would; returns the HTTP status. */
  public long fetchStatus(String url) {
    Object status = driver.executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) { done(r.status); }, function (e) { done(-1); });",
        url);
    return ((Number) status).longValue();
  }

  /** GETs a path with the browser's session, as a click on a link would; returns its status and Content-Type. */
  public String fetchType(String url) {
    Object result = driver.executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then("
            + "function (r) { done(r.status + ' ' + r.headers.get('Content-Type')); }, function (e) { done('-1 ' + e); });",
        url);
    return (String) result;
  }

  public WebElement find(By by) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(by));
  }

  /** Every element found once at least one is there. */
  public java.util.List<WebElement> findAll(By by) {
    return wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(by));
  }

  public void until(java.util.function.BooleanSupplier condition) {
    wait.until(d -> condition.getAsBoolean());
  }

  public void type(WebElement element, String text) {
    js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();"
        + "if (arguments[0].select) { arguments[0].select(); }", element);
    driver.executeCdpCommand("Input.insertText", Map.of("text", text));
    // form-js debounces typed input and flushes it on blur: leave the field as a person moving on would.
    js("arguments[0].blur();", element);
  }

  /** Sets a value the way a picker does (date inputs take no typed text), and tells the page it changed. */
  public void setValue(WebElement element, String value) {
    js("var e = arguments[0]; e.value = arguments[1];"
        + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
        element, value);
  }

  public void upload(WebElement fileInput, Path file) {
    fileInput.sendKeys(file.toAbsolutePath().toString());
  }

  public void click(WebElement element) {
    js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
  }

  /** form-js opens its select lists on mousedown. */
  private void press(WebElement element) {
    js("var e = arguments[0]; e.scrollIntoView({block: 'center'});"
        + "['mousedown', 'mouseup', 'click'].forEach(function (t) {"
        + "  e.dispatchEvent(new MouseEvent(t, {bubbles: true, cancelable: true, view: window, button: 0})); });", element);
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  public String pageSource() {
    return driver.getPageSource();
  }

  /**
   * A screenshot and the page source under target/browser/. A form's picture ({@code tasklist-*}) is taken in a window
   * tall enough for the whole form, and also written to the folder named by the environment variable
   * {@code CORDON_SCREENSHOTS} (docs/images when the documentation's pictures are renewed).
   */
  public void snapshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      byte[] png;
      if (name.startsWith("tasklist-")) {
        org.openqa.selenium.Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(), 1700));
        png = driver.getScreenshotAs(OutputType.BYTES);
        driver.manage().window().setSize(before);
        String docs = System.getenv("CORDON_SCREENSHOTS");
        if (docs != null && !docs.isBlank()) {
          Files.createDirectories(Path.of(docs));
          Files.write(Path.of(docs).resolve(name + ".png"), png);
        }
      } else {
        png = driver.getScreenshotAs(OutputType.BYTES);
      }
      Files.write(SCREENSHOTS.resolve(name + ".png"), png);
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
      Object failed = js("return sessionStorage.getItem('failedRequests');");
      Files.writeString(SCREENSHOTS.resolve(name + "-failed-requests.json"), String.valueOf(failed));
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
