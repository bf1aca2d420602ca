package io.cordon.dispute;

import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.identity.CurrentUser;
import io.cordon.nda.NdaService;
import io.cordon.partner.PartnerService;
import io.cordon.platform.ConflictException;
import io.cordon.platform.NotFoundException;
import io.cordon.secret.SecretService;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal holds on a secret, partner or NDA. What a hold covers is read from the chain: every process instance that
 * recorded an evidence event naming the subject. While a hold is active Camunda's history cleanup removes none of
 * their history: placing it clears their removal time (a batch the job executor runs), instances that end while held
 * get none ({@link LegalHoldEnginePlugin}), and releasing it recalculates the removal time of the instances no other
 * hold covers. Cordon removes no documents, mail records or evidence events at all, so nothing else needs holding.
 */
@Service
public class LegalHolds {

  public enum Kind { SECRET, PARTNER, NDA }

  public record Hold(long id, Kind kind, String code, String reason, String placedBy, Instant placedAt, String releasedBy,
      Instant releasedAt, String releaseReason) {
  }

  static final String COVERED_BY_ACTIVE_HOLD = """
      select count(*) from legal_hold h where h.released_at is null and exists (
        select 1 from evidence_event e where e.process_instance in (?, ?) and (
          (h.subject_kind = 'PARTNER' and e.partner_code = h.subject_code)
          or (h.subject_kind = 'NDA' and e.nda_reference = h.subject_code)
          or (h.subject_kind = 'SECRET' and exists (select 1 from evidence_event_secret s
                where s.seq = e.seq and s.secret_code = h.subject_code))))""";

  private final JdbcTemplate jdbc;
  private final EvidenceChain evidence;
  private final HistoryService history;
  private final IdentityService identity;
  private final CurrentUser currentUser;
  private final SecretService secrets;
  private final PartnerService partners;
  private final NdaService ndas;

  LegalHolds(JdbcTemplate jdbc, EvidenceChain evidence, @Lazy HistoryService history, @Lazy IdentityService identity,
      CurrentUser currentUser, SecretService secrets, PartnerService partners, NdaService ndas) {
    this.jdbc = jdbc;
    this.evidence = evidence;
    this.history = history;
    this.identity = identity;
    this.currentUser = currentUser;
    this.secrets = secrets;
    this.partners = partners;
    this.ndas = ndas;
  }

  @Transactional
  public Hold place(Kind kind, String code, String reason) {
    checkExists(kind, code);
    if (!active(kind, code).isEmpty()) {
      throw new ConflictException("A legal hold on " + code + " is already active: release it first or keep it.");
    }
    Instant now = now();
    String user = currentUser.get().id();
    jdbc.update("insert into legal_hold (subject_kind, subject_code, reason, placed_by, placed_at) values (?, ?, ?, ?, ?)",
        kind.name(), code, reason, user, Timestamp.from(now));
    Hold hold = active(kind, code).get(0);
    List<String> roots = asCordon(() -> {
      List<String> finished = finishedRoots(coveredProcessInstances(kind, code));
      if (!finished.isEmpty()) {
        history.setRemovalTimeToHistoricProcessInstances().clearedRemovalTime().byIds(finished.toArray(String[]::new))
            .hierarchical().executeAsync();
      }
      return finished;
    });
    evidence.append(record("LEGAL_HOLD_PLACED", kind, code, Map.of("holdId", hold.id(), "reason", reason,
        "processInstances", roots.size())));
    return hold;
  }

  @Transactional
  public Hold release(long id, String reason) {
    Hold hold = find(id);
    if (hold.releasedAt() != null) {
      throw new ConflictException("Legal hold " + id + " was already released on " + hold.releasedAt() + ".");
    }
    jdbc.update("update legal_hold set released_by = ?, released_at = ?, release_reason = ? where id = ?",
        currentUser.get().id(), Timestamp.from(now()), reason, id);
    List<String> roots = asCordon(() -> {
      List<String> free = finishedRoots(coveredProcessInstances(hold.kind(), hold.code())).stream()
          .filter(root -> !isHeld(root, root)).toList();
      if (!free.isEmpty()) {
        history.setRemovalTimeToHistoricProcessInstances().calculatedRemovalTime().byIds(free.toArray(String[]::new))
            .hierarchical().executeAsync();
      }
      return free;
    });
    evidence.append(record("LEGAL_HOLD_RELEASED", hold.kind(), hold.code(), Map.of("holdId", id, "reason", reason,
        "processInstances", roots.size())));
    return find(id);
  }

