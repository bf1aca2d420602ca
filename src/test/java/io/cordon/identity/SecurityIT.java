package io.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.CordonIntegrationTest;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@CordonIntegrationTest
class SecurityIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  org.camunda.bpm.engine.RepositoryService repositoryService;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired
  org.camunda.bpm.engine.IdentityService identityService;

  @Test
  void unauthenticatedApiCallsGet401ProblemAndNoData() {
    for (String path : List.of("/engine-rest/task", "/engine-rest/process-definition", "/api/me", "/v3/api-docs")) {
      ResponseEntity<String> response = rest.getForEntity(path, String.class);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(path).isTrue();
      assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
      assertThat(response.getBody()).as(path).doesNotContain("PartnerOnboardingProcess").contains("\"status\":401");
    }
  }

  @Test
  void demoUserGets200FromBothApis() {
    ResponseEntity<String> tasks = rest.withBasicAuth("paula", "paula").getForEntity("/engine-rest/task?firstResult=0&maxResults=50", String.class);
    assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<JsonNode> me = rest.withBasicAuth("lena", "lena").getForEntity("/api/me", JsonNode.class);
    assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me.getBody().get("userId").asText()).isEqualTo("lena");
    assertThat(me.getBody().get("groups").toString()).contains("legal");
  }

  @Test
  void wrongPasswordIs401() {
    ResponseEntity<String> response = rest.withBasicAuth("olivia", "not-her-password").getForEntity("/api/me", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void onlyHealthIsPublicAndItReportsDatabaseAndEngine() {
    ResponseEntity<JsonNode> health = rest.getForEntity("/actuator/health", JsonNode.class);
    JsonNode components = health.getBody().get("components");
    assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
    assertThat(components.get("processEngine").get("status").asText()).isEqualTo("UP");
    assertThat(components.get("db").has("details")).as("no details for anonymous callers").isFalse();

    assertThat(rest.getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/actuator/beans", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("ada", "ada").getForEntity("/actuator/env", String.class).getStatusCode())
        .as("not exposed at all, even to admins").isEqualTo(HttpStatus.NOT_FOUND);
  }

  /** A task for legal, independent of the real models: one user task with candidate group legal. */
  private String startLegalProbe() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("LegalTaskProbe").count() == 0) {
      repositoryService.createDeployment().name("security-test").addModelInstance("LegalTaskProbe.bpmn",
          org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("LegalTaskProbe").camundaHistoryTimeToLive(1)
              .startEvent().userTask("Task_Legal").camundaCandidateGroups("legal").endEvent().done()).deploy();
    }
    return runtimeService.startProcessInstanceByKey("LegalTaskProbe").getId();
  }

  @Test
  void procurementCannotActOnALegalTaskButLegalCanAndTheLogNamesTheUser() {
    String instanceId = startLegalProbe();
    Task legalTask = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();

    JsonNode paulasView = rest.withBasicAuth("paula", "paula")
        .getForObject("/engine-rest/task?maxResults=50&processInstanceId=" + instanceId, JsonNode.class);
    assertThat(paulasView).as("the legal task is not visible to procurement").isEmpty();
    assertThat(complete("paula", legalTask.getId(), Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(legalTask.getId()).count()).as("task still open").isEqualTo(1);

    JsonNode lenasView = rest.withBasicAuth("lena", "lena")
        .getForObject("/engine-rest/task?maxResults=50&processInstanceId=" + instanceId, JsonNode.class);
    assertThat(lenasView).hasSize(1);
    assertThat(complete("lena", legalTask.getId(), Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    UserOperationLogEntry entry = historyService.createUserOperationLogQuery().taskId(legalTask.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).singleResult();
    assertThat(entry.getUserId()).isEqualTo("lena");
  }

  @Test
  void administratorsSeeEverythingOthersOnlyWhatTheyMayRead() {
    JsonNode all = rest.withBasicAuth("ada", "ada").getForObject("/engine-rest/user/count", JsonNode.class);
    assertThat(all.get("count").asInt()).isGreaterThanOrEqualTo(6);
    JsonNode own = rest.withBasicAuth("paula", "paula").getForObject("/engine-rest/user/count", JsonNode.class);
    assertThat(own.get("count").asInt()).isEqualTo(1);
    String probe = startLegalProbe();
    JsonNode instances = rest.withBasicAuth("ada", "ada").getForObject("/engine-rest/process-instance?maxResults=50&processInstanceIds=" + probe, JsonNode.class);
    assertThat(instances).hasSize(1);
  }

  @Test
  void eachGroupSeesItsOwnTasklistFilters() {
    assertThat(filterNames("paula")).containsExactlyInAnyOrder("My tasks", "Procurement");
    assertThat(filterNames("lena")).containsExactlyInAnyOrder("My tasks", "Legal");
    assertThat(filterNames("sam")).containsExactlyInAnyOrder("My tasks", "Security");
  }

  @Test
  void onlyProcurementMayStartAnOnboarding() {
    ResponseEntity<String> response = rest.withBasicAuth("lena", "lena").postForEntity(
        "/engine-rest/process-definition/key/PartnerOnboardingProcess/start", json(Map.of()), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private List<String> filterNames(String user) {
    JsonNode filters = rest.withBasicAuth(user, user).getForObject("/engine-rest/filter?maxResults=50", JsonNode.class);
    return java.util.stream.StreamSupport.stream(filters.spliterator(), false).map(f -> f.get("name").asText()).toList();
  }

  private ResponseEntity<String> complete(String user, String taskId, Map<String, Object> variables) {
    return rest.withBasicAuth(user, user).exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
        json(Map.of("variables", variables)), String.class);
  }

  private static HttpEntity<Object> json(Object body) {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  @Test
  void aTasklistSessionMayReadTheApiButNotChangeAnything() {
    org.springframework.util.LinkedMultiValueMap<String, String> login = new org.springframework.util.LinkedMultiValueMap<>();
    login.add("username", "lena");
    login.add("password", "lena");
    // As the browser does: the login page hands out the session and the webapps' CSRF token first.
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    List<String> cookies = page.getHeaders().get("Set-Cookie");
    String csrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().split(";")[0];
    String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
    org.springframework.http.HttpHeaders form = new org.springframework.http.HttpHeaders();
    form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    form.add("Cookie", session + "; " + csrf);
    form.add("X-XSRF-TOKEN", csrf.substring("XSRF-TOKEN=".length()));
    ResponseEntity<String> loggedIn = rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>(login, form), String.class);
    assertThat(loggedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
    String cookie = java.util.Optional.ofNullable(loggedIn.getHeaders().get("Set-Cookie")).orElse(List.of()).stream()
        .filter(c -> c.startsWith("JSESSIONID")).findFirst().map(c -> c.split(";")[0]).orElse(session);

    org.springframework.http.HttpHeaders withSession = new org.springframework.http.HttpHeaders();
    withSession.add("Cookie", cookie);
    ResponseEntity<JsonNode> me = rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(withSession), JsonNode.class);
    assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me.getBody().get("userId").asText()).isEqualTo("lena");
    // The read leaves the session as it was: a new id would log out Tasklist requests in flight with the old one.
    assertThat(Optional.ofNullable(me.getHeaders().get("Set-Cookie")).orElse(List.of()))
        .noneMatch(c -> c.startsWith("JSESSIONID"));
    ResponseEntity<String> stillTasklist = rest.exchange("/camunda/api/engine/engine/default/task/count", HttpMethod.GET,
        new HttpEntity<>(withSession), String.class);
    assertThat(stillTasklist.getStatusCode()).as("Tasklist still knows the session").isEqualTo(HttpStatus.OK);

    withSession.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> change = rest.exchange("/api/partners", HttpMethod.POST,
        new HttpEntity<>(Map.of("legalName", "Via session"), withSession), String.class);
    assertThat(change.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void camundaSetupIsClosedSoTasklistShowsItsLoginPage() {
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list())
        .as("administrators are in camunda-admin, else the webapps redirect to their setup page")
        .extracting(org.camunda.bpm.engine.identity.User::getId).contains("ada");
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> cookies = page.getHeaders().get("Set-Cookie");
    String csrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().split(";")[0];
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.add("Cookie", csrf);
    headers.add("X-XSRF-TOKEN", csrf.substring("XSRF-TOKEN=".length()));
    ResponseEntity<String> create = rest.postForEntity("/camunda/api/admin/setup/default/user/create", new HttpEntity<>(
        Map.of("profile", Map.of("id", "intruder", "firstName", "I", "lastName", "N"),
            "credentials", Map.of("password", "intruder-Passw0rd")), headers), String.class);
    assertThat(create.getStatusCode().is4xxClientError()).as("status %s", create.getStatusCode()).isTrue();
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
  }
}
