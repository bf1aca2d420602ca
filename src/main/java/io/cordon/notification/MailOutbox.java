package io.cordon.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code mail_outbox} table. Inserts join the caller's transaction; everything the sweep does is a single
 * statement in auto-commit, and every change of a claimed row is conditional on the claim, so two nodes never own
 * the same row and a node whose claim expired cannot overwrite what the next owner did.
 */
@Repository
class MailOutbox {

  private final JdbcTemplate jdbc;

  MailOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record NewMail(String key, Recipient to, MailKind kind, String subject, String html, String text, String messageId,
      String processInstanceId, String activityId) {
  }

  record Outgoing(long id, String key, String recipient, String subject, String html, String text, String messageId,
      int attempts) {
  }

  /**
   * Inserts unless the (key, recipient) row exists. A concurrent insert of the same pair (two transactions at once)
   * still ends in the unique index; the caller decides what that means.
   */
  boolean insertIfAbsent(NewMail m, Instant now) {
    Timestamp at = Timestamp.from(now);
    return jdbc.update("insert into mail_outbox (mail_key, recipient, recipient_user, kind, subject, body_html, body_text, "
        + "message_id, process_instance, activity, status, attempts, next_attempt_at, created_at) "
        + "select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ? from dual "
        + "where not exists (select 1 from mail_outbox where mail_key = ? and recipient = ?)",
        m.key(), m.to().address(), m.to().userId(), m.kind().name(), m.subject(), m.html(), m.text(), m.messageId(),
        m.processInstanceId(), m.activityId(), at, at, m.key(), m.to().address()) == 1;
  }

  List<Long> due(Instant now, int limit) {
    return jdbc.queryForList("select id from mail_outbox where status = 'PENDING' and next_attempt_at <= ? "
        + "order by next_attempt_at, id limit ?", Long.class, Timestamp.from(now), limit);
  }

  /** Takes the row for this sweep if it is still PENDING and due; counts the attempt. Exactly one claimer wins. */
  boolean claim(long id, String claimer, Instant now) {
    Timestamp at = Timestamp.from(now);
    return jdbc.update("update mail_outbox set status = 'SENDING', claimed_by = ?, claimed_at = ?, attempts = attempts + 1 "
        + "where id = ? and status = 'PENDING' and next_attempt_at <= ?", claimer, at, id, at) == 1;
  }

  Optional<Outgoing> load(long id) {
    return jdbc.query("select id, mail_key, recipient, subject, body_html, body_text, message_id, attempts "
        + "from mail_outbox where id = ?", (rs, n) -> new Outgoing(rs.getLong(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)), id).stream().findFirst();
  }

  /** False if the claim had expired and another sweep took the row over meanwhile. */
  boolean markSent(long id, String claimer, Instant now) {
    return jdbc.update("update mail_outbox set status = 'SENT', sent_at = ?, last_error = null "
        + "where id = ? and status = 'SENDING' and claimed_by = ?", Timestamp.from(now), id, claimer) == 1;
  }

  void retryLater(long id, String claimer, Instant next, String error) {
    jdbc.update("update mail_outbox set status = 'PENDING', next_attempt_at = ?, last_error = ?, claimed_by = null, "
        + "claimed_at = null where id = ? and status = 'SENDING' and claimed_by = ?", Timestamp.from(next), error, id, claimer);
  }

  void fail(long id, String claimer, String error) {
    jdbc.update("update mail_outbox set status = 'FAILED', last_error = ? where id = ? and status = 'SENDING' "
        + "and claimed_by = ?", error, id, claimer);
  }

  /** The server could not be reached: not the message's fault, so the attempt does not count. */
  void giveBack(long id, String claimer, String error) {
    jdbc.update("update mail_outbox set status = 'PENDING', attempts = attempts - 1, last_error = ?, claimed_by = null, "
        + "claimed_at = null where id = ? and status = 'SENDING' and claimed_by = ?", error, id, claimer);
  }

  /**
   * Rows whose sweep did not finish them in time (node crashed or hung): back to PENDING, or FAILED if that was the
   * last attempt. Returns how many rows were released. The expired rows are read first and then changed one by one
   * through the primary key, each change still conditional on the expired claim: one update over a range of the claim
   * index would lock index entries before rows, the opposite order of the sweeps' single-row updates, and on
   * MariaDB/MySQL deadlocked with them when several sweeps (nodes) ran at once.
   */
  int releaseExpired(Instant claimedBefore, Instant now, int maxAttempts) {
    Timestamp before = Timestamp.from(claimedBefore);
    String note = "claim expired: the sending node stopped before recording the result";
    List<Long> expired = jdbc.queryForList("select id from mail_outbox where status = 'SENDING' and claimed_at < ?",
        Long.class, before);
    int released = 0;
    for (long id : expired) {
      int failed = jdbc.update("update mail_outbox set status = 'FAILED', last_error = ? "
          + "where id = ? and status = 'SENDING' and claimed_at < ? and attempts >= ?", note, id, before, maxAttempts);
      int retried = failed == 1 ? 0 : jdbc.update("update mail_outbox set status = 'PENDING', next_attempt_at = ?, "
          + "last_error = ?, claimed_by = null, claimed_at = null where id = ? and status = 'SENDING' and claimed_at < ?",
          Timestamp.from(now), note, id, before);
      released += failed + retried;
    }
    return released;
  }

  Map<MailStatus, Long> counts() {
    Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
    for (MailStatus s : MailStatus.values()) {
      counts.put(s, 0L);
    }
    jdbc.query("select status, count(*) from mail_outbox group by status",
        rs -> {
          counts.put(MailStatus.valueOf(rs.getString(1)), rs.getLong(2));
        });
    return counts;
  }
}
