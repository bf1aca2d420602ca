package io.cordon.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Extends the evidence chain to a given length quickly: events are hashed here exactly as {@link EvidenceChain}
 * hashes them (same record, same canonical form, each linked to the one before, starting from the current head) and
 * written with batched inserts, 10,000 per transaction together with the head, so the chain is valid after every
 * commit. Deterministic for a seed; does nothing when the chain is long enough already.
 */
final class EvidenceChainGenerator {

  private static final int BATCH = 10_000;
  private static final int PROGRESS_EVERY = 100_000;
  private static final Instant START = Instant.parse("2019-01-07T08:00:00Z");
  private static final List<String> TYPES = List.of("DISCLOSURE_REQUESTED", "DISCLOSURE_APPROVED", "SECRET_DISCLOSED",
      "DISCLOSURE_RETURNED", "NDA_GENERATED", "NDA_EXECUTED", "PARTNER_ACTIVATED", "RECERTIFICATION_RECORDED");
  private static final List<String> ACTORS = List.of("paula", "lena", "oscar", "olivia", "sam", "system");
  private static final List<String> ACTIVITIES = List.of("Task_ReviewNda", "Task_GenerateNda", "Task_ApproveDisclosure",
      "Task_RecordSignedNda", "Task_RecordDisclosures");

  private EvidenceChainGenerator() {
  }

  /** Appends generated events until the chain holds at least {@code length}; returns how many were added. */
  static long ensureLength(DataSource dataSource, long length, long seed) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        EvidenceChain.Head head = head(c);
        long toAdd = length - head.seq();
        SplittableRandom random = new SplittableRandom(seed ^ head.seq());
        long seq = head.seq();
        String previous = head.hash();
        long started = System.nanoTime();
        while (seq < length) {
          List<EvidenceEvent> events = new ArrayList<>(BATCH);
          for (int i = 0; i < BATCH && seq < length; i++) {
            EvidenceEvent event = next(++seq, previous, random);
            events.add(event);
            previous = event.hash();
          }
          write(c, events);
          c.commit();
          long added = seq - head.seq();
          if (added % PROGRESS_EVERY == 0 || seq == length) {
            System.out.printf("  evidence events: %,d / %,d (%,.0f events/s)%n", added, toAdd,
                added / ((System.nanoTime() - started) / 1e9));
          }
        }
        return Math.max(0, toAdd);
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  /** A plausible event: a partner, one to three secrets, sometimes an NDA and a process step, a small payload. */
  static EvidenceEvent next(long seq, String previousHash, SplittableRandom r) {
    String type = TYPES.get(r.nextInt(TYPES.size()));
    List<String> secrets = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      secrets.add(String.format("TS-%04d", 1 + r.nextInt(5_000)));
    }
    String partner = String.format("P-%04d", 1 + r.nextInt(10_000));
    boolean nda = type.startsWith("NDA") || r.nextInt(3) == 0;
    boolean process = r.nextBoolean();
    Map<String, Object> payload = new TreeMap<>();
    payload.put("disclosureId", 1 + r.nextInt(1_000_000));
    payload.put("purpose", "Quotation for series supply (programme " + (char) ('A' + r.nextInt(26)) + "-" + r.nextInt(1000) + ")");
    payload.put("permittedRecipients", List.of("Engineering team", "Quality manager"));
    // EvidenceRecord sorts and de-duplicates the secret codes; so does this.
    EvidenceRecord record = new EvidenceRecord(type, partner, secrets,
        nda ? "NDA-" + partner + "-" + (1 + r.nextInt(3)) : null,
        nda ? CanonicalJson.sha256Hex("document " + seq) : null,
        process ? Long.toHexString(r.nextLong()) + "-" + Long.toHexString(r.nextLong()) : null,
        process ? ACTIVITIES.get(r.nextInt(ACTIVITIES.size())) : null, payload);
    EvidenceEvent draft = new EvidenceEvent(seq, START.plusSeconds(seq * 60), ACTORS.get(r.nextInt(ACTORS.size())),
        record.type(), record.partnerCode(), record.secretCodes(), record.ndaReference(), record.documentHash(),
        record.processInstanceId(), record.activityId(), CanonicalJson.write(record.payload()), previousHash, null);
    return EvidenceChain.withHash(draft, CanonicalJson.sha256Hex(draft.canonical()));
  }

  private static void write(Connection c, List<EvidenceEvent> events) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into evidence_event (seq, occurred_at, actor, type, "
        + "partner_code, secret_codes, nda_reference, document_hash, process_instance, activity, payload, prev_hash, hash) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement links = c.prepareStatement("insert into evidence_event_secret (secret_code, seq) values (?, ?)");
        PreparedStatement head = c.prepareStatement("update evidence_chain_head set last_seq = ?, last_hash = ? where id = 1")) {
      for (EvidenceEvent e : events) {
        ps.setLong(1, e.seq());
        ps.setTimestamp(2, Timestamp.from(e.occurredAt()));
        ps.setString(3, e.actor());
        ps.setString(4, e.type());
        ps.setString(5, e.partnerCode());
        ps.setString(6, e.secretCodes().isEmpty() ? null : String.join(",", e.secretCodes()));
        ps.setString(7, e.ndaReference());
        ps.setString(8, e.documentHash());
        ps.setString(9, e.processInstanceId());
        ps.setString(10, e.activityId());
        ps.setString(11, e.payload());
        ps.setString(12, e.prevHash());
        ps.setString(13, e.hash());
        ps.addBatch();
        for (String code : e.secretCodes()) {
          links.setString(1, code);
          links.setLong(2, e.seq());
          links.addBatch();
        }
      }
      ps.executeBatch();
      links.executeBatch();
      EvidenceEvent last = events.get(events.size() - 1);
      head.setLong(1, last.seq());
      head.setString(2, last.hash());
      head.executeUpdate();
    }
  }

  private static EvidenceChain.Head head(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select last_seq, last_hash from evidence_chain_head where id = 1 for update");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new EvidenceChain.Head(rs.getLong(1), rs.getString(2));
    }
  }
}
