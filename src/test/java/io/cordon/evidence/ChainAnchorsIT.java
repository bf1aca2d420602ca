package io.cordon.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.CordonIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anchors with a time-stamp authority running in this JVM. Rewriting is done as a thorough forger would: change an
 * event and recompute every later hash, so that the plain walk finds nothing; only the anchors can tell.
 */
@CordonIntegrationTest
class ChainAnchorsIT {

  static TestTimestampAuthority tsa;

  @Autowired
  ChainAnchors anchors;
  @Autowired
  EvidenceChain chain;
  @Autowired
  ChainVerifier verifier;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TransactionTemplate tx;

  @BeforeAll
  static void startAuthority() throws Exception {
    tsa = new TestTimestampAuthority();
  }

  @AfterAll
  static void stopAuthority() {
    tsa.close();
  }

  private long appendOne(String note) {
    tx.executeWithoutResult(s -> chain.append(EvidenceRecord.of("TEST_EVENT").secrets(List.of("TS-ANCHOR")).payload(Map.of("note", note))));
    return chain.headSeq();
  }

  @Test
  void aTimestampedAnchorIsRecordedInTheChainAndInTheSink() throws Exception {
    Path sink = anchors.sinkDirectory();
    long seq = appendOne("before anchor");
    ChainAnchors.Recorded anchor = anchors.anchor(tsa.url()).orElseThrow();

    assertThat(anchor.anchoredSeq()).isEqualTo(seq);
    assertThat(anchor.token()).isNotEmpty();
    TimestampTokens.Token token = TimestampTokens.read(anchor.token());
    assertThat(token.signatureValid()).isTrue();
    assertThat(TimestampTokens.sameImprint(token, ChainAnchors.imprint(anchor.anchoredHash()))).isTrue();
    assertThat(anchors.latest().orElseThrow().eventSeq()).isEqualTo(anchor.eventSeq());
    assertThat(Files.readAllBytes(sink.resolve("anchor-" + seq + ".tsr"))).isEqualTo(anchor.token());
    assertThat(Files.readString(sink.resolve("anchor-" + seq + ".json"))).contains(anchor.anchoredHash());
    assertThat(anchors.anchor(tsa.url())).as("nothing new since the last anchor").isEmpty();

    AnchorVerification result = anchors.verify();
    assertThat(result.mismatches()).isEmpty();
    assertThat(result.newestMatching().eventSeq()).isEqualTo(anchor.eventSeq());
    assertThat(result.newestMatching().timestamped()).isTrue();
  }

  @Test
  void withoutAnAuthorityTheAnchorStillGoesToTheSink() throws Exception {
    Path sink = anchors.sinkDirectory();
    long seq = appendOne("no tsa");
    ChainAnchors.Recorded anchor = anchors.anchor(null).orElseThrow();
    assertThat(anchor.token()).isNull();
    assertThat(anchor.tsa()).isEqualTo("none");
    assertThat(Files.readString(sink.resolve("anchor-" + seq + ".json"))).contains(anchor.anchoredHash());
    assertThat(Files.exists(sink.resolve("anchor-" + seq + ".tsr"))).isFalse();
  }

  @Test
  void rewritingAnEventBeforeAnAnchorIsDetectedAndTheOlderAnchorStillMatches() {
    appendOne("covered by the older anchor");
    ChainAnchors.Recorded older = anchors.anchor(tsa.url()).orElseThrow();
    long target = appendOne("to be rewritten");
    appendOne("after the target");
    ChainAnchors.Recorded newer = anchors.anchor(tsa.url()).orElseThrow();
    appendOne("after the newer anchor");

    List<Object[]> originals = jdbc.query("select seq, payload, prev_hash, hash from evidence_event where seq >= ? order by seq",
        (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)}, target);
    try {
      jdbc.update("update evidence_event set payload = ? where seq = ?", "{\"note\":\"forged\"}", target);
      rehashFrom(target);
      assertThat(verifier.verify().intact()).as("the forger recomputed every hash, so the walk alone sees nothing").isTrue();

      AnchorVerification result = anchors.verify();
      assertThat(result.newestMatching().eventSeq()).isEqualTo(older.eventSeq());
      assertThat(result.mismatches()).extracting(AnchorVerification.Mismatch::eventSeq).contains(newer.eventSeq());
      assertThat(result.mismatches()).allSatisfy(m -> assertThat(m.eventSeq()).isGreaterThan(older.eventSeq()));
      assertThat(result.mismatches().get(result.mismatches().size() - 1).problem()).contains("rewritten");
    } finally {
      for (Object[] o : originals) {
        jdbc.update("update evidence_event set payload = ?, prev_hash = ?, hash = ? where seq = ?", o[1], o[2], o[3], o[0]);
      }
      String last = (String) originals.get(originals.size() - 1)[3];
      jdbc.update("update evidence_chain_head set last_hash = ? where id = 1", last);
    }
    assertThat(anchors.verify().mismatches()).isEmpty();
  }

  /** Recomputes every hash from {@code seq} to the head, and the head, as someone with database access could. */
  private void rehashFrom(long seq) {
    String previous = jdbc.queryForObject("select hash from evidence_event where seq = ?", String.class, seq - 1);
    List<EvidenceEvent> events = new ArrayList<>(chain.page(seq - 1, Integer.MAX_VALUE));
    for (EvidenceEvent e : events) {
      EvidenceEvent relinked = new EvidenceEvent(e.seq(), e.occurredAt(), e.actor(), e.type(), e.partnerCode(), e.secretCodes(),
          e.ndaReference(), e.documentHash(), e.processInstanceId(), e.activityId(), e.payload(), previous, null);
      String hash = CanonicalJson.sha256Hex(relinked.canonical());
      jdbc.update("update evidence_event set prev_hash = ?, hash = ? where seq = ?", previous, hash, e.seq());
      previous = hash;
    }
    jdbc.update("update evidence_chain_head set last_hash = ? where id = 1", previous);
  }
}
