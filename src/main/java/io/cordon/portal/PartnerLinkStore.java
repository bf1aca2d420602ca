package io.cordon.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code partner_link} and {@code partner_submission} tables; joins the caller's transaction. */
@Repository
class PartnerLinkStore {

  private static final String COLUMNS = "id, request_kind, request_id, partner_code, contact_name, contact_email, "
      + "contact_role, process_instance, created_at, expires_at, issued_at, used_at, revoked_at, revoked_reason";
  private static final RowMapper<PartnerLink> LINK = PartnerLinkStore::link;

  private final JdbcTemplate jdbc;

  PartnerLinkStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String kind, long requestId, String partnerCode, String name, String email, String role,
      String processInstance, Instant now, Instant expires) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var s = c.prepareStatement("insert into partner_link (request_kind, request_id, partner_code, contact_name, "
          + "contact_email, contact_role, process_instance, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          new String[] {"id"});
      s.setString(1, kind);
      s.setLong(2, requestId);
      s.setString(3, partnerCode);
      s.setString(4, name);
      s.setString(5, email);
      s.setString(6, role);
      s.setString(7, processInstance);
      s.setTimestamp(8, Timestamp.from(now));
      s.setTimestamp(9, Timestamp.from(expires));
      return s;
    }, key);
    return key.getKey().longValue();
  }

  Optional<PartnerLink> find(long id, boolean lock) {
    return jdbc.query("select " + COLUMNS + " from partner_link where id = ?" + (lock ? " for update" : ""), LINK, id)
        .stream().findFirst();
  }

  Optional<PartnerLink> byHash(String hash, boolean lock) {
    return jdbc.query("select " + COLUMNS + " from partner_link where token_hash = ?" + (lock ? " for update" : ""),
        LINK, hash).stream().findFirst();
  }

  List<PartnerLink> ofRequest(String kind, long requestId) {
    return jdbc.query("select " + COLUMNS + " from partner_link where request_kind = ? and request_id = ? order by id",
        LINK, kind, requestId);
  }

  /** A new token for a link that is neither used nor revoked: the previous one stops working. */
  boolean issue(long id, String hash, Instant now, Instant expires) {
    return jdbc.update("update partner_link set token_hash = ?, issued_at = ?, expires_at = ? "
        + "where id = ? and used_at is null and revoked_at is null", hash, Timestamp.from(now), Timestamp.from(expires),
        id) == 1;
  }

  boolean used(long id, Instant now) {
    return jdbc.update("update partner_link set used_at = ? where id = ? and used_at is null and revoked_at is null",
        Timestamp.from(now), id) == 1;
  }

  int revokeRequest(String kind, long requestId, Long except, Instant now, String reason) {
    return jdbc.update("update partner_link set revoked_at = ?, revoked_reason = ? where request_kind = ? "
        + "and request_id = ? and id <> ? and used_at is null and revoked_at is null", Timestamp.from(now), reason, kind,
        requestId, except == null ? -1L : except);
  }

  int revokePartner(String partnerCode, Instant now, String reason) {
    return jdbc.update("update partner_link set revoked_at = ?, revoked_reason = ? where partner_code = ? "
        + "and revoked_at is null and used_at is null", Timestamp.from(now), reason, partnerCode);
  }

  void insertSubmission(PartnerLink link, Respondent respondent, String content, String sha256, long seq, Instant at) {
    jdbc.update("insert into partner_submission (link_id, request_kind, request_id, partner_code, respondent_name, "
        + "respondent_role, respondent_email, content, sha256, evidence_seq, submitted_at) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", link.id(), link.kind(), link.requestId(), link.partnerCode(),
        respondent.name(), respondent.role(), respondent.email(), content, sha256, seq, Timestamp.from(at));
  }

  Optional<Submission> submission(long linkId) {
    return jdbc.query("select link_id, respondent_name, respondent_role, respondent_email, content, sha256, evidence_seq, "
        + "submitted_at from partner_submission where link_id = ?", (rs, n) -> new Submission(rs.getLong(1),
        new Respondent(rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(1)), rs.getString(5),
        rs.getString(6), rs.getLong(7), instant(rs, 8)), linkId).stream().findFirst();
  }

  List<Submission> submissions(String kind, long requestId) {
    return jdbc.query("select link_id from partner_submission where request_kind = ? and request_id = ? order by id",
        (rs, n) -> rs.getLong(1), kind, requestId).stream().map(id -> submission(id).orElseThrow()).toList();
  }

  private static PartnerLink link(ResultSet rs, int row) throws SQLException {
    return new PartnerLink(rs.getLong("id"), rs.getString("request_kind"), rs.getLong("request_id"),
        rs.getString("partner_code"), rs.getString("contact_name"), rs.getString("contact_email"),
        rs.getString("contact_role"), rs.getString("process_instance"), instant(rs, "created_at"),
        instant(rs, "expires_at"), instant(rs, "issued_at"), instant(rs, "used_at"), instant(rs, "revoked_at"),
        rs.getString("revoked_reason"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
