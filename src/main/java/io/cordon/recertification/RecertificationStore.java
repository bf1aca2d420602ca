package io.cordon.recertification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The tables {@code recertification}, {@code attestation} and {@code recertification_suspension}. */
@Repository
class RecertificationStore {

  /** Why re-certification suspended a disclosure. */
  enum Cause { LAPSE, NDA_EXPIRY }

  record Suspension(long id, long disclosureId, Cause cause) {
  }

  private static final String PERIOD_COLUMNS = "id, partner_code, period_no, process_instance, risk_tier, "
      + "highest_classification, interval_months, request_at, due_at, grace_until, status, requested_at, attested_at, "
      + "attested_by, late, lapsed_at, flags, reviewed_at, reviewed_by, review_decision, review_comment, closed_at";
  private static final String LIST_SEPARATOR = "\n";

  private final JdbcTemplate jdbc;

  RecertificationStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String partnerCode, int periodNo, String processInstanceId, String riskTier, String highestClassification,
      int months, RecertificationSchedule.Times times) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var ps = connection.prepareStatement("insert into recertification (partner_code, period_no, process_instance, "
          + "risk_tier, highest_classification, interval_months, request_at, due_at, grace_until, status) "
          + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, partnerCode);
      ps.setInt(2, periodNo);
      ps.setString(3, processInstanceId);
      ps.setString(4, riskTier);
      ps.setString(5, highestClassification);
      ps.setInt(6, months);
      ps.setTimestamp(7, Timestamp.from(times.requestAt()));
      ps.setTimestamp(8, Timestamp.from(times.dueAt()));
      ps.setTimestamp(9, Timestamp.from(times.graceUntil()));
      ps.setString(10, RecertificationStatus.SCHEDULED.name());
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  Optional<Period> find(long id, boolean lock) {
    return jdbc.query("select " + PERIOD_COLUMNS + " from recertification where id = ?" + (lock ? " for update" : ""),
        PERIOD, id).stream().findFirst();
  }

  Optional<Period> last(String partnerCode) {
    return jdbc.query("select " + PERIOD_COLUMNS + " from recertification where partner_code = ? "
        + "order by period_no desc limit 1", PERIOD, partnerCode).stream().findFirst();
  }

  List<Period> ofPartner(String partnerCode) {
    return jdbc.query("select " + PERIOD_COLUMNS + " from recertification where partner_code = ? order by period_no desc",
        PERIOD, partnerCode);
  }

  /** The latest attestation of each of these partners that has one (partner code to time). */
  java.util.Map<String, Instant> lastAttestations(Collection<String> partnerCodes) {
    java.util.Map<String, Instant> last = new java.util.HashMap<>();
    if (partnerCodes.isEmpty()) {
      return last;
    }
    String marks = String.join(",", java.util.Collections.nCopies(partnerCodes.size(), "?"));
    jdbc.query("select partner_code, max(attested_at) last_attested from recertification where partner_code in (" + marks
        + ") and attested_at is not null group by partner_code", rs -> {
          last.put(rs.getString("partner_code"), instant(rs, "last_attested"));
        }, partnerCodes.toArray());
    return last;
  }

  /** Periods in the given states due in [from, to), by due date; the calendar. */
  List<Period> calendar(Collection<RecertificationStatus> statuses, Instant from, Instant to, int limit) {
    String in = String.join(",", statuses.stream().map(s -> "'" + s.name() + "'").toList());
    return jdbc.query("select " + PERIOD_COLUMNS + " from recertification where status in (" + in + ") "
        + "and due_at >= ? and due_at < ? order by due_at, partner_code limit ?", PERIOD, Timestamp.from(from),
        Timestamp.from(to), limit);
  }


  void requested(long id, Instant at) {
    jdbc.update("update recertification set status = ?, requested_at = ? where id = ?",
        RecertificationStatus.REQUESTED.name(), Timestamp.from(at), id);
  }

  void lapsed(long id, Instant at) {
    jdbc.update("update recertification set status = ?, lapsed_at = ? where id = ?",
        RecertificationStatus.LAPSED.name(), Timestamp.from(at), id);
  }

  void attested(long id, RecertificationStatus to, Instant at, String by, boolean late, List<String> flags) {
    jdbc.update("update recertification set status = ?, attested_at = ?, attested_by = ?, late = ?, flags = ? where id = ?",
        to.name(), Timestamp.from(at), by, late, flags.isEmpty() ? null : String.join(",", flags), id);
  }

  void reviewed(long id, Instant at, String by, String decision, String comment) {
    jdbc.update("update recertification set reviewed_at = ?, reviewed_by = ?, review_decision = ?, review_comment = ? "
        + "where id = ?", Timestamp.from(at), by, decision, comment, id);
  }

  void closed(long id, RecertificationStatus to, Instant at) {
    jdbc.update("update recertification set status = ?, closed_at = ? where id = ?", to.name(), Timestamp.from(at), id);
  }

  void insertAnswers(long periodId, List<AttestationLine> lines) {
    jdbc.batchUpdate("insert into attestation (recertification_id, disclosure_id, secret_code, holders, still_needed, "
        + "incident, onward_disclosure, flags) values (?, ?, ?, ?, ?, ?, ?, ?)", lines, lines.size(), (ps, line) -> {
          ps.setLong(1, periodId);
          ps.setLong(2, line.disclosureId());
          ps.setString(3, line.secretCode());
          ps.setString(4, String.join(LIST_SEPARATOR, line.holders()));
          ps.setBoolean(5, line.stillNeeded());
          ps.setString(6, line.incident());
          ps.setString(7, line.onwardDisclosure());
          ps.setString(8, line.flags().isEmpty() ? null : String.join(",", line.flags()));
        });
  }

  /** For each of these disclosures that was ever attested: the holders named in its latest attested period. */
  java.util.Map<Long, RecertificationService.AttestedHolders> lastAttestedHolders(Collection<Long> disclosureIds) {
    java.util.Map<Long, RecertificationService.AttestedHolders> last = new java.util.HashMap<>();
    List<Long> ids = List.copyOf(disclosureIds);
    for (int from = 0; from < ids.size(); from += 1000) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      jdbc.query("select a.disclosure_id, a.holders, r.attested_at from attestation a join recertification r "
          + "on r.id = a.recertification_id where r.attested_at is not null and a.disclosure_id in (" + marks + ") "
          + "order by a.disclosure_id, r.attested_at desc", rs -> {
            last.putIfAbsent(rs.getLong(1), new RecertificationService.AttestedHolders(list(rs.getString(2), LIST_SEPARATOR), instant(rs, "attested_at")));
          }, chunk.toArray());
    }
    return last;
  }

  List<AttestationLine> answers(long periodId) {
    return jdbc.query("select disclosure_id, secret_code, holders, still_needed, incident, onward_disclosure, flags "
        + "from attestation where recertification_id = ? order by secret_code, disclosure_id", (rs, n) ->
        new AttestationLine(rs.getLong(1), rs.getString(2), list(rs.getString(3), LIST_SEPARATOR), rs.getBoolean(4),
            rs.getString(5), rs.getString(6), list(rs.getString(7), ",")), periodId);
  }

  void suspend(String partnerCode, long disclosureId, Cause cause, Long periodId, String ndaReference, Instant at) {
    jdbc.update("insert into recertification_suspension (partner_code, disclosure_id, cause, recertification_id, "
        + "nda_reference, suspended_at) values (?, ?, ?, ?, ?, ?)", partnerCode, disclosureId, cause.name(), periodId,
        ndaReference, Timestamp.from(at));
  }

  List<Suspension> openSuspensions(String partnerCode) {
    return jdbc.query("select id, disclosure_id, cause from recertification_suspension where partner_code = ? "
        + "and lifted_at is null order by id", (rs, n) -> new Suspension(rs.getLong(1), rs.getLong(2),
        Cause.valueOf(rs.getString(3))), partnerCode);
  }

  void lift(long suspensionId, Instant at) {
    jdbc.update("update recertification_suspension set lifted_at = ? where id = ?", Timestamp.from(at), suspensionId);
  }

  private static List<String> list(String joined, String separator) {
    return joined == null || joined.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(joined.split(separator)));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static final RowMapper<Period> PERIOD = (rs, n) -> new Period(rs.getLong("id"), rs.getString("partner_code"),
      rs.getInt("period_no"), rs.getString("process_instance"), rs.getString("risk_tier"),
      rs.getString("highest_classification"), rs.getInt("interval_months"), instant(rs, "request_at"),
      instant(rs, "due_at"), instant(rs, "grace_until"), RecertificationStatus.valueOf(rs.getString("status")),
      instant(rs, "requested_at"), instant(rs, "attested_at"), rs.getString("attested_by"), rs.getBoolean("late"),
      instant(rs, "lapsed_at"), rs.getString("flags"), instant(rs, "reviewed_at"), rs.getString("reviewed_by"),
      rs.getString("review_decision"), rs.getString("review_comment"), instant(rs, "closed_at"));
}
