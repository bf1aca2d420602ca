package io.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The configuration users run in production: no demo profile, first administrator from the environment, behind a
 * TLS-terminating proxy (X-Forwarded-Proto). Engine hardening, session cookie, security headers, and
 * the log of the whole run (start-up, logins, a failed login, REST calls) holds no password, credential or session id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cordon.admin.user=firstadmin",
    "cordon.admin.password=" + ProductionConfigurationIT.ADMIN_PASSWORD,
    "spring.mail.password=" + ProductionConfigurationIT.SMTP_PASSWORD,
    "spring.datasource.url=jdbc:h2:mem:cordon-production;DB_CLOSE_DELAY=-1",
    "spring.datasource.password=" + ProductionConfigurationIT.DB_PASSWORD,
    // An engine of its own beside the suite's cached contexts (one JVM): Camunda's REST API reaches it by its name,
    // /engine-rest/engine/production/... (the name-less /engine-rest/... means the engine named "default").
    "camunda.bpm.process-engine-name=production",
    "cordon.nda.company.legal-name=Production Test Ltd", "cordon.nda.company.registration-id=GB 00000002",
    "cordon.nda.company.address=2 Main Street, London", "cordon.nda.company.country=GB",
    // Log what a production operator might switch on while looking into a problem.
    "logging.level.io.cordon=DEBUG", "logging.level.org.springframework.security=DEBUG"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ProductionConfigurationIT {

  static final String ADMIN_PASSWORD = "Adm1n-pw-7f3c9e";
  static final String SMTP_PASSWORD = "Smtp-pw-5d81aa";
  static final String DB_PASSWORD = "Db-pw-92be4c";
  static final String ENGINE = "/engine-rest/engine/production";
  private static CapturedOutput log;

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate rest;

  @Test
  void engineIsHardened() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.isAuthorizationEnabled()).isTrue();
    assertThat(config.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(config.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(config.getDeserializationAllowedPackages()).isEqualTo("io.cordon");
    assertThat(config.isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(config.getQueryMaxResultsLimit()).isEqualTo(2000);
    assertThat(engine.getIdentityService().createUserQuery().userId("paula").count()).as("no demo users").isZero();
    assertThat(engine.getIdentityService().createUserQuery().userId("ada").count()).as("no demo users").isZero();
  }

  @Test
  void restQueriesCarryNoExpressionsAndAWrongPasswordIsRefused(CapturedOutput output) {
    log = output;
    ResponseEntity<String> paged = admin(ENGINE + "/task?firstResult=0&maxResults=10&assignee=firstadmin");
    assertThat(paged.getStatusCode()).as(paged.getBody()).isEqualTo(HttpStatus.OK);
    // Pages as the webapps ask for them pass (Tasklist 15, Cockpit and Admin 50); up to the limit too.
    assertThat(admin(ENGINE + "/process-instance?firstResult=0&maxResults=50").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(admin(ENGINE + "/history/task?firstResult=0&maxResults=2000").getStatusCode()).isEqualTo(HttpStatus.OK);
    // Result limits: an unbounded list and a page above the limit are refused with a problem detail saying so.
    ResponseEntity<String> unbounded = admin(ENGINE + "/task");
    assertThat(unbounded.getStatusCode()).as(unbounded.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unbounded.getBody()).contains("unbound number of results");
    ResponseEntity<String> tooMany = admin(ENGINE + "/task?firstResult=0&maxResults=2001");
    assertThat(tooMany.getStatusCode()).as(tooMany.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooMany.getBody()).contains("Max results limit of 2000 exceeded");
    assertThat(admin(ENGINE + "/task/count").getStatusCode()).as("counts are not limited").isEqualTo(HttpStatus.OK);
    // assignee=${...} is a literal user id (no match); the expression parameter is assigneeExpression, refused ad hoc.
    ResponseEntity<String> literal = admin(ENGINE + "/task?firstResult=0&maxResults=10&assignee=%24%7BcurrentUser()%7D");
    assertThat(literal.getStatusCode()).as(literal.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(literal.getBody()).isEqualTo("[]");
    ResponseEntity<String> expression = admin(ENGINE + "/task?firstResult=0&maxResults=10&assigneeExpression=%24%7BcurrentUser()%7D");
    assertThat(expression.getStatusCode()).as(expression.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(expression.getBody()).containsIgnoringCase("expression");
    assertThat(admin("/api/me").getStatusCode()).isEqualTo(HttpStatus.OK);
    HttpHeaders wrong = new HttpHeaders();
    wrong.setBasicAuth("firstadmin", "not-" + ADMIN_PASSWORD);
    assertThat(rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(wrong), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void behindTlsTheSessionCookieIsSecureHttpOnlySameSiteAndResponsesCarryHsts(CapturedOutput output) {
    log = output;
    HttpHeaders tls = new HttpHeaders();
    tls.set("X-Forwarded-Proto", "https");
    ResponseEntity<String> page = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(tls), String.class);
    List<String> cookies = page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
    String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertThat(session).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    String xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
    assertThat(page.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=");

    // A login with the wrong password, then the right one: neither password may reach the log.
    HttpHeaders login = new HttpHeaders();
    login.addAll(tls);
    login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    login.add(HttpHeaders.COOKIE, session.substring(0, session.indexOf(';')));
    login.add(HttpHeaders.COOKIE, xsrf.substring(0, xsrf.indexOf(';')));
    login.set("X-XSRF-TOKEN", xsrf.substring("XSRF-TOKEN=".length(), xsrf.indexOf(';')));
    for (String password : List.of("wrong-" + ADMIN_PASSWORD, ADMIN_PASSWORD)) {
      LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("username", "firstadmin");
      form.add("password", password);
      rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST, new HttpEntity<>(form, login),
          String.class);
    }

    ResponseEntity<String> health = rest.exchange("/actuator/health", HttpMethod.GET, new HttpEntity<>(tls), String.class);
    assertThat(health.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=");
    assertThat(health.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(rest.getForEntity("/actuator/health", String.class).getHeaders().getFirst("Strict-Transport-Security"))
        .as("no HSTS over plain HTTP").isNull();
  }

  @AfterAll
  static void theLogOfTheRunHoldsNoSecret() {
    assertThat(log).as("a test captured the output").isNotNull();
    String all = log.getAll();
    assertThat(all).as("the run logged something").contains("Started");
    String basic = Base64.getEncoder().encodeToString(("firstadmin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    for (String secret : List.of(ADMIN_PASSWORD, SMTP_PASSWORD, DB_PASSWORD, basic, "Authorization: Basic")) {
      assertThat(all).as("log must not contain " + secret).doesNotContain(secret);
    }
    assertThat(all).as("no session id in the log").doesNotContainPattern("JSESSIONID=[0-9A-F]{16,}");
  }

  /** {@code path} is sent as given (already encoded), not expanded as a URI template. */
  private ResponseEntity<String> admin(String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("firstadmin", ADMIN_PASSWORD);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return rest.exchange(java.net.URI.create(rest.getRootUri() + path), HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
