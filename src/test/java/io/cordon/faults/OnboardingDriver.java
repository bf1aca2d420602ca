package io.cordon.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives partner onboardings end to end as their users do, through the engine REST API: procurement starts one and
 * reviews due diligence, legal approves the generated NDA, the secret's owner approves the disclosure, procurement
 * records the signed NDA (a PDF upload). Any node that is up is used; a request that gets no answer (its node was
 * killed) is not acknowledged and the step is tried again on a node that is up, after reading where the instance
 * stands. What was acknowledged is kept, to be found afterwards.
 */
final class OnboardingDriver {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<AppNode> nodes;
  private final JdbcTemplate db;
  private final String secretCode;
  /** Acknowledged: process instance ids whose start answered 200, task ids whose completion answered 204. */
  final Set<String> startsAcknowledged = ConcurrentHashMap.newKeySet();
  final Set<String> completionsAcknowledged = ConcurrentHashMap.newKeySet();
  /** Completions in flight per node (index in nodes), so a node can be killed in the middle of one. */
  final AtomicInteger[] completing;
  final AtomicInteger unanswered = new AtomicInteger();
  final AtomicInteger conflicts = new AtomicInteger();
  private final AtomicInteger turn = new AtomicInteger();

  OnboardingDriver(List<AppNode> nodes, JdbcTemplate db, String secretCode) {
    this.nodes = nodes;
    this.db = db;
    this.secretCode = secretCode;
    this.completing = new AtomicInteger[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      completing[i] = new AtomicInteger();
    }
  }

  /** One onboarding from its start to its end; returns the process instance id. */
  String onboard(String partnerName, Duration bound) throws Exception {
    long deadline = System.nanoTime() + bound.toNanos();
    String instance = start(partnerName, deadline);
    while (System.nanoTime() < deadline) {
      List<Map<String, Object>> open = db.queryForList("select t.ID_, t.TASK_DEF_KEY_ from ACT_RU_TASK t "
          + "join ACT_HI_PROCINST p on p.ID_ = t.PROC_INST_ID_ where p.ROOT_PROC_INST_ID_ = ?", instance);
      if (open.isEmpty()) {
        // Its tasks may be in called instances (the disclosure approval): the history names their root.
        if (count("select count(*) from ACT_HI_PROCINST where ID_ = ? and END_TIME_ is not null", instance) == 1) {
          return instance;
        }
        Thread.sleep(200); // an asynchronous step (NDA generation, disclosure requests) is running or waiting
        continue;
      }
      for (Map<String, Object> task : open) {
        complete((String) task.get("ID_"), (String) task.get("TASK_DEF_KEY_"));
      }
    }
    throw new AssertionError("Onboarding of " + partnerName + " (" + instance + ") did not end within " + bound);
  }

  private String start(String partnerName, long deadline) throws Exception {
    String body = JSON.writeValueAsString(Map.of("variables", typed(request(partnerName))));
    while (System.nanoTime() < deadline) {
      AppNode node = node();
      try {
        HttpResponse<String> started = node.post("paula", "/engine-rest/process-definition/key/PartnerOnboardingProcess/start", body);
        if (started.statusCode() != 200) {
          throw new AssertionError("Start of " + partnerName + " answered " + started.statusCode() + ": " + started.body());
        }
        String id = JSON.readTree(started.body()).get("id").asText();
        startsAcknowledged.add(id);
        return id;
      } catch (IOException noAnswer) {
        unanswered.incrementAndGet();
        // The start may have committed before the node died: then its instance is there, found by the partner's name.
        List<String> committed = db.queryForList("select v.PROC_INST_ID_ from ACT_HI_VARINST v join ACT_HI_PROCINST p "
            + "on p.ID_ = v.PROC_INST_ID_ where v.NAME_ = 'partnerName' and v.TEXT_ = ? and p.PROC_DEF_KEY_ = "
            + "'PartnerOnboardingProcess'", String.class, partnerName);
        if (!committed.isEmpty()) {
          return committed.get(0);
        }
        Thread.sleep(500);
      }
    }
    throw new AssertionError("Could not start the onboarding of " + partnerName);
  }

