package io.cordon.consistency;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The invariants as SQL. Each statement returns the ids of the records that break its rule, one row per record, newest
 * first (what broke last is what an operator looks at first). Everything is plain SQL that H2 and MySQL/MariaDB both run, except the SHA-256 of stored bytes.
 */
final class Invariants {

  static final String CHAIN_RULE = "The evidence chain verifies from its first event to its head.";

  enum Parameter { NONE, TODAY, CLAIM_EXPIRED }

  record Query(String name, String rule, String sql, Parameter parameter) {
  }

  /** SHA-256 of a BLOB column as 64 lower-case hex digits. */
  enum Dialect {
    MYSQL("lower(sha2(%s, 256))"), H2("lower(rawtohex(hash('SHA-256', %s)))");

    private final String sha256;

    Dialect(String sha256) {
      this.sha256 = sha256;
    }

    String sha256(String column) {
      return sha256.formatted(column);
    }

    static Dialect of(DataSource dataSource) {
      try (Connection c = dataSource.getConnection()) {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase();
        return product.contains("h2") ? H2 : MYSQL;
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot tell which database Cordon runs on", e);
      }
    }
  }

  /** Root executions (process instances) that are running, with their definition's key. */
  private static final String RUNNING = "select e.ID_ as id, e.BUSINESS_KEY_ as business_key, pd.KEY_ as process_key "
      + "from ACT_RU_EXECUTION e join ACT_RE_PROCDEF pd on pd.ID_ = e.PROC_DEF_ID_ where e.ID_ = e.PROC_INST_ID_";
  private static final String CORDON_PROCESSES =
      "('PartnerOnboardingProcess', 'RecertificationProcess', 'OffboardingProcess', 'DisclosureRequestProcess')";
  /** The partner code in a business key: {@code P-0001}, or {@code P-0001:TS-0002} for a disclosure request. */
  private static final String KEY_PARTNER = "case when locate(':', r.business_key) > 0 "
      + "then substring(r.business_key, 1, locate(':', r.business_key) - 1) else r.business_key end";

  private final Dialect dialect;
  private final ApprovalDemands demands;

  Invariants(Dialect dialect, ApprovalDemands demands) {
    this.dialect = dialect;
    this.demands = demands;
  }

  /** One pass over the DISCLOSED disclosures; per demand of the matrix, the approval that meets it is looked up by key. */
  private String approvalSql(List<ApprovalDemands.Demand> all) {
    String approved = "select 1 from disclosure_approval a where a.disclosure_id = d.id and a.decision = 'APPROVED'";
    return "select d.id from disclosure d join trade_secret s on s.id = d.secret_id join partner p on p.id = d.partner_id "
        + "where d.status = 'DISCLOSED' and ("
        + "(" + demands.demandedWhere(all, "OWNER") + " and not exists (" + approved + " and a.approver_role = 'owner')) "
        + "or (" + demands.demandedWhere(all, "SECURITY") + " and not exists (" + approved
        + " and a.approver_role in ('security', 'admins'))) "
        + "or (" + demands.demandedWhere(all, ApprovalDemands.ANY) + " and not exists (" + approved + "))) order by d.id desc";
  }

