package io.cordon.onboarding;

import io.cordon.CordonIntegrationTest;
import io.cordon.secret.Classification;
import io.cordon.secret.ProtectionMeasure;
import io.cordon.secret.SecretCategory;
import io.cordon.secret.SecretDetails;
import io.cordon.secret.SecretService;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * JDBC calls per step of an onboarding and of the bare four-task process (docs/benchmarks.md, "Partner onboarding"):
 * ./mvnw verify -Pbench -Pmysql-it -Dit.test=OnboardingStatementsBenchmark. The data source is wrapped to count every
 * statement executed (a batch counts once), commit, rollback and auto-commit switch, grouped by step and statement;
 * on MariaDB each is a round trip. Three warm-up instances of each, then five measured; prints the counts per
 * instance. Its own application context (the counting data source), so it runs alone.
 */
@CordonIntegrationTest
class OnboardingStatementsBenchmark {

  static final ThreadLocal<String> BUCKET = new ThreadLocal<>();
  static final Map<String, Map<String, AtomicLong>> COUNTS = new ConcurrentHashMap<>();

  static void count(String what) {
    String bucket = BUCKET.get();
    if (bucket == null) {
      return;
    }
    COUNTS.computeIfAbsent(bucket, k -> new ConcurrentHashMap<>()).computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
  }

  static String norm(String sql) {
    String s = sql.replaceAll("\\s+", " ").trim();
    return s.length() > 150 ? s.substring(0, 150) : s;
  }