  private void complete(String taskId, String taskKey) throws Exception {
    String user = switch (taskKey) {
      case "Task_ReviewNda" -> "lena";
      case "Task_ReviewSecurity" -> "sam";
      case "Task_ApproveDisclosure" -> "oscar";
      default -> "paula";
    };
    String body = JSON.writeValueAsString(Map.of("variables", typed(answer(taskKey))));
    int index = Math.floorMod(turn.getAndIncrement(), nodes.size());
    AppNode node = nodes.get(index);
    if (!node.alive()) {
      Thread.sleep(100);
      return;
    }
    completing[index].incrementAndGet();
    try {
      HttpResponse<String> done = node.post(user, "/engine-rest/task/" + taskId + "/complete", body);
      if (done.statusCode() == 204) {
        completionsAcknowledged.add(taskId);
      } else if (done.statusCode() == 409 || done.statusCode() == 404) {
        conflicts.incrementAndGet(); // completed already (an earlier try whose answer was lost), or gone with its scope
      } else {
        throw new AssertionError(taskKey + " " + taskId + " answered " + done.statusCode() + ": " + done.body());
      }
    } catch (IOException noAnswer) {
      unanswered.incrementAndGet();
      Thread.sleep(500);
    } finally {
      completing[index].decrementAndGet();
    }
  }

  private AppNode node() throws InterruptedException {
    for (int tries = 0; tries < 600; tries++) {
      AppNode node = nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
      if (node.alive()) {
        return node;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("No node up");
  }

  private int count(String sql, Object... args) {
    Integer n = db.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }

  private Map<String, Object> request(String partnerName) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("partnerName", partnerName);
    vars.put("partnerCountry", "DE");
    vars.put("partnerType", "CONTRACT_MANUFACTURER");
    vars.put("partnerAddress", "1 Test Road");
    vars.put("partnerRegistrationId", "HRB 4711");
    vars.put("contactName", "Li Wei");
    vars.put("contactEmail", "li.wei." + Math.abs(partnerName.hashCode()) + "@partner.example");
    vars.put("purpose", "Machining of housings");
    vars.put("requestedSecretCodes", secretCode);
    vars.put("ndaKind", "MUTUAL");
    return vars;
  }

  private static Map<String, Object> answer(String taskKey) {
    Map<String, Object> vars = new HashMap<>();
    switch (taskKey) {
      case "Task_ReviewDueDiligence" -> {
        vars.put("securityCertifications", "ISO 27001");
        vars.put("accessControlInPlace", true);
        vars.put("usesSubcontractors", false);
        vars.put("incidentsLastFiveYears", false);
        vars.put("dataLocation", "DE");
        vars.put("staffTurnover", "LOW");
        vars.put("privacyRegime", "GDPR");
        vars.put("findings", "Visited the plant; badge access to the tooling room.");
      }
      case "Task_ReviewSecurity" -> {
        vars.put("securityDecision", "APPROVE");
        vars.put("securityComment", "Controls seen on site.");
      }
      case "Task_ReviewNda" -> vars.put("legalDecision", "APPROVE");
      case "Task_ApproveDisclosure" -> {
        vars.put("approvalDecision", "APPROVED");
        vars.put("approvalComment", "fine");
      }
      case "Task_RecordSignedNda" -> {
        vars.put("signedDecision", "SIGNED");
        vars.put("signedNdaFile", new SignedFile("%PDF-1.4 executed copy".getBytes(StandardCharsets.US_ASCII)));
        vars.put("signatureDate", LocalDate.now(ZoneOffset.UTC).toString());
        vars.put("signatories", "Li Wei (partner), Paula Procurement (us)");
      }
      default -> throw new AssertionError("The driver does not know task " + taskKey);
    }
    return vars;
  }

  private record SignedFile(byte[] pdf) {
  }

  /** Engine REST variables: {"name": {"value": ..., "type": ...}}. */
  private static Map<String, Object> typed(Map<String, Object> vars) {
    Map<String, Object> typed = new HashMap<>();
    vars.forEach((name, value) -> {
      if (value instanceof Boolean b) {
        typed.put(name, Map.of("value", b, "type", "Boolean"));
      } else if (value instanceof SignedFile f) {
        typed.put(name, Map.of("value", Base64.getEncoder().encodeToString(f.pdf()), "type", "File",
            "valueInfo", Map.of("filename", "signed.pdf", "mimetype", "application/pdf")));
      } else {
        typed.put(name, Map.of("value", value, "type", "String"));
      }
    });
    return typed;
  }

  static List<String> names(String run, int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("Crash Test " + run + " " + i + " GmbH");
    }
    return names;
  }
}
