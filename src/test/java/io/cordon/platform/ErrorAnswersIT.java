package io.cordon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import io.cordon.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Errors that used to be 500s, HTML pages or engine JSON are problem details with the status they deserve. */
@CordonIntegrationTest
class ErrorAnswersIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @LocalServerPort
  int port;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void engineRestRefusalsAre403And400ProblemDetailsWithoutEngineCodesOrClassNames() throws Exception {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("ErrorAnswersProbe").count() == 0) {
      repositoryService.createDeployment().name("error-answers-test").addModelInstance("ErrorAnswersProbe.bpmn",
          Bpmn.createExecutableProcess("ErrorAnswersProbe").camundaHistoryTimeToLive(1)
              .startEvent().userTask("Task_Probe").camundaCandidateGroups("legal").endEvent().done()).deploy();
    }
    String instance = runtimeService.startProcessInstanceByKey("ErrorAnswersProbe").getId();
    String variables = "/engine-rest/process-instance/" + instance + "/variables";

    // Process variables are never set by hand (the form gate): refused for everyone, before any question of rights.
    HttpResponse<String> byHand = send("paula", "POST", variables, "{\"modifications\":{\"x\":{\"value\":\"a\",\"type\":\"String\"}}}");
    assertProblem(byHand, 400);
    assertThat(byHand.body()).contains("can be set only by completing a task");
    assertProblem(send("paula", "DELETE", "/engine-rest/process-instance/" + instance, null), 403);

    HttpResponse<String> javaSerialized = send("ada", "POST", variables, "{\"modifications\":{\"x\":{\"value\":\"rO0ABXQAA2FiYw==\","
        + "\"type\":\"Object\",\"valueInfo\":{\"serializationDataFormat\":\"application/x-java-serialized-object\","
        + "\"objectTypeName\":\"java.lang.String\"}}}}");
    assertProblem(javaSerialized, 400);

    HttpResponse<String> unknownFormat = send("ada", "POST", variables, "{\"modifications\":{\"x\":{\"value\":\"a\","
        + "\"type\":\"Object\",\"valueInfo\":{\"serializationDataFormat\":\"foo/bar\",\"objectTypeName\":\"x.Y\"}}}}");
    assertProblem(unknownFormat, 400);
    assertProblem(send("ada", "POST", variables, "{\"modifications\":{\"x\":{\"value\":\"a\",\"type\":\"NoSuchType\"}}}"), 400);
    assertThat(runtimeService.getVariables(instance)).as("nothing was set").isEmpty();

    assertProblem(send("lena", "POST", "/engine-rest/process-definition/key/PartnerOnboardingProcess/start", "{}"), 403);
    assertProblem(send("ada", "POST", "/engine-rest/process-instance/no-such-instance/variables",
        "{\"modifications\":{\"x\":{\"value\":\"a\",\"type\":\"String\"}}}"), 400);
    assertProblem(send("ada", "GET", "/engine-rest/process-instance/no-such-instance", null), 404);
  }

  @Test
  void malformedPathsAreA400ProblemNotTomcatsPage() throws Exception {
    for (String path : List.of("/api/..%2Fsecrets", "/api/secrets%00", "/engine-rest/..%2F..%2Fapi/me", "/api/a/%2e%2e/b",
        "/api/secrets;jsessionid=x", "/api/%2e%2e/%2e%2e/etc/passwd")) {
      for (String user : new String[] {null, "paula"}) {
        HttpResponse<String> r = send(user, "GET", path, null);
        assertThat(r.statusCode()).as(path).isBetween(400, 404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
        assertThat(r.body()).as(path).doesNotContainIgnoringCase("<html").doesNotContain("Tomcat").doesNotContain("Exception");
      }
    }
  }

  @Test
  void errorCalledDirectlyIsNotFoundAndNever500() throws Exception {
    for (String user : new String[] {null, "paula"}) {
      HttpResponse<String> r = send(user, "GET", "/error", null);
      assertProblem(r, 404);
    }
  }

  @Test
  void duplicateKeysAndUnknownSortPropertiesAre400NamingTheFieldOrTheAllowedOnes() throws Exception {
    String code = Api.as(rest, "sam").post("/api/secrets", Fixtures.secret("Duplicate keys probe", "SECRET", "oscar"))
        .getBody().get("code").asText();
    HttpResponse<String> duplicate = send("sam", "POST", "/api/secrets/" + code + "/status",
        "{\"status\":\"RETIRED\",\"status\":\"COMPROMISED\"}");
    assertProblem(duplicate, 400);
    assertThat(duplicate.body()).contains("'status'");
    assertThat(Api.as(rest, "sam").get("/api/secrets/" + code).getBody().get("status").asText()).isEqualTo("ACTIVE");

    String partner = Api.as(rest, "paula").post("/api/partners", Fixtures.partner("Sort Probe", "DE", null)).getBody().get("code").asText();
    for (String path : List.of("/api/partners/" + partner + "/disclosures?sort=secret.title", "/api/secrets/" + code + "/holders?sort=partner.legalName",
        "/api/secrets?sort=summary", "/api/partners?sort=contacts")) {
      HttpResponse<String> r = send("paula", "GET", path, null);
      assertProblem(r, 400);
      assertThat(r.body()).as(path).contains("Sort by one of:");
    }
  }

  private void assertProblem(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).as(r.uri().toString()).startsWith("application/problem+json");
    assertThat(r.body()).as(r.uri().toString()).contains("\"status\":" + status).doesNotContainPattern("ENGINE-\\d")
        .doesNotContain("Exception").doesNotContain("java.").doesNotContain("org.camunda").doesNotContain("RestException");
  }

  private HttpResponse<String> send(String user, String method, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    if (json != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
