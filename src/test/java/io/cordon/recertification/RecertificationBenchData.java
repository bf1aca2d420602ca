package io.cordon.recertification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.partner.Contact;
import io.cordon.platform.CodeSequences;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies of one partner made through the real services ({@link RecertificationFixture}): the same register rows
 * (partner, executed NDA with its version, disclosures with their approvals) under new codes, contacts and NDA
 * references, written with JDBC batches. Only the evidence of how the template got there (registration, NDA
 * generation, approvals) is not repeated: re-certification reads none of it. The process is then started for every
 * copy through the real path ({@code PartnerOnboarded}), which is what the benchmark measures the result of.
 */
final class RecertificationBenchData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final CodeSequences codes;

  RecertificationBenchData(JdbcTemplate jdbc, TransactionTemplate tx, CodeSequences codes) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.codes = codes;
  }

  /** {@code count} copies of the template partner, in transactions of {@code chunk}; returns their codes. */
  List<String> copies(String template, String ndaReference, int count, int chunk) {
    long partnerId = jdbc.queryForObject("select id from partner where code = ?", Long.class, template);
    long ndaId = jdbc.queryForObject("select id from nda where reference = ?", Long.class, ndaReference);
    List<String> all = new ArrayList<>(count);
    for (int from = 0; from < count; from += chunk) {
      int n = Math.min(chunk, count - from);
      all.addAll(tx.execute(s -> chunk(template, partnerId, ndaId, n)));
    }
    return all;
  }

  private List<String> chunk(String template, long partnerId, long ndaId, int n) {
    long first = codes.reserve("partner", n);
    List<String> made = new ArrayList<>(n);
    List<Object[]> partners = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String code = CodeSequences.format("P-", first + i);
      made.add(code);
      partners.add(new Object[] {code, "Recert Bench GmbH " + code, "HRB " + code,
          contacts("Jo Partner", "jo-" + code.toLowerCase() + "@partner.example"), template});
    }
    jdbc.batchUpdate("insert into partner (code, legal_name, native_name, country, registration_id, address, type, "
        + "parent_id, contacts, status, risk_tier, next_recertification, version, created_at, updated_at) "
        + "select ?, ?, native_name, country, ?, address, type, parent_id, ?, status, risk_tier, next_recertification, "
        + "version, created_at, updated_at from partner where code = ?", partners);
    jdbc.batchUpdate("insert into nda (partner_code, kind, latest_version, created_at, created_by, status, "
        + "approved_version, approved_by, approved_at, executed_sha256, executed_file_name, signature_date, signatories, "
        + "expires_on, executed_at, executed_by) select ?, kind, latest_version, created_at, created_by, status, "
        + "approved_version, approved_by, approved_at, executed_sha256, executed_file_name, signature_date, signatories, "
        + "expires_on, executed_at, executed_by from nda where id = ?", made.stream().map(c -> new Object[] {c, ndaId}).toList());
    // References as NdaStore gives them: NDA- and the zero-padded id.
    List<Map<String, Object>> ndas = jdbc.queryForList("select id, partner_code from nda where reference is null");
    jdbc.batchUpdate("update nda set reference = ? where id = ?", ndas.stream().map(r -> new Object[] {
        String.format("NDA-%05d", ((Number) r.get("id")).longValue()), r.get("id")}).toList());
    jdbc.batchUpdate("insert into nda_version (nda_id, version, template_key, template_version, template_sha256, clauses, "
        + "inputs, document_sha256, created_at, created_by) select n.id, v.version, v.template_key, v.template_version, "
        + "v.template_sha256, v.clauses, v.inputs, v.document_sha256, v.created_at, v.created_by "
        + "from nda_version v join nda n on n.partner_code = ? where v.nda_id = ?",
        made.stream().map(c -> new Object[] {c, ndaId}).toList());
    jdbc.batchUpdate("insert into disclosure (secret_id, partner_id, nda_reference, nda_version, purpose, "
        + "permitted_recipients, channel, status, requested_at, approved_at, disclosed_at, closed_at, version) "
        + "select d.secret_id, p.id, n.reference, d.nda_version, d.purpose, d.permitted_recipients, d.channel, d.status, "
        + "d.requested_at, d.approved_at, d.disclosed_at, d.closed_at, d.version from disclosure d "
        + "join partner p on p.code = ? join nda n on n.partner_code = p.code where d.partner_id = ?",
        made.stream().map(c -> new Object[] {c, partnerId}).toList());
    jdbc.batchUpdate("insert into disclosure_approval (disclosure_id, position, approver_id, approver_role, decision, "
        + "decided_at, comment) select dn.id, a.position, a.approver_id, a.approver_role, a.decision, a.decided_at, "
        + "a.comment from disclosure_approval a join disclosure dt on dt.id = a.disclosure_id "
        + "join partner p on p.code = ? join disclosure dn on dn.partner_id = p.id and dn.secret_id = dt.secret_id "
        + "where dt.partner_id = ?", made.stream().map(c -> new Object[] {c, partnerId}).toList());
    return made;
  }

  /**
   * The first period of each copy as {@code RecertificationService.schedule} wrote the template's (the same due day,
   * so the same row but for the partner), without its process instance yet; returns partner code → period id.
   */
  Map<String, Long> periods(long templatePeriodId, List<String> copies) {
    for (int from = 0; from < copies.size(); from += 500) {
      List<Object[]> rows = copies.subList(from, Math.min(copies.size(), from + 500)).stream()
          .map(c -> new Object[] {c, templatePeriodId}).toList();
      tx.executeWithoutResult(s -> jdbc.batchUpdate("insert into recertification (partner_code, period_no, risk_tier, "
          + "highest_classification, interval_months, request_at, due_at, grace_until, status) select ?, period_no, "
          + "risk_tier, highest_classification, interval_months, request_at, due_at, grace_until, status "
          + "from recertification where id = ?", rows));
    }
    Map<String, Long> ids = new java.util.HashMap<>();
    jdbc.query("select partner_code, id from recertification where process_instance is null",
        rs -> { ids.put(rs.getString(1), rs.getLong(2)); });
    return ids;
  }

  /** Partner code → reference of its executed NDA. */
  Map<String, String> ndaReferences() {
    Map<String, String> refs = new java.util.HashMap<>();
    jdbc.query("select partner_code, reference from nda where status = 'EXECUTED'", rs -> {
      refs.put(rs.getString(1), rs.getString(2));
    });
    return refs;
  }

  void linkProcesses(Map<Long, String> processByPeriod) {
    List<Object[]> rows = processByPeriod.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey()}).toList();
    for (int from = 0; from < rows.size(); from += 1000) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
      tx.executeWithoutResult(s -> jdbc.batchUpdate("update recertification set process_instance = ? where id = ?", chunk));
    }
  }

  private static String contacts(String name, String email) {
    try {
      return JSON.writeValueAsString(List.of(new Contact(name, email, "quality")));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
