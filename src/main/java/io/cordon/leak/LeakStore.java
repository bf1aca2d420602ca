package io.cordon.leak;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Leak incidents, their secrets, snapshots and suspected partners (tables of V110__leak_incident.sql). */
@Repository
class LeakStore {

  static final String LIST_SEPARATOR = "\n";
  private static final String COLUMNS = "id, code, process_instance, status, reported_by, reported_at, noticed_how, suspected, "
      + "since_date, personal_data, holders, assessment, assessment_note, assessed_by, containment, containment_note, suspended, "
      + "regulator_regime, regulator_deadline, dpa_outcome, dpa_note, summary, lessons, closed_by, closed_at";

  /** One incident row as stored. */
  record Row(long id, String code, String processInstance, LeakService.Status status, String reportedBy, Instant reportedAt,
      String noticedHow, String suspected, LocalDate since, boolean personalData, int holders, String assessment,
      String assessmentNote, String assessedBy, String containment, String containmentNote, Integer suspended,
      String regulatorRegime, Instant regulatorDeadline, String dpaOutcome, String dpaNote, String summary, String lessons,
      String closedBy, Instant closedAt) {
  }

  record SecretRow(String secretCode, String statusBefore, boolean open, String packSha256, String packFileName, Long holdId) {
  }

  record PartnerRow(String partnerCode, String legalAction, String note, String letterSha256, String offboardingProcess,
      String decidedBy, Instant decidedAt) {
  }

  private final JdbcTemplate jdbc;

  LeakStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String code, String reportedBy, Instant reportedAt, String noticedHow, String suspected, LocalDate since,
      boolean personalData) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("insert into leak_incident (code, status, reported_by, reported_at, noticed_how, "
          + "suspected, since_date, personal_data, holders) values (?, ?, ?, ?, ?, ?, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS);
      ps.setString(1, code);
      ps.setString(2, LeakService.Status.REPORTED.name());
      ps.setString(3, reportedBy);
      ps.setTimestamp(4, Timestamp.from(reportedAt));
      ps.setString(5, noticedHow);
      ps.setString(6, suspected);
      ps.setDate(7, since == null ? null : java.sql.Date.valueOf(since));
      ps.setBoolean(8, personalData);
      return ps;
    }, key);
    return key.getKeyList().get(0).values().stream().map(v -> ((Number) v).longValue()).findFirst().orElseThrow();
  }

  /** The secrets of the incident; the open markers make a second open incident for a secret fail even in a race. */
  void insertSecrets(long id, Map<String, String> statusBefore) {
    jdbc.batchUpdate("insert into leak_incident_secret (incident_id, secret_code, status_before, open_secret) values (?, ?, ?, ?)",
        statusBefore.entrySet().stream().map(e -> new Object[] {id, e.getKey(), e.getValue(), e.getKey()}).toList());
  }

  /** Of these secrets, those with an open incident: secret code to the incident's code. */
  Map<String, String> openIncidents(Collection<String> secretCodes) {
    Map<String, String> open = new java.util.TreeMap<>();
    if (secretCodes.isEmpty()) {
      return open;
    }
    String marks = String.join(",", java.util.Collections.nCopies(secretCodes.size(), "?"));
    jdbc.query("select s.open_secret, i.code from leak_incident_secret s join leak_incident i on i.id = s.incident_id "
        + "where s.open_secret in (" + marks + ")", rs -> {
          open.put(rs.getString(1), rs.getString(2));
        }, secretCodes.toArray());
    return open;
  }

  void insertSnapshot(long id, List<LeakSnapshot.Holder> holders) {
    jdbc.batchUpdate("insert into leak_snapshot (incident_id, disclosure_id, secret_code, partner_code, partner_name, "
        + "partner_country, disclosure_status, disclosed_at, nda_reference, nda_version, governing_law, remedies, return_destroy, "
        + "audit_rights, permitted_recipients, attested_holders, attested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        holders.stream().map(h -> new Object[] {id, h.disclosureId(), h.secretCode(), h.partnerCode(), h.partnerName(),
            h.partnerCountry(), h.disclosureStatus(), timestamp(h.disclosedAt()), h.ndaReference(), h.ndaVersion(),
            h.governingLaw(), h.remedies(), h.returnDestroy(), h.auditRights(), join(h.permittedRecipients()),
            h.attestedHolders() == null ? null : join(h.attestedHolders()), timestamp(h.attestedAt())}).toList());
    jdbc.update("update leak_incident set holders = ? where id = ?", holders.size(), id);
  }

  List<LeakSnapshot.Holder> snapshot(long id) {
    return jdbc.query("select disclosure_id, secret_code, partner_code, partner_name, partner_country, disclosure_status, "
        + "disclosed_at, nda_reference, nda_version, governing_law, remedies, return_destroy, audit_rights, permitted_recipients, "
        + "attested_holders, attested_at from leak_snapshot where incident_id = ? order by secret_code, partner_code, disclosure_id",
        (rs, n) -> new LeakSnapshot.Holder(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), instant(rs, "disclosed_at"), rs.getString(8), (Integer) rs.getObject(9, Integer.class),
            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), list(rs.getString(14)),
            rs.getString(15) == null ? null : list(rs.getString(15)), instant(rs, "attested_at")), id);
  }

  Optional<Row> find(long id) {
    return jdbc.query("select " + COLUMNS + " from leak_incident where id = ?", (rs, n) -> row(rs), id).stream().findFirst();
  }

  Optional<Row> byProcess(String processInstanceId) {
    return jdbc.query("select " + COLUMNS + " from leak_incident where process_instance = ?", (rs, n) -> row(rs),
        processInstanceId).stream().findFirst();
  }

  /** Newest first; {@code ownedSecrets} null for all incidents, else only those naming one of these secrets. */
  List<Row> list(Collection<String> ownedSecrets, int limit) {
    if (ownedSecrets != null && ownedSecrets.isEmpty()) {
      return List.of();
    }
    if (ownedSecrets == null) {
      return jdbc.query("select " + COLUMNS + " from leak_incident order by id desc limit ?", (rs, n) -> row(rs), limit);
    }
    String marks = String.join(",", java.util.Collections.nCopies(ownedSecrets.size(), "?"));
    Object[] args = java.util.stream.Stream.concat(ownedSecrets.stream(), java.util.stream.Stream.of(limit)).toArray();
    return jdbc.query("select " + COLUMNS + " from leak_incident where id in (select incident_id from leak_incident_secret "
        + "where secret_code in (" + marks + ")) order by id desc limit ?", (rs, n) -> row(rs), args);
  }

  List<SecretRow> secrets(long id) {
    return jdbc.query("select secret_code, status_before, open_secret, pack_sha256, pack_file_name, hold_id from leak_incident_secret "
        + "where incident_id = ? order by secret_code", (rs, n) -> new SecretRow(rs.getString(1), rs.getString(2),
        rs.getString(3) != null, rs.getString(4), rs.getString(5), (Long) rs.getObject(6, Long.class)), id);
  }

  Optional<byte[]> pack(long id, String secretCode) {
    return jdbc.query("select pack_content from leak_incident_secret where incident_id = ? and secret_code = ? "
        + "and pack_content is not null", (rs, n) -> rs.getBytes(1), id, secretCode).stream().findFirst();
  }

  List<PartnerRow> partners(long id) {
    return jdbc.query("select partner_code, legal_action, action_note, letter_sha256, offboarding_process, decided_by, decided_at "
        + "from leak_partner where incident_id = ? order by partner_code", (rs, n) -> new PartnerRow(rs.getString(1),
        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, "decided_at")), id);
  }

  Optional<byte[]> letter(long id, String partnerCode) {
    return jdbc.query("select letter_content from leak_partner where incident_id = ? and partner_code = ? "
        + "and letter_content is not null", (rs, n) -> rs.getBytes(1), id, partnerCode).stream().findFirst();
  }

  void processInstance(long id, String processInstanceId) {
    jdbc.update("update leak_incident set process_instance = ? where id = ?", processInstanceId, id);
  }

  void assessed(long id, String assessment, String note, String by, List<String> suspectedPartners) {
    jdbc.update("update leak_incident set status = ?, assessment = ?, assessment_note = ?, assessed_by = ? where id = ?",
        LeakService.Status.ASSESSED.name(), assessment, note, by, id);
    jdbc.update("delete from leak_partner where incident_id = ? and legal_action is null", id);
    jdbc.batchUpdate("insert into leak_partner (incident_id, partner_code) values (?, ?)",
        suspectedPartners.stream().map(p -> new Object[] {id, p}).toList());
  }

  void preserved(long id, String secretCode, String sha256, String fileName, byte[] zip, long holdId) {
    jdbc.update("update leak_incident_secret set pack_sha256 = ?, pack_file_name = ?, pack_content = ?, hold_id = ? "
        + "where incident_id = ? and secret_code = ?", sha256, fileName, zip, holdId, id, secretCode);
    status(id, LeakService.Status.PRESERVED);
  }

  void contained(long id, String scope, String note, int suspended) {
    jdbc.update("update leak_incident set status = ?, containment = ?, containment_note = ?, suspended = ? where id = ?",
        LeakService.Status.CONTAINED.name(), scope, note, suspended, id);
  }

  void notified(long id, String regime, Instant deadline) {
    jdbc.update("update leak_incident set status = ?, regulator_regime = ?, regulator_deadline = ? where id = ?",
        LeakService.Status.NOTIFIED.name(), regime, timestamp(deadline), id);
  }

  void dataProtection(long id, String outcome, String note) {
    jdbc.update("update leak_incident set dpa_outcome = ?, dpa_note = ? where id = ?", outcome, note, id);
  }

  void legalAction(long id, String partnerCode, String action, String note, String letterSha256, byte[] letter,
      String offboardingProcess, String by, Instant at) {
    jdbc.update("update leak_partner set legal_action = ?, action_note = ?, letter_sha256 = ?, letter_content = ?, "
        + "offboarding_process = ?, decided_by = ?, decided_at = ? where incident_id = ? and partner_code = ?", action, note,
        letterSha256, letter, offboardingProcess, by, timestamp(at), id, partnerCode);
  }

  void closed(long id, LeakService.Status status, String summary, String lessons, String by, Instant at) {
    jdbc.update("update leak_incident set status = ?, summary = ?, lessons = ?, closed_by = ?, closed_at = ? where id = ?",
        status.name(), summary, lessons, by, timestamp(at), id);
    jdbc.update("update leak_incident_secret set open_secret = null where incident_id = ?", id);
  }

  void status(long id, LeakService.Status status) {
    jdbc.update("update leak_incident set status = ? where id = ?", status.name(), id);
  }

  private static Row row(ResultSet rs) throws SQLException {
    java.sql.Date since = rs.getDate("since_date");
    return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("process_instance"),
        LeakService.Status.valueOf(rs.getString("status")), rs.getString("reported_by"), instant(rs, "reported_at"),
        rs.getString("noticed_how"), rs.getString("suspected"), since == null ? null : since.toLocalDate(),
        rs.getBoolean("personal_data"), rs.getInt("holders"), rs.getString("assessment"), rs.getString("assessment_note"),
        rs.getString("assessed_by"), rs.getString("containment"), rs.getString("containment_note"),
        (Integer) rs.getObject("suspended", Integer.class), rs.getString("regulator_regime"), instant(rs, "regulator_deadline"),
        rs.getString("dpa_outcome"), rs.getString("dpa_note"), rs.getString("summary"), rs.getString("lessons"),
        rs.getString("closed_by"), instant(rs, "closed_at"));
  }

  private static Timestamp timestamp(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static String join(List<String> values) {
    return values == null ? "" : String.join(LIST_SEPARATOR, values);
  }

  private static List<String> list(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(LIST_SEPARATOR));
  }
}
