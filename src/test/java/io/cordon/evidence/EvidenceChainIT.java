package io.cordon.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering is done with plain SQL, as someone with database access would; every test puts the rows back so the
 * chain shared by the other tests stays intact.
 */
@CordonIntegrationTest
class EvidenceChainIT {

  @Autowired
  EvidenceChain chain;
  @Autowired
  ChainVerifier verifier;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TransactionTemplate tx;
  @Autowired
  TestRestTemplate rest;

  @BeforeEach
  void someEvents() {
    tx.executeWithoutResult(s -> {
      for (int i = 0; i < 5; i++) {
        chain.append(EvidenceRecord.of("TEST_EVENT").partner("P-0001").secrets(List.of("TS-0001", "TS-0002"))
            .payload(Map.of("i", i, "note", "quote \" backslash \\ 机密")));
      }
    });
  }

  @Test
  void anUntouchedChainVerifies() {
    ChainVerification result = verifier.verify();
    assertThat(result.intact()).as(result.problem()).isTrue();
    assertThat(result.eventsChecked()).isEqualTo(result.headSeq()).isGreaterThanOrEqualTo(5);
    assertThat(result.firstBrokenSeq()).isNull();
  }

  @Test
  void aChangedEventIsDetected() {
    long seq = lastSeq() - 2;
    String original = jdbc.queryForObject("select payload from evidence_event where seq = ?", String.class, seq);
    try {
      jdbc.update("update evidence_event set payload = ? where seq = ?", original.replace("\"i\"", "\"j\""), seq);
      assertBrokenAt(seq, "was changed");
    } finally {
      jdbc.update("update evidence_event set payload = ? where seq = ?", original, seq);
    }
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void aChangedActorIsDetectedEvenWithTheHashRecomputedNaively() {
    long seq = lastSeq() - 1;
    String actor = jdbc.queryForObject("select actor from evidence_event where seq = ?", String.class, seq);
    try {
      jdbc.update("update evidence_event set actor = 'mallory' where seq = ?", seq);
      assertBrokenAt(seq, "was changed");
    } finally {
      jdbc.update("update evidence_event set actor = ? where seq = ?", actor, seq);
    }
  }

  @Test
  void aDeletedEventIsDetected() {
    long seq = lastSeq() - 3;
    Map<String, Object> row = jdbc.queryForMap("select * from evidence_event where seq = ?", seq);
    try {
      jdbc.update("delete from evidence_event where seq = ?", seq);
      assertBrokenAt(seq, "missing");
    } finally {
      reinsert(row);
    }
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void swappedEventsAreDetected() {
    long a = lastSeq() - 3;
    long b = lastSeq() - 2;
    Map<String, Object> rowA = jdbc.queryForMap("select * from evidence_event where seq = ?", a);
    Map<String, Object> rowB = jdbc.queryForMap("select * from evidence_event where seq = ?", b);
    try {
      // Swap everything but the sequence numbers: the order of events changes.
      jdbc.update("delete from evidence_event where seq in (?, ?)", a, b);
      Map<String, Object> movedA = new java.util.HashMap<>(rowA);
      Map<String, Object> movedB = new java.util.HashMap<>(rowB);
      movedA.put("SEQ", b);
      movedB.put("SEQ", a);
      reinsert(movedB);
      reinsert(movedA);
      assertBrokenAt(a, "does not link");
    } finally {
      jdbc.update("delete from evidence_event where seq in (?, ?)", a, b);
      reinsert(rowA);
      reinsert(rowB);
    }
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void aTruncatedChainIsDetected() {
    long last = lastSeq();
    Map<String, Object> row = jdbc.queryForMap("select * from evidence_event where seq = ?", last);
    try {
      jdbc.update("delete from evidence_event where seq = ?", last);
      ChainVerification result = verifier.verify();
      assertThat(result.intact()).isFalse();
      assertThat(result.problem()).contains("truncated");
      assertThat(result.firstBrokenSeq()).isEqualTo(last);
    } finally {
      reinsert(row);
    }
  }

  @Test
  void concurrentAppendsFromTwoThreadsStayOneChainWithoutGaps() throws Exception {
    long before = lastSeq();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int thread = t;
        Callable<Void> appender = () -> {
          for (int i = 0; i < 100; i++) {
            int n = i;
            tx.executeWithoutResult(s -> chain.append(EvidenceRecord.of("CONCURRENT").payload(Map.of("thread", thread, "n", n))));
          }
          return null;
        };
        futures.add(pool.submit(appender));
      }
      for (Future<Void> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(lastSeq()).isEqualTo(before + 200);
    List<Long> seqs = jdbc.queryForList("select seq from evidence_event where seq > ? order by seq", Long.class, before);
    assertThat(seqs).hasSize(200);
    assertThat(seqs.get(199) - seqs.get(0)).isEqualTo(199);
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void aRolledBackStepLeavesNoEventAndNoGap() {
    long before = lastSeq();
    try {
      tx.executeWithoutResult(s -> {
        chain.append(EvidenceRecord.of("WILL_ROLL_BACK"));
        throw new IllegalStateException("the step failed");
      });
    } catch (IllegalStateException expected) {
      // the step's failure
    }
    assertThat(lastSeq()).isEqualTo(before);
    tx.executeWithoutResult(s -> chain.append(EvidenceRecord.of("AFTER_ROLLBACK")));
    assertThat(jdbc.queryForObject("select max(seq) from evidence_event", Long.class)).isEqualTo(before + 1);
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void aTransactionsEventsAreChainedTogetherWhenItCommitsInTheOrderRecorded() {
    long before = lastSeq();
    long[] insideTransaction = new long[2];
    tx.executeWithoutResult(s -> {
      chain.append(EvidenceRecord.of("RECORDED").payload(Map.of("n", 1)));
      chain.append(EvidenceRecord.of("RECORDED").payload(Map.of("n", 2)));
      // Same connection: an event written at once would show here.
      insideTransaction[0] = lastSeq();
      insideTransaction[1] = jdbc.queryForObject("select count(*) from evidence_event where seq > ?", Long.class, before);
    });
    assertThat(insideTransaction).containsExactly(before, 0L);
    assertThat(lastSeq()).isEqualTo(before + 2);
    assertThat(jdbc.queryForList("select payload from evidence_event where seq > ? order by seq", String.class, before))
        .containsExactly("{\"n\":1}", "{\"n\":2}");
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void concurrentStepsOfSeveralEventsEachStayOneChainWithoutGapsEachStepInOnePiece() throws Exception {
    int threads = 6;
    int steps = 15;
    int perStep = 3;
    long before = lastSeq();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < steps; i++) {
            int step = i;
            tx.executeWithoutResult(s -> {
              for (int k = 0; k < perStep; k++) {
                chain.append(EvidenceRecord.of("CONCURRENT_STEP").partner("P-T" + thread)
                    .payload(Map.of("thread", thread, "step", step, "k", k)));
                // Other work of the step between its appends.
                jdbc.queryForObject("select count(*) from code_sequence", Long.class);
              }
            });
          }
          return null;
        }));
      }
      for (Future<Void> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    int total = threads * steps * perStep;
    assertThat(lastSeq()).isEqualTo(before + total);
    List<EvidenceEvent> events = chain.page(before, total + 10);
    assertThat(events).hasSize(total);
    for (int i = 0; i < total; i++) {
      assertThat(events.get(i).seq()).isEqualTo(before + 1 + i);
    }
    // Each step's events are consecutive links, in the order the step recorded them.
    for (int i = 0; i < total; i += perStep) {
      String first = events.get(i).payload();
      for (int k = 0; k < perStep; k++) {
        EvidenceEvent e = events.get(i + k);
        assertThat(e.partnerCode()).isEqualTo(events.get(i).partnerCode());
        assertThat(e.payload()).isEqualTo(first.replace("\"k\":0", "\"k\":" + k));
      }
    }
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void aStepWhoseEvidenceCannotBeWrittenCommitsNothing() {
    long before = lastSeq();
    String name = "ev-" + System.nanoTime();
    try {
      tx.executeWithoutResult(s -> {
        jdbc.update("insert into code_sequence (name, next_value) values (?, 1)", name);
        chain.append(EvidenceRecord.of("FITS"));
        // Longer than the partner_code column: the event cannot be stored, which shows only at commit.
        chain.append(EvidenceRecord.of("DOES_NOT_FIT").partner("P-".repeat(40)));
      });
      org.assertj.core.api.Assertions.fail("the commit should have failed");
    } catch (RuntimeException expected) {
      // the step fails as its evidence does
    }
    assertThat(jdbc.queryForObject("select count(*) from code_sequence where name = ?", Long.class, name)).isZero();
    assertThat(lastSeq()).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from evidence_event where seq > ?", Long.class, before)).isZero();
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void anInnerTransactionOfItsOwnCommitsItsOwnEventsAndTheOuterRollbackDropsOnlyItsOwn() {
    long before = lastSeq();
    TransactionTemplate inner = new TransactionTemplate(tx.getTransactionManager());
    inner.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    try {
      tx.executeWithoutResult(s -> {
        chain.append(EvidenceRecord.of("OUTER_ROLLS_BACK"));
        inner.executeWithoutResult(i -> chain.append(EvidenceRecord.of("INNER_COMMITS")));
        throw new IllegalStateException("the outer step failed");
      });
    } catch (IllegalStateException expected) {
      // the outer step's failure
    }
    assertThat(lastSeq()).isEqualTo(before + 1);
    assertThat(chain.page(before, 10)).extracting(EvidenceEvent::type).containsExactly("INNER_COMMITS");
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void appendAllChainsTheEventsTheTransactionRecordedBeforeFirst() {
    long before = lastSeq();
    List<EvidenceEvent> written = tx.execute(s -> {
      chain.append(EvidenceRecord.of("RECORDED_FIRST"));
      return chain.appendAll(List.of(EvidenceRecord.of("BATCH_1"), EvidenceRecord.of("BATCH_2")));
    });
    assertThat(written).extracting(EvidenceEvent::seq).containsExactly(before + 2, before + 3);
    assertThat(chain.page(before, 10)).extracting(EvidenceEvent::type).containsExactly("RECORDED_FIRST", "BATCH_1", "BATCH_2");
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void verificationIsExposedToSecurityAndAdminsOnlyAndAsHealth() {
    JsonNode result = Api.as(rest, "sam").get("/api/evidence/verify").getBody();
    assertThat(result.get("intact").asBoolean()).isTrue();
    assertThat(Api.as(rest, "paula").get("/api/evidence/verify").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode health = rest.withBasicAuth("ada", "ada").getForObject("/actuator/health", JsonNode.class);
    assertThat(health.get("components").get("evidenceChain").get("status").asText()).isEqualTo("UP");
  }

  private long lastSeq() {
    return jdbc.queryForObject("select last_seq from evidence_chain_head where id = 1", Long.class);
  }

  private void assertBrokenAt(long seq, String problem) {
    ChainVerification result = verifier.verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(seq);
    assertThat(result.problem()).contains(problem);
  }

  private void reinsert(Map<String, Object> row) {
    Map<String, Object> r = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    r.putAll(row);
    jdbc.update("insert into evidence_event (seq, occurred_at, actor, type, partner_code, secret_codes, nda_reference, "
            + "document_hash, process_instance, activity, payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.get("seq"), r.get("occurred_at"), r.get("actor"), r.get("type"), r.get("partner_code"), r.get("secret_codes"),
        r.get("nda_reference"), r.get("document_hash"), r.get("process_instance"), r.get("activity"), r.get("payload"),
        r.get("prev_hash"), r.get("hash"));
  }
}
