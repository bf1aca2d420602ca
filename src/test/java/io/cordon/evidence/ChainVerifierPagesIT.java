package io.cordon.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.CordonIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Verification over several pages, which the verifier reads ahead while it checks: a change deep in the chain is found. */
@CordonIntegrationTest
class ChainVerifierPagesIT {

  @Autowired
  EvidenceChain chain;
  @Autowired
  ChainVerifier verifier;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TransactionTemplate tx;

  @Test
  void aChangedEventOnALaterPageIsFoundAndAnIntactChainOfManyPagesPasses() {
    List<EvidenceRecord> records = new ArrayList<>();
    for (int i = 0; i < ChainVerifier.PAGE * 2 + 500; i++) {
      records.add(EvidenceRecord.of("PAGED").payload(Map.of("n", i)));
    }
    List<EvidenceEvent> events = tx.execute(s -> chain.appendAll(records));
    ChainVerification intact = verifier.verify();
    assertThat(intact.intact()).isTrue();
    assertThat(intact.eventsChecked()).isGreaterThan(2L * ChainVerifier.PAGE);

    long changed = events.get(events.size() - 100).seq();
    String payload = jdbc.queryForObject("select payload from evidence_event where seq = ?", String.class, changed);
    try {
      jdbc.update("update evidence_event set payload = ? where seq = ?", "{\"n\":-1}", changed);
      ChainVerification broken = verifier.verify();
      assertThat(broken.intact()).isFalse();
      assertThat(broken.firstBrokenSeq()).isEqualTo(changed);
      assertThat(broken.problem()).contains("changed after it was recorded");
    } finally {
      jdbc.update("update evidence_event set payload = ? where seq = ?", payload, changed);
    }
    assertThat(verifier.verify().intact()).isTrue();
  }
}
