package io.cordon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.CordonIntegrationTest;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@CordonIntegrationTest
class FlywayMigrationsIT {

  @Autowired
  Flyway flyway;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void everyMigrationIsAppliedAndNonePending() {
    MigrationInfo[] all = flyway.info().all();
    assertThat(all).isNotEmpty();
    assertThat(flyway.info().pending()).isEmpty();
    assertThat(Arrays.stream(all).filter(m -> m.getVersion() != null && !"0".equals(m.getVersion().getVersion())))
        .allSatisfy(m -> assertThat(m.getState()).isIn(MigrationState.SUCCESS));
  }

  @Test
  void cordonsTablesExistAndTheChainHeadMatchesTheLastEvent() {
    for (String table : java.util.List.of("evidence_event", "evidence_event_secret", "evidence_chain_head", "code_sequence",
        "trade_secret", "partner", "disclosure", "disclosure_approval", "due_diligence", "nda", "nda_version", "nda_blob",
        "mail_outbox")) {
      assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class)).as(table).isNotNegative();
    }
    Long head = jdbc.queryForObject("select last_seq from evidence_chain_head where id = 1", Long.class);
    Long last = jdbc.queryForObject("select coalesce(max(seq), 0) from evidence_event", Long.class);
    assertThat(head).isEqualTo(last);
  }
}
