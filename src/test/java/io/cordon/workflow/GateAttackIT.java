package io.cordon.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.LoopCardinality;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attack, generated from the models: for every user task of every model, a legitimate candidate completes it
 * with its form's answer plus one variable that a gateway, decision table or step of that model reads, through the
 * Java API, Camunda REST {@code complete} and {@code submit-form}. Each is refused and changes nothing. Every start is
 * attacked the same way. A task added to a model is attacked without a new test; one without a form contract fails.
 */
@CordonIntegrationTest
class GateAttackIT {

  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'])([a-zA-Z_]\\w*)(?!\\s*\\()");
  private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
      "lt", "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task");
  private static final Map<String, String> CANDIDATE = Map.of("procurement", "paula", "legal", "lena",
      "security", "sam", "secret-owners", "oscar");

  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  IdentityService identity;
  @Autowired
  FormContracts contracts;
  @Autowired
  ApplicationContext context;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestRestTemplate rest;

  @AfterEach
  void logout() {
    identity.clearAuthentication();
  }

  @TestFactory
  Stream<DynamicTest> everyUserTaskAcceptsItsFormAndNothingThatAGateReads() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    Set<String> dmnInputs = dmnInputs();
    Set<String> written = variablesTheProcessesWrite();
    for (BpmnModelInstance model : models()) {
      Process process = model.getModelElementsByType(Process.class).iterator().next();
      String key = process.getId();
      Set<String> read = readBy(model, key);
      read.addAll(dmnInputs);
      read.addAll(written);
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        FormContract contract = contracts.task(key, task.getId()).orElse(null);
        Map<String, String> instance = new HashMap<>(); // one instance per task: a refusal changes nothing
        tests.add(dynamicTest(key + "/" + task.getId() + " has a form contract",
            () -> assertThat(contract).as("form contract of " + key + "/" + task.getId()).isNotNull()));
        if (contract == null) {
          continue;
        }
        Set<String> attacks = new TreeSet<>(read);
        attacks.removeAll(contract.fieldNames());
        for (String variable : attacks) {
          tests.add(dynamicTest(key + "/" + task.getId() + " refuses " + variable,
              () -> refusesOnEveryChannel(instanceFor(instance, key, task, read), task, contract, variable)));
        }
        tests.add(dynamicTest(key + "/" + task.getId() + " accepts exactly its form",
            () -> acceptsItsForm(instanceFor(instance, key, task, read), task, contract)));
      }
      contracts.start(key).ifPresent(start -> {
        Set<String> attacks = new TreeSet<>(read);
        attacks.removeAll(start.fieldNames());
        for (String variable : attacks) {
          tests.add(dynamicTest(key + " start refuses " + variable, () -> startRefuses(key, start, variable)));
        }
      });
    }
    return tests.stream();
  }

  /** Variables change only through a form: the variable endpoints and other channels refuse them. */
  @Test
  void variableEndpointsModificationsAndMessagesCannotWriteAGateVariable() {
    String pi = EngineSetUp.run(() -> runtime.createProcessInstanceByKey("PartnerOnboardingProcess")
        .setVariables(setUp(Set.of("riskTier"))).startBeforeActivity("Task_ReviewNda").execute(true, true).getId());
    long evidence = evidenceCount();

    assertThatThrownBy(() -> runtime.setVariable(pi, "riskTier", "LOW")).isInstanceOf(FormRefusedException.class);
    assertThatThrownBy(() -> runtime.removeVariable(pi, "riskTier")).isInstanceOf(FormRefusedException.class);
    assertThatThrownBy(() -> runtime.createProcessInstanceModification(pi).startBeforeActivity("Task_ReviewNda")
        .setVariable("riskTier", "LOW").execute()).isInstanceOf(FormRefusedException.class);
    assertThatThrownBy(() -> runtime.createMessageCorrelation("PartnerOffboarded").processInstanceId(pi)
        .setVariable("riskTier", "LOW").correlate()).isInstanceOf(FormRefusedException.class);
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThatThrownBy(() -> tasks.setVariable(task.getId(), "riskTier", "LOW")).isInstanceOf(FormRefusedException.class);

    ResponseEntity<JsonNode> put = Api.as(rest, "ada").put("/engine-rest/process-instance/" + pi + "/variables/riskTier",
        Map.of("value", "LOW", "type", "String"));
    assertThat(put.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<JsonNode> post = Api.as(rest, "ada").post("/engine-rest/process-instance/" + pi + "/variables",
        Map.of("modifications", Map.of("riskTier", Map.of("value", "LOW", "type", "String"))));
    assertThat(post.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(runtime.getVariable(pi, "riskTier")).isEqualTo("ORIGINAL");
    assertThat(evidenceCount()).isEqualTo(evidence);
    runtime.deleteProcessInstance(pi, "attack test", true, true);
  }

  /** The task's instance, started before the task with every variable the model reads set to a known value. */
  private String instanceFor(Map<String, String> cache, String key, UserTask task, Set<String> read) {
    return cache.computeIfAbsent("pi", k -> EngineSetUp.run(() -> runtime.createProcessInstanceByKey(key)
        .businessKey("ATTACK").setVariables(setUp(read)).startBeforeActivity(task.getId()).execute(true, true).getId()));
  }

  private void refusesOnEveryChannel(String pi, UserTask model, FormContract contract, String variable) {
    {
      Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(model.getId()).singleResult();
      String user = candidate(model);
      Map<String, Object> attack = new HashMap<>(validAnswer(contract));
      attack.put(variable, "LOW");
      long evidence = evidenceCount();

      identity.setAuthentication(user, List.of(group(model)));
      assertThatThrownBy(() -> tasks.complete(task.getId(), attack)).isInstanceOf(FormRefusedException.class)
          .hasMessageContaining(variable);
      identity.clearAuthentication();

      Map<String, Object> body = Map.of("variables", restVariables(attack));
      for (String channel : List.of("complete", "submit-form")) {
        ResponseEntity<JsonNode> response = Api.as(rest, user).post("/engine-rest/task/" + task.getId() + "/" + channel, body);
        assertThat(response.getStatusCode()).as(channel).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().toString()).as(channel).contains(variable);
      }

      assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
      assertThat(runtime.getVariable(pi, variable)).as(variable + " unchanged").isEqualTo(setUpValue(variable));
      assertThat(evidenceCount()).as("no evidence appended").isEqualTo(evidence);
    }
  }

  /** The gate lets exactly the form's answer through (what the steps after the task then do is the process tests' part). */
  private void acceptsItsForm(String pi, UserTask model, FormContract contract) {
    assertThat(contract.problems(validAnswer(contract), true)).isEmpty();
    try {
      Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(model.getId()).singleResult();
      identity.setAuthentication(candidate(model), List.of(group(model)));
      try {
        tasks.complete(task.getId(), validAnswer(contract));
      } catch (FormRefusedException e) {
        throw new AssertionError("The gate refused the form's own answer: " + e.getMessage(), e);
      } catch (RuntimeException stepAfterTheTask) {
        // Past the gate: the step after the task found no register data for this synthetic instance.
      }
    } finally {
      identity.clearAuthentication();
      if (runtime.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
        runtime.deleteProcessInstance(pi, "attack test", true, true);
      }
    }
  }

  private void startRefuses(String key, FormContract start, String variable) {
    Map<String, Object> attack = new HashMap<>(validAnswer(start));
    attack.put(variable, "LOW");
    long instances = runtime.createProcessInstanceQuery().processDefinitionKey(key).count();
    long evidence = evidenceCount();
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key, attack)).isInstanceOf(FormRefusedException.class)
        .hasMessageContaining(variable);
    ResponseEntity<JsonNode> response = Api.as(rest, "ada").post("/engine-rest/process-definition/key/" + key
        + "/submit-form", Map.of("variables", restVariables(attack)));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isEqualTo(instances);
    assertThat(evidenceCount()).isEqualTo(evidence);
  }

  // ---- what the models read ----

  private List<BpmnModelInstance> models() throws IOException {
    List<BpmnModelInstance> models = new ArrayList<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
      try (InputStream in = resource.getInputStream()) {
        models.add(Bpmn.readModelFromStream(in));
      }
    }
    assertThat(models).hasSizeGreaterThanOrEqualTo(4);
    return models;
  }

  /**
   * Identifiers in the model's conditions, loop counts and collections, timers, input mappings and call-activity
   * mappings, and every form field of the process.
   */
  private Set<String> readBy(BpmnModelInstance model, String key) {
    Set<String> read = new TreeSet<>();
    List<String> expressions = new ArrayList<>();
    model.getModelElementsByType(ConditionExpression.class).forEach(e -> expressions.add(e.getTextContent()));
    model.getModelElementsByType(LoopCardinality.class).forEach(e -> expressions.add(e.getTextContent()));
    model.getModelElementsByType(TimeDuration.class).forEach(e -> expressions.add(e.getTextContent()));
    model.getModelElementsByType(TimeDate.class).forEach(e -> expressions.add(e.getTextContent()));
    model.getModelElementsByType(CamundaInputParameter.class).forEach(e -> expressions.add(e.getTextContent()));
    // What a call activity passes to the process it calls, and the collections its instances are made from.
    model.getModelElementsByType(CamundaIn.class).forEach(e -> {
      expressions.add(e.getCamundaSourceExpression());
      if (e.getCamundaSource() != null) {
        read.add(e.getCamundaSource());
      }
    });
    model.getModelElementsByType(MultiInstanceLoopCharacteristics.class).forEach(e -> expressions.add(e.getCamundaCollection()));
    model.getModelElementsByType(UserTask.class).forEach(t -> {
      expressions.add(t.getCamundaDueDate());
      expressions.add(t.getCamundaFollowUpDate());
    });
    for (String expression : expressions) {
      Matcher m = Pattern.compile("\\$\\{([^}]*)}").matcher(expression == null ? "" : expression);
      while (m.find()) {
        Matcher id = IDENTIFIER.matcher(m.group(1));
        while (id.find()) {
          String name = id.group(1);
          if (!EL_WORDS.contains(name) && !context.containsBean(name)) {
            read.add(name);
          }
        }
      }
    }
    for (FormContract contract : contracts.all()) {
      if (key.equals(contract.processKey())) {
        read.addAll(contract.fieldNames());
      }
    }
    model.getModelElementsByType(StartEvent.class).forEach(s -> {
      if (s.getCamundaInitiator() != null) {
        read.add(s.getCamundaInitiator());
      }
    });
    return read;
  }

  private static Set<String> dmnInputs() throws IOException {
    Set<String> inputs = new TreeSet<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.dmn")) {
      try (InputStream in = resource.getInputStream()) {
        Dmn.readModelFromStream(in).getModelElementsByType(InputExpression.class)
            .forEach(e -> inputs.add(e.getText().getTextContent().strip()));
      }
    }
    return inputs;
  }

  /** The names of every {@link Variable} the process modules declare (their *Variables classes). */
  private static Set<String> variablesTheProcessesWrite() throws IOException {
    Set<String> names = new TreeSet<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:io/cordon/**/*Variables.class")) {
      String path = resource.getURL().toString();
      String className = path.substring(path.indexOf("io/cordon/")).replace(".class", "").replace('/', '.');
      try {
        for (java.lang.reflect.Field field : Class.forName(className).getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers()) && field.getType() == Variable.class) {
            field.setAccessible(true);
            names.add(((Variable<?>) field.get(null)).name());
          }
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(className, e);
      }
    }
    assertThat(names).contains("riskTier", "partnerCode", "disclosureIds");
    return names;
  }

  // ---- values ----

  private static Map<String, Object> validAnswer(FormContract contract) {
    Map<String, Object> answer = new LinkedHashMap<>();
    for (Field<?> field : contract.fields().values()) {
      if (!field.isRequired()) {
        continue;
      }
      answer.put(field.name(), switch (field.kind()) {
        case CHOICE -> field.choices().get(0);
        case FLAG -> true;
        case NUMBER -> 1L;
        case DATE -> "2026-01-15";
        case TEXT, FILE -> "TS-0001";
      });
    }
    return answer;
  }

  /** Plausible values for whatever the task's creation and the test read back. */
  private static Map<String, Object> setUp(Set<String> names) {
    Map<String, Object> values = new HashMap<>();
    for (String name : names) {
      values.putIfAbsent(name, setUpValue(name));
    }
    for (String time : List.of("requestAt", "firstReminderAt", "lastReminderAt", "dueAt", "graceUntil", "ndaRenewalAt",
        "ndaRenewalReminderAt", "ndaExpiresAt")) {
      values.put(time, setUpValue(time));
    }
    return values;
  }

  private static Object setUpValue(String name) {
    if (name.endsWith("At") || name.endsWith("Until") || name.endsWith("Deadline") || name.endsWith("Reminder")) {
      return new Date(4_102_444_800_000L); // 2100-01-01: no timer fires during the test
    }
    return "ORIGINAL";
  }

  private static Map<String, Object> restVariables(Map<String, Object> variables) {
    Map<String, Object> dto = new LinkedHashMap<>();
    variables.forEach((name, value) -> dto.put(name, Map.of("value", value, "type",
        value instanceof Boolean ? "Boolean" : value instanceof Long ? "Long" : "String")));
    return dto;
  }

  private static String group(UserTask task) {
    String groups = task.getCamundaCandidateGroups();
    return groups == null || groups.isBlank() ? "admins" : groups.split(",")[0].strip();
  }

  private static String candidate(UserTask task) {
    return CANDIDATE.getOrDefault(group(task), "ada");
  }

  private long evidenceCount() {
    return jdbc.queryForObject("select count(*) from evidence_event", Long.class);
  }
}
