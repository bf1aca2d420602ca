package io.cordon.offboarding;

import io.cordon.nda.CertificateService;
import io.cordon.offboarding.OffboardingView.Certificate;
import io.cordon.offboarding.OffboardingView.Item;
import io.cordon.offboarding.OffboardingView.SignedCertificate;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Offboardings, their items and certificates (tables of V50__offboarding.sql). */
@Repository
class OffboardingStore {

  private static final String COLUMNS = "id, process_instance, partner_code, whole_relationship, reason, status, started_at, "
      + "started_by, signed_sha256, signed_file_name, signature_date, signatory, signed_recorded_by, survives_until, survival, ended_at";

  private final JdbcTemplate jdbc;

  OffboardingStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts a running offboarding and its items. The unique running markers make a second whole-relationship
   * offboarding of the partner, or a second single-disclosure offboarding of a disclosure, fail here even when two
   * starts race past the service's checks.
   */
  long insert(String processInstanceId, String partnerCode, boolean whole, String reason, Instant now, String user,
      List<Item> items) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("insert into offboarding (process_instance, partner_code, whole_relationship, "
          + "running_partner, reason, status, started_at, started_by) values (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
      ps.setString(1, processInstanceId);
      ps.setString(2, partnerCode);
      ps.setBoolean(3, whole);
      ps.setString(4, whole ? partnerCode : null);
      ps.setString(5, reason);
      ps.setString(6, OffboardingStatus.RUNNING.name());
      ps.setTimestamp(7, Timestamp.from(now));
      ps.setString(8, user);
      return ps;
    }, key);
    long id = key.getKeyList().get(0).values().stream().map(v -> ((Number) v).longValue()).findFirst().orElseThrow();
    jdbc.batchUpdate("insert into offboarding_item (offboarding_id, disclosure_id, secret_code, nda_reference, running_disclosure) "
        + "values (?, ?, ?, ?, ?)", items.stream().map(i -> new Object[] {id, i.disclosureId(), i.secretCode(), i.ndaReference(),
        whole ? null : i.disclosureId()}).toList());
    return id;
  }

  /** The running whole-relationship offboarding of the partner, if any: its process instance. */
  Optional<String> runningWholeRelationship(String partnerCode) {
    return jdbc.queryForList("select process_instance from offboarding where running_partner = ?", String.class, partnerCode)
        .stream().findFirst();
  }

  /** Of the given disclosures, those a running single-disclosure offboarding already closes. */
  List<Long> runningDisclosures(Collection<Long> disclosureIds) {
    if (disclosureIds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", disclosureIds.stream().map(id -> "?").toList());
    return jdbc.queryForList("select running_disclosure from offboarding_item where running_disclosure in (" + marks + ") "
        + "order by running_disclosure", Long.class, disclosureIds.toArray());
  }

  Optional<OffboardingView> find(long id) {
    return jdbc.query("select " + COLUMNS + " from offboarding where id = ?", (rs, n) -> view(rs), id).stream().findFirst();
  }

  Optional<OffboardingView> findByProcess(String processInstanceId) {
    return jdbc.query("select " + COLUMNS + " from offboarding where process_instance = ?", (rs, n) -> view(rs),
        processInstanceId).stream().findFirst();
  }

  List<OffboardingView> ofPartner(String partnerCode) {
    return jdbc.query("select " + COLUMNS + " from offboarding where partner_code = ? order by id desc", (rs, n) -> view(rs),
        partnerCode);
  }

  void putCertificate(long id, CertificateService.Certificate c) {
    jdbc.update("delete from offboarding_certificate where offboarding_id = ? and nda_reference = ?", id, c.ndaReference());
    jdbc.update("insert into offboarding_certificate (offboarding_id, nda_reference, sha256, template_key, template_version, "
        + "certificate_date) values (?, ?, ?, ?, ?, ?)", id, c.ndaReference(), c.sha256(), c.templateKey(), c.templateVersion(),
        Date.valueOf(c.certificateDate()));
  }

  void recordSigned(long id, SignedCertificate signed, List<Item> outcomes) {
    jdbc.update("update offboarding set signed_sha256 = ?, signed_file_name = ?, signature_date = ?, signatory = ?, "
        + "signed_recorded_by = ? where id = ?", signed.sha256(), signed.fileName(), Date.valueOf(signed.signatureDate()),
        signed.signatory(), signed.recordedBy(), id);
    jdbc.batchUpdate("update offboarding_item set outcome = ? where offboarding_id = ? and disclosure_id = ?",
        outcomes.stream().map(i -> new Object[] {i.outcome(), id, i.disclosureId()}).toList());
  }

  void recordItemOutcome(long id, long disclosureId, String outcome) {
    jdbc.update("update offboarding_item set outcome = ? where offboarding_id = ? and disclosure_id = ?", outcome, id, disclosureId);
  }

  void recordSurvival(long id, String ndaReference, LocalDate until, String survival) {
    jdbc.update("update offboarding_certificate set survives_until = ?, survival = ? where offboarding_id = ? and nda_reference = ?",
        until == null ? null : Date.valueOf(until), survival, id, ndaReference);
  }

  /** Ends the offboarding: no longer running, so the partner and its disclosures are free for another one. */
  void end(long id, OffboardingStatus status, LocalDate survivesUntil, String survival, Instant now) {
    jdbc.update("update offboarding set status = ?, running_partner = null, survives_until = ?, survival = ?, ended_at = ? "
        + "where id = ?", status.name(), survivesUntil == null ? null : Date.valueOf(survivesUntil), survival,
        Timestamp.from(now), id);
    jdbc.update("update offboarding_item set running_disclosure = null where offboarding_id = ?", id);
  }

  private OffboardingView view(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    List<Item> items = jdbc.query("select disclosure_id, secret_code, nda_reference, outcome from offboarding_item "
        + "where offboarding_id = ? order by secret_code, disclosure_id", (r, n) -> new Item(r.getLong(1), r.getString(2),
        r.getString(3), r.getString(4)), id);
    List<Certificate> certificates = jdbc.query("select nda_reference, sha256, template_key, template_version, certificate_date, "
        + "survives_until, survival from offboarding_certificate where offboarding_id = ? order by nda_reference",
        (r, n) -> new Certificate(r.getString(1), r.getString(2), r.getString(3) + "@" + r.getInt(4), date(r, 5), date(r, 6),
            r.getString(7)), id);
    String signed = rs.getString("signed_sha256");
    return new OffboardingView(id, rs.getString("process_instance"), rs.getString("partner_code"),
        rs.getBoolean("whole_relationship"), rs.getString("reason"), OffboardingStatus.valueOf(rs.getString("status")),
        rs.getTimestamp("started_at").toInstant(), rs.getString("started_by"), items, certificates,
        signed == null ? null : new SignedCertificate(signed, rs.getString("signed_file_name"), date(rs, "signature_date"),
            rs.getString("signatory"), rs.getString("signed_recorded_by")),
        date(rs, "survives_until"), rs.getString("survival"),
        rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant());
  }

  private static LocalDate date(ResultSet rs, int column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