  @Transactional(readOnly = true)
  public List<Hold> list(boolean activeOnly) {
    return jdbc.query("select * from legal_hold" + (activeOnly ? " where released_at is null" : "") + " order by id", LegalHolds::map);
  }

  /** Whether an active hold covers the process instance or its root (for the engine, when an instance ends). */
  boolean isHeld(String processInstanceId, String rootProcessInstanceId) {
    Integer holds = jdbc.queryForObject("select count(*) from legal_hold where released_at is null", Integer.class);
    if (holds == null || holds == 0) {
      return false;
    }
    Integer covered = jdbc.queryForObject(COVERED_BY_ACTIVE_HOLD, Integer.class, processInstanceId,
        rootProcessInstanceId == null ? processInstanceId : rootProcessInstanceId);
    return covered != null && covered > 0;
  }

  /**
   * Engine calls made on Cordon's authority: the caller was allowed to place or release the hold, and the engine must
   * see every covered instance, not only those whose history the caller may read.
   */
  private <T> T asCordon(java.util.function.Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private List<String> coveredProcessInstances(Kind kind, String code) {
    String sql = switch (kind) {
      case SECRET -> "select distinct e.process_instance from evidence_event_secret s join evidence_event e on e.seq = s.seq "
          + "where s.secret_code = ? and e.process_instance is not null";
      case PARTNER -> "select distinct process_instance from evidence_event where partner_code = ? and process_instance is not null";
      case NDA -> "select distinct process_instance from evidence_event where nda_reference = ? and process_instance is not null";
    };
    return jdbc.queryForList(sql, String.class, code);
  }

  /** The root instances of the given ones that have ended (running ones get no removal time until they end). */
  private List<String> finishedRoots(List<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    Set<String> roots = new TreeSet<>();
    for (int from = 0; from < processInstanceIds.size(); from += 500) {
      List<String> chunk = processInstanceIds.subList(from, Math.min(processInstanceIds.size(), from + 500));
      for (HistoricProcessInstance p : history.createHistoricProcessInstanceQuery().processInstanceIds(new TreeSet<>(chunk))
          // At most one row per id; bounded, as queries on behalf of a user must be (queryMaxResultsLimit).
          .listPage(0, chunk.size())) {
        roots.add(p.getRootProcessInstanceId() == null ? p.getId() : p.getRootProcessInstanceId());
      }
    }
    List<String> finished = new ArrayList<>();
    List<String> all = new ArrayList<>(roots);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      history.createHistoricProcessInstanceQuery().processInstanceIds(new TreeSet<>(chunk))
          .finished().listPage(0, chunk.size()).forEach(p -> finished.add(p.getId()));
    }
    return finished;
  }

  private void checkExists(Kind kind, String code) {
    switch (kind) {
      case SECRET -> {
        if (!secrets.exists(code)) {
          throw new NotFoundException("No trade secret with code " + code + ".");
        }
      }
      case PARTNER -> partners.resolve(code);
      case NDA -> ndas.get(code);
    }
  }

  private List<Hold> active(Kind kind, String code) {
    return jdbc.query("select * from legal_hold where subject_kind = ? and subject_code = ? and released_at is null",
        LegalHolds::map, kind.name(), code);
  }

  private Hold find(long id) {
    return jdbc.query("select * from legal_hold where id = ?", LegalHolds::map, id).stream().findFirst()
        .orElseThrow(() -> new NotFoundException("No legal hold with id " + id + "."));
  }

  private static EvidenceRecord record(String type, Kind kind, String code, Map<String, Object> facts) {
    Map<String, Object> payload = new LinkedHashMap<>(facts);
    payload.put("kind", kind.name());
    EvidenceRecord record = EvidenceRecord.of(type).payload(payload);
    return switch (kind) {
      case SECRET -> record.secrets(List.of(code));
      case PARTNER -> record.partner(code);
      case NDA -> record.nda(code, null);
    };
  }

  private static Hold map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Timestamp released = rs.getTimestamp("released_at");
    return new Hold(rs.getLong("id"), Kind.valueOf(rs.getString("subject_kind")), rs.getString("subject_code"), rs.getString("reason"),
        rs.getString("placed_by"), rs.getTimestamp("placed_at").toInstant(), rs.getString("released_by"),
        released == null ? null : released.toInstant(), rs.getString("release_reason"));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
  }
}
