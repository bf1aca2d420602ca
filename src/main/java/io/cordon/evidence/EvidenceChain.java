package io.cordon.evidence;

import io.cordon.identity.CurrentUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the chain and reads it. An append locks the single head row, so appends from any number of threads
 * and nodes queue up behind each other: sequence numbers have no gaps and every event links to exactly one
 * predecessor. It joins the caller's transaction (it must have one), so a step and its evidence commit or roll back
 * together, and a rolled-back step leaves neither an event nor a gap. Nothing here updates or deletes an event.
 * Appended from a process step (a delegate or listener), an event names that process instance and activity.
 */
@Service
public class EvidenceChain {

  static final String GENESIS_HASH = "0".repeat(64);
  private static final String COLUMNS = "seq, occurred_at, actor, type, partner_code, secret_codes, nda_reference, "
      + "document_hash, process_instance, activity, payload, prev_hash, hash";

  private final JdbcTemplate jdbc;
  private final CurrentUser currentUser;

  EvidenceChain(JdbcTemplate jdbc, CurrentUser currentUser) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public EvidenceEvent append(EvidenceRecord record) {
    return appendAll(List.of(record)).get(0);
  }

  /**
   * Appends several events under one lock of the head, in the given order, with batched inserts: what an import of
   * thousands of rows needs. Same guarantees as {@link #append}.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<EvidenceEvent> appendAll(List<EvidenceRecord> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    Head head = jdbc.queryForObject("select last_seq, last_hash from evidence_chain_head where id = 1 for update",
        (rs, n) -> new Head(rs.getLong(1), rs.getString(2)));
    // Seconds: MySQL connections send no fractional seconds (Camunda's requirement), so store and hash what survives.
    Instant now = ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
    String actor = currentUser.get().id();
    List<EvidenceEvent> events = new ArrayList<>(records.size());
    long seq = head.seq();
    String previous = head.hash();
    ExecutionEntity step = currentStep();
    for (EvidenceRecord record : records) {
      String processInstance = record.processInstanceId() != null || step == null ? record.processInstanceId() : step.getProcessInstanceId();
      String activity = record.activityId() != null || step == null ? record.activityId() : step.getActivityId();
      EvidenceEvent draft = new EvidenceEvent(++seq, now, actor, record.type(), record.partnerCode(), record.secretCodes(),
          record.ndaReference(), record.documentHash(), processInstance, activity,
          CanonicalJson.write(record.payload()), previous, null);
      EvidenceEvent event = withHash(draft, CanonicalJson.sha256Hex(draft.canonical()));
      events.add(event);
      previous = event.hash();
    }
    jdbc.batchUpdate("insert into evidence_event (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        events.stream().map(e -> new Object[] {e.seq(), Timestamp.from(e.occurredAt()), e.actor(), e.type(), e.partnerCode(),
            e.secretCodes().isEmpty() ? null : String.join(",", e.secretCodes()), e.ndaReference(), e.documentHash(),
            e.processInstanceId(), e.activityId(), e.payload(), e.prevHash(), e.hash()}).toList());
    List<Object[]> links = events.stream()
        .flatMap(e -> e.secretCodes().stream().map(code -> new Object[] {code, e.seq()})).toList();
    if (!links.isEmpty()) {
      jdbc.batchUpdate("insert into evidence_event_secret (secret_code, seq) values (?, ?)", links);
    }
    EvidenceEvent last = events.get(events.size() - 1);
    jdbc.update("update evidence_chain_head set last_seq = ?, last_hash = ? where id = 1", last.seq(), last.hash());
    return events;
  }

  /** The process step being executed on this thread, if a BPMN delegate or listener is appending. */
  private static ExecutionEntity currentStep() {
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    return context == null ? null : context.getExecution();
  }

  /** Events after {@code afterSeq} in chain order, at most {@code limit}. */
  @Transactional(readOnly = true)
  public List<EvidenceEvent> page(long afterSeq, int limit) {
    return jdbc.query("select " + COLUMNS + " from evidence_event where seq > ? order by seq limit ?",
        EvidenceChain::map, afterSeq, limit);
  }

  /** Events that concern a secret, newest first. */
  @Transactional(readOnly = true)
  public List<EvidenceEvent> forSecret(String secretCode, int limit) {
    return jdbc.query("select " + prefixed("e") + " from evidence_event_secret s join evidence_event e on e.seq = s.seq "
        + "where s.secret_code = ? order by s.seq desc limit ?", EvidenceChain::map, secretCode, limit);
  }

  /** Events that concern a partner, newest first. */
  @Transactional(readOnly = true)
  public List<EvidenceEvent> forPartner(String partnerCode, int limit) {
    return jdbc.query("select " + COLUMNS + " from evidence_event where partner_code = ? order by seq desc limit ?",
        EvidenceChain::map, partnerCode, limit);
  }

  Head head() {
    return jdbc.queryForObject("select last_seq, last_hash from evidence_chain_head where id = 1",
        (rs, n) -> new Head(rs.getLong(1), rs.getString(2)));
  }

  record Head(long seq, String hash) {
  }

  private static String prefixed(String alias) {
    return Arrays.stream(COLUMNS.split(", ")).map(c -> alias + "." + c).reduce((a, b) -> a + ", " + b).orElseThrow();
  }

  static EvidenceEvent withHash(EvidenceEvent e, String hash) {
    return new EvidenceEvent(e.seq(), e.occurredAt(), e.actor(), e.type(), e.partnerCode(), e.secretCodes(),
        e.ndaReference(), e.documentHash(), e.processInstanceId(), e.activityId(), e.payload(), e.prevHash(), hash);
  }

  private static EvidenceEvent map(ResultSet rs, int row) throws SQLException {
    String codes = rs.getString("secret_codes");
    return new EvidenceEvent(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
        rs.getString("type"), rs.getString("partner_code"), codes == null ? List.of() : List.of(codes.split(",")),
        rs.getString("nda_reference"), rs.getString("document_hash"), rs.getString("process_instance"),
        rs.getString("activity"), rs.getString("payload"), rs.getString("prev_hash"), rs.getString("hash"));
  }
}