  @TestConfiguration
  static class Counting {
    @Bean
    static BeanPostProcessor countingDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (bean instanceof DataSource ds) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (p, m, a) -> {
                  Object r = invoke(ds, m, a);
                  return r instanceof Connection c ? connection(c) : r;
                });
          }
          return bean;
        }
      };
    }
  }

  static Object invoke(Object target, java.lang.reflect.Method m, Object[] a) throws Throwable {
    try {
      return m.invoke(target, a);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  static Connection connection(Connection c) {
    return (Connection) Proxy.newProxyInstance(OnboardingStatementsBenchmark.class.getClassLoader(), new Class<?>[] {Connection.class},
        (p, m, a) -> {
          switch (m.getName()) {
            case "commit", "rollback", "setAutoCommit", "setReadOnly", "setTransactionIsolation" -> count("~" + m.getName()
                + (a != null && a.length == 1 ? "(" + a[0] + ")" : ""));
            default -> { }
          }
          Object r = invoke(c, m, a);
          if (r instanceof PreparedStatement ps) {
            String sql = norm((String) a[0]);
            return Proxy.newProxyInstance(OnboardingStatementsBenchmark.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, statement(ps, sql));
          }
          if (r instanceof Statement st) {
            return Proxy.newProxyInstance(OnboardingStatementsBenchmark.class.getClassLoader(), new Class<?>[] {Statement.class},
                statement(st, null));
          }
          return r;
        });
  }

  static InvocationHandler statement(Statement st, String sql) {
    return (p, m, a) -> {
      if (m.getName().startsWith("execute")) {
        count((m.getName().equals("executeBatch") ? "[batch] " : "") + (sql != null ? sql : norm(String.valueOf(a[0]))));
      }
      return invoke(st, m, a);
    };
  }

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  IdentityService identity;
  @Autowired
  SecretService secrets;
  @Autowired
  org.camunda.bpm.engine.RepositoryService repository;
  @Autowired
  org.camunda.bpm.engine.AuthorizationService authorizations;

  @Test
  void statementsPerStep() {
    String s1 = secret(Classification.SECRET, "oscar");
    String s2 = secret(Classification.CONFIDENTIAL, "olivia");
    for (int i = 0; i < 3; i++) {
      onboarding(s1, s2, null);
    }
    repository.createDeployment().name("statements").enableDuplicateFiltering(true)
        .addModelInstance(BenchmarkPaths.BARE + ".bpmn", BenchmarkPaths.bareModel(BenchmarkPaths.BARE, false)).deploy();
    if (authorizations.createAuthorizationQuery().groupIdIn("procurement").resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION)
        .resourceId(BenchmarkPaths.BARE).count() == 0) {
      var grant = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId("procurement");
      grant.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
      grant.setResourceId(BenchmarkPaths.BARE);
      grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
      grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE);
      authorizations.saveAuthorization(grant);
    }
    for (int i = 0; i < 3; i++) {
      bare(null);
    }
    COUNTS.clear();
    int n = 5;
    for (int i = 0; i < n; i++) {
      onboarding(s1, s2, "b");
      bare("b");
    }
    StringBuilder out = new StringBuilder();
    long grand = 0;
    for (var bucket : new TreeMap<>(COUNTS).entrySet()) {
      long total = bucket.getValue().values().stream().mapToLong(AtomicLong::get).sum();
      grand += total;
      out.append(String.format("%n== %s: %.1f calls per onboarding%n", bucket.getKey(), total / (double) n));
      bucket.getValue().entrySet().stream().sorted((x, y) -> Long.compare(y.getValue().get(), x.getValue().get()))
          .forEach(e -> out.append(String.format("%6.1f  %s%n", e.getValue().get() / (double) n, e.getKey())));
    }
    out.append(String.format("%nTOTAL %.1f per onboarding + bare%n", grand / (double) n));
    for (String prefix : List.of("B", "")) {
      long all = 0, engine = 0, tx = 0;
      for (var bucket : COUNTS.entrySet()) {
        if (prefix.equals("B") != bucket.getKey().startsWith("B")) continue;
        for (var e : bucket.getValue().entrySet()) {
          all += e.getValue().get();
          if (e.getKey().startsWith("~")) tx += e.getValue().get();
          else if (e.getKey().toUpperCase().contains("ACT_")) engine += e.getValue().get();
        }
      }
      out.append(String.format("%s: all %.1f, engine %.1f, transaction control %.1f, other %.1f%n", prefix.equals("B") ? "bare" : "onboarding",
          all / (double) n, engine / (double) n, tx / (double) n, (all - engine - tx) / (double) n));
    }
    System.out.println(out);
  }

  void onboarding(String s1, String s2, String tag) {
    String pi = step(tag, "1 start", "paula", "procurement",
        () -> runtime.startProcessInstanceByKey("PartnerOnboardingProcess", request(s1 + ", " + s2)).getId());
    complete(tag, "2 due diligence", pi, "Task_ReviewDueDiligence", "paula", "procurement", dueDiligence());
    step(tag, "3 job generate", null, null, () -> runJobs(pi));
    complete(tag, "4 legal", pi, "Task_ReviewNda", "lena", "legal", Map.of("legalDecision", "APPROVE"));
    step(tag, "5 job disclosures", null, null, () -> runJobs(pi));
    // The approval task is in the DisclosureApprovalProcess instance the onboarding called.
    String approval = runtime.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult().getId();
    complete(tag, "6 owner", approval, "Task_ApproveDisclosure", "oscar", "secret-owners",
        Map.of("approvalDecision", "APPROVED", "approvalComment", "fine"));
    complete(tag, "7 signed", pi, "Task_RecordSignedNda", "paula", "procurement", signed());
  }

  /** The bare model has no form contracts: its variables are set up past the form gate (no statement of its own). */
  void bare(String tag) {
    io.cordon.workflow.EngineSetUp.run(() -> {
      bareSteps(tag);
      return null;
    });
  }

  void bareSteps(String tag) {
    String pi = step(tag, "B1 start", "paula", "procurement",
        () -> runtime.startProcessInstanceByKey(BenchmarkPaths.BARE, request("TS-0000")).getId());
    complete(tag, "B2 task", pi, "Task_One", "paula", "procurement", dueDiligence());
    complete(tag, "B3 task", pi, "Task_Two", "lena", "legal", Map.of("legalDecision", "APPROVE"));
    complete(tag, "B4 task", pi, "Task_Three", "oscar", "secret-owners", Map.of("approvalDecision", "APPROVED", "approvalComment", "fine"));
    complete(tag, "B5 task", pi, "Task_Four", "paula", "procurement", signed());
  }

  void complete(String tag, String name, String pi, String key, String user, String group, Map<String, Object> vars) {
    step(tag, name + " (query)", user, group, () -> tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult());
    Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    step(tag, name, user, group, () -> {
      tasks.complete(task.getId(), vars);
      return null;
    });
  }

  Object runJobs(String pi) {
    List<Job> jobs = management.createJobQuery().processInstanceId(pi).messages().list();
    jobs.forEach(job -> management.executeJob(job.getId()));
    return null;
  }

  <T> T step(String tag, String name, String user, String group, java.util.function.Supplier<T> action) {
    if (user != null) {
      identity.setAuthentication(user, List.of(group));
    }
    BUCKET.set(tag == null ? null : name);
    try {
      return action.get();
    } finally {
      BUCKET.remove();
      identity.clearAuthentication();
    }
  }

  private String secret(Classification classification, String owner) {
    identity.setAuthentication("sam", List.of("security"));
    try {
      return secrets.register(new SecretDetails("Statements " + classification, "summary", SecretCategory.TECHNICAL,
          classification, owner, List.of("PLM"), List.of("Munich"), List.of("DE"), Set.of(ProtectionMeasure.ACCESS_CONTROL)))
          .code();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static Map<String, Object> request(String secretCodes) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("partnerName", "Statements Partner " + System.nanoTime());
    vars.put("partnerCountry", "DE");
    vars.put("partnerType", "CONTRACT_MANUFACTURER");
    vars.put("partnerAddress", "1 Test Road");
    vars.put("partnerRegistrationId", "HRB 4711");
    vars.put("contactName", "Li Wei");
    vars.put("contactEmail", "li.wei@partner.example");
    vars.put("purpose", "Machining of housings");
    vars.put("requestedSecretCodes", secretCodes);
    vars.put("ndaKind", "MUTUAL");
    return vars;
  }

  private static Map<String, Object> dueDiligence() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("securityCertifications", "ISO 27001");
    vars.put("accessControlInPlace", true);
    vars.put("usesSubcontractors", false);
    vars.put("incidentsLastFiveYears", false);
    vars.put("dataLocation", "DE");
    vars.put("staffTurnover", "LOW");
    vars.put("privacyRegime", "GDPR");
    vars.put("findings", "Visited the plant; badge access to the tooling room.");
    return vars;
  }

  private static Map<String, Object> signed() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("signedDecision", "SIGNED");
    vars.put("signedNdaFile", Variables.fileValue("signed.pdf").file("%PDF-1.4 executed copy".getBytes())
        .mimeType("application/pdf").create());
    vars.put("signatureDate", LocalDate.now(ZoneOffset.UTC).toString());
    vars.put("signatories", "Li Wei (partner), Paula Procurement (us)");
    return vars;
  }
}
