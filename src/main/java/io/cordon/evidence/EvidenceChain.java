package io.cordon.evidence;

import io.cordon.identity.CurrentUser;
import jakarta.persistence.EntityManagerFactory;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to the chain and reads it. Appends are serialised by a lock on the single head row, so appends from any
 * number of threads and nodes queue up behind each other: sequence numbers have no gaps and every event links to
 * exactly one predecessor. An append joins the caller's transaction (it must have one), so a step and its evidence
 * commit or roll back together, and a rolled-back step leaves neither an event nor a gap.
 * <p>
 * {@link #append} collects a transaction's events, with who acted and, from a process step (a delegate or listener),
 * which process instance and activity; they are chained in one batch just before the transaction commits, after
 * the rest of its work has been written. The head row is therefore locked only for the few statements that write
 * the events and for the commit, not for the whole step. Nothing here updates or deletes an event.
 */
@Service
public class EvidenceChain {

  static final String GENESIS_HASH = "0".repeat(64);
  private static final String COLUMNS = "seq, occurred_at, actor, type, partner_code, secret_codes, nda_reference, "
      + "document_hash, process_instance, activity, payload, prev_hash, hash";

  private final JdbcTemplate jdbc;
  private final CurrentUser currentUser;
  private final ObjectProvider<EntityManagerFactory> entityManagers;

  EvidenceChain(JdbcTemplate jdbc, CurrentUser currentUser, ObjectProvider<EntityManagerFactory> entityManagers) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.entityManagers = entityManagers;
  }

  /**
   * Records an event in the caller's transaction. It is chained (sequence number, time, hash) when the transaction
   * commits, together with the transaction's other events in the order they were recorded; if the transaction rolls
   * back, it never exists. The actor, process instance and activity are those of this call.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void append(EvidenceRecord record) {
    Attributed event = attribute(record);
    PendingEvents pending = pending(true);
    if (pending == null) {
      write(List.of(event));
    } else {
      pending.events.add(event);
    }
  }

  /**
   * Appends several events under one lock of the head, in the given order, with batched inserts, and returns them as
   * chained: what an import of thousands of rows needs. Events already recorded by {@link #append} in this
   * transaction are chained first, so the chain keeps the order of the calls. The head stays locked until the
   * transaction ends.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<EvidenceEvent> appendAll(List<EvidenceRecord> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    List<Attributed> events = new ArrayList<>();
    PendingEvents pending = pending(false);
    if (pending != null) {
      events.addAll(pending.events);
      pending.events.clear();
    }
    int own = events.size();
    records.stream().map(this::attribute).forEach(events::add);
    List<EvidenceEvent> written = write(events);
    return written.subList(own, written.size());
  }

  /** An event with what only the calling thread knows: who acts, and in which process step. */
  private record Attributed(EvidenceRecord record, String actor, String processInstanceId, String activityId) {
  }

  private Attributed attribute(EvidenceRecord record) {
    ExecutionEntity step = currentStep();
    String processInstance = record.processInstanceId() != null || step == null ? record.processInstanceId() : step.getProcessInstanceId();
    String activity = record.activityId() != null || step == null ? record.activityId() : step.getActivityId();
    return new Attributed(record, currentUser.get().id(), processInstance, activity);
  }

  /**
   * The events this transaction has recorded and not yet chained, registered to be chained before it commits;
   * null when the transaction has no synchronization (events are then chained at once). Kept in the transaction's
   * synchronizations, so that a transaction started with REQUIRES_NEW has its own and commits its own events.
   */
  private PendingEvents pending(boolean create) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
      if (s instanceof PendingEvents p && p.chain == this) {
        return p;
      }
    }
    if (!create) {
      return null;
    }
    PendingEvents p = new PendingEvents(this);
    TransactionSynchronizationManager.registerSynchronization(p);
    return p;
  }

  private static final class PendingEvents implements TransactionSynchronization {

    private final EvidenceChain chain;
    private final List<Attributed> events = new ArrayList<>();

    PendingEvents(EvidenceChain chain) {
      this.chain = chain;
    }

    /** Last of the synchronizations: everything else the transaction writes is written before the head is locked. */
    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      if (events.isEmpty()) {
        return;
      }
      chain.flushEntityManager();
      chain.write(List.copyOf(events));
      events.clear();
    }

    @Override
    public void afterCompletion(int status) {
      events.clear();
    }
  }

  /**
   * Pending JPA changes go to the database before the head is locked, so that the lock is the transaction's last:
   * it is held only briefly, and no transaction waits for a row lock while it holds the head.
   */
  private void flushEntityManager() {
    EntityManagerFactory factory = entityManagers.getIfAvailable();
    if (factory != null && TransactionSynchronizationManager.hasResource(factory)) {
      EntityManagerHolder holder = (EntityManagerHolder) TransactionSynchronizationManager.getResource(factory);
      holder.getEntityManager().flush();
    }
  }

  private List<EvidenceEvent> write(List<Attributed> records) {
    Head head = jdbc.queryForObject("select last_seq, last_hash from evidence_chain_head where id = 1 for update",
        (rs, n) -> new Head(rs.getLong(1), rs.getString(2)));
    // Seconds: MySQL connections send no fractional seconds (Camunda's requirement), so store and hash what survives.
    Instant now = ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
    List<EvidenceEvent> events = new ArrayList<>(records.size());
    long seq = head.seq();
    String previous = head.hash();
    for (Attributed a : records) {
      EvidenceRecord record = a.record();
      EvidenceEvent draft = new EvidenceEvent(++seq, now, a.actor(), record.type(), record.partnerCode(), record.secretCodes(),
          record.ndaReference(), record.documentHash(), a.processInstanceId(), a.activityId(),
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

  /** Events that concern an NDA, newest first. */
  @Transactional(readOnly = true)
  public List<EvidenceEvent> forNda(String ndaReference, int limit) {
    return jdbc.query("select " + COLUMNS + " from evidence_event where nda_reference = ? order by seq desc limit ?",
        EvidenceChain::map, ndaReference, limit);
  }

  /** One link of the chain without its content: what a pack needs to show where its events sit in the chain. */
  public record Link(long seq, String prevHash, String hash) {
  }

  /** The links from {@code fromSeq} to {@code toSeq}, both included, in order. */
  @Transactional(readOnly = true)
  public List<Link> links(long fromSeq, long toSeq) {
    return jdbc.query("select seq, prev_hash, hash from evidence_event where seq between ? and ? order by seq",
        (rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3)), fromSeq, toSeq);
  }

  /** The sequence number of the newest event. */
  public long headSeq() {
    return head().seq();
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