  List<Query> queries() {
    return List.of(
        new Query("DISCLOSED_WITHOUT_NDA_IN_FORCE", "Every DISCLOSED disclosure names an NDA of its partner that is "
            + "EXECUTED, in its term, and (when the disclosure names a version) signed in that version.",
            "select d.id from disclosure d join partner p on p.id = d.partner_id "
                + "left join nda n on n.reference = d.nda_reference where d.status = 'DISCLOSED' "
                + "and (n.id is null or n.partner_code <> p.code or n.status <> 'EXECUTED' or n.expires_on is null "
                + "or n.expires_on <= ? or (d.nda_version is not null "
                + "and (n.approved_version is null or n.approved_version <> d.nda_version))) order by d.id desc",
            Parameter.TODAY),
        new Query("DISCLOSED_WITHOUT_REQUIRED_APPROVAL", "Every DISCLOSED disclosure carries the approvals the "
            + "approval matrix demands for its secret's classification and its partner's risk tier (OWNER: the "
            + "secret's owner; SECURITY: security or an administrator; none demanded: at least one approval).",
            approvalSql(demands.all()),
            Parameter.NONE),
        new Query("DISCLOSED_TO_INACTIVE_PARTNER", "Every DISCLOSED disclosure is held by a partner that is ACTIVE and "
            + "has no lapsed re-certification period.",
            "select d.id from disclosure d join partner p on p.id = d.partner_id where d.status = 'DISCLOSED' "
                + "and (p.status <> 'ACTIVE' or exists (select 1 from recertification c "
                + "where c.partner_code = p.code and c.status = 'LAPSED')) order by d.id desc",
            Parameter.NONE),
        new Query("ACTIVE_PARTNER_RECERTIFICATION", "Every ACTIVE partner has exactly one running "
            + "RecertificationProcess (ids: partner code and how many run).",
            "select concat(p.code, ' (', coalesce(r.n, 0), ' running)') from partner p "
                + "left join (select r.business_key, count(*) as n from (" + RUNNING + ") r "
                + "where r.process_key = 'RecertificationProcess' group by r.business_key) r on r.business_key = p.code "
                + "where p.status = 'ACTIVE' and coalesce(r.n, 0) <> 1 order by p.id desc",
            Parameter.NONE),
        new Query("PROCESS_WITHOUT_REGISTER_ROW", "Every running Cordon process instance names an existing partner "
            + "(and secret, for a disclosure request), and every running offboarding has its offboarding record "
            + "(ids: process instance ids).",
            "select r.id from (" + RUNNING + ") r where r.process_key in " + CORDON_PROCESSES
                + " and r.business_key is not null and (not exists (select 1 from partner p where p.code = " + KEY_PARTNER + ") "
                + "or (r.process_key = 'DisclosureRequestProcess' and not exists (select 1 from trade_secret s "
                + "where s.code = substring(r.business_key, locate(':', r.business_key) + 1))) "
                + "or (r.process_key = 'OffboardingProcess' and not exists (select 1 from offboarding o "
                + "where o.process_instance = r.id))) order by r.id desc",
            Parameter.NONE),
        new Query("RECORD_WITHOUT_PROCESS", "Every partner in ONBOARDING has its running PartnerOnboardingProcess; every "
            + "open re-certification period and every RUNNING offboarding has its running process instance; every "
            + "ended offboarding has its end recorded (ids: partner code, recertification id, offboarding id).",
            "select concat('partner ', p.code) from partner p where p.status = 'ONBOARDING' and not exists "
                + "(select 1 from (" + RUNNING + ") r where r.process_key = 'PartnerOnboardingProcess' and r.business_key = p.code) "
                + "union all select concat('recertification ', c.id) from recertification c "
                + "where c.status in ('SCHEDULED', 'REQUESTED', 'IN_REVIEW') and (c.process_instance is null or not exists "
                + "(select 1 from ACT_RU_EXECUTION e where e.ID_ = c.process_instance)) "
                + "union all select concat('offboarding ', o.id) from offboarding o "
                + "where (o.status = 'RUNNING' and not exists (select 1 from ACT_RU_EXECUTION e where e.ID_ = o.process_instance)) "
                + "or (o.status <> 'RUNNING' and o.ended_at is null)",
            Parameter.NONE),
        new Query("DOCUMENT_BYTES_CHANGED", "Every stored document's bytes hash to the SHA-256 it is stored under "
            + "(ids: the stored hash).",
            "select b.sha256 from nda_blob b where " + dialect.sha256("b.content") + " <> b.sha256 order by b.sha256",
            Parameter.NONE),
        new Query("DOCUMENT_MISSING_OR_UNRECORDED", "Every document the register cites (NDA versions, executed copies, "
            + "renewals, certificates, signed certificates) is stored, and an evidence event recorded its hash; "
            + "template versions are stored (ids: the cited hash).",
            "select x.sha256 from (select v.document_sha256 as sha256 from nda_version v "
                + "union select n.executed_sha256 from nda n where n.executed_sha256 is not null "
                + "union select w.sha256 from nda_renewal w union select c.sha256 from offboarding_certificate c "
                + "union select o.signed_sha256 from offboarding o where o.signed_sha256 is not null) x "
                + "where not exists (select 1 from nda_blob b where b.sha256 = x.sha256) "
                + "or not exists (select 1 from evidence_event ev where ev.document_hash = x.sha256) "
                + "union select t.sha256 from nda_template_version t "
                + "where not exists (select 1 from nda_blob b where b.sha256 = t.sha256)",
            Parameter.NONE),
        new Query("MAIL_STUCK_SENDING", "No mail stays SENDING longer than cordon.mail.claim-timeout (ids: outbox row ids).",
            "select m.id from mail_outbox m where m.status = 'SENDING' and m.claimed_at < ? order by m.id desc",
            Parameter.CLAIM_EXPIRED));
  }
}
