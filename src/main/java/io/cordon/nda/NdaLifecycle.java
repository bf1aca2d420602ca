package io.cordon.nda;

import io.cordon.disclosure.NdaCheck;
import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.identity.CurrentUser;
import io.cordon.platform.ConflictException;
import io.cordon.platform.InvalidInputException;
import io.cordon.platform.NotFoundException;
import io.cordon.platform.UnsupportedContentException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An NDA after generation: legal approves one version ({@code DRAFT → APPROVED}), the executed copy the partner
 * signed is stored with its hash ({@code → EXECUTED}), and it is in force until the end of its term. This is also
 * the disclosure gate's source of truth ({@link NdaCheck}).
 */
@Service
public class NdaLifecycle implements NdaCheck {

  public enum Status { DRAFT, APPROVED, EXECUTED, TERMINATED }

  /** The executed NDA: what it covers and until when. */
  public record Execution(String reference, int version, String partnerCode, List<String> secretCodes, String sha256,
      LocalDate signatureDate, LocalDate expiresOn) {
  }

  static final long MAX_EXECUTED_BYTES = 20L * 1024 * 1024;

  private final JdbcTemplate jdbc;
  private final NdaStore store;
  private final DocumentStore documents;
  private final EvidenceChain evidence;
  private final CurrentUser currentUser;

  NdaLifecycle(JdbcTemplate jdbc, NdaStore store, DocumentStore documents, EvidenceChain evidence, CurrentUser currentUser) {
    this.jdbc = jdbc;
    this.store = store;
    this.documents = documents;
    this.evidence = evidence;
    this.currentUser = currentUser;
  }

  /** Legal approves the latest version; a later regeneration would need a new approval. */
  @Transactional
  public void approve(String reference, int version) {
    Locked locked = lock(reference);
    NdaStore.NdaRow nda = locked.nda();
    Status status = locked.status();
    if (status != Status.DRAFT && status != Status.APPROVED) {
      throw new ConflictException("NDA " + reference + " is " + status + ": it can no longer be approved.");
    }
    if (version != nda.latestVersion()) {
      throw new ConflictException("NDA " + reference + " has version " + nda.latestVersion() + "; approve the latest version, not " + version + ".");
    }
    jdbc.update("update nda set status = ?, approved_version = ?, approved_by = ?, approved_at = ? where id = ?",
        Status.APPROVED.name(), version, currentUser.get().id(), Timestamp.from(now()), nda.id());
    NdaRecords.NdaVersionView v = store.versions(nda).get(version - 1);
    evidence.append(EvidenceRecord.of("NDA_APPROVED").partner(nda.partnerCode()).secrets(v.secretCodes())
        .nda(reference, v.documentSha256()).payload(Map.of("version", version)));
  }

  /** Stores the copy both parties signed (PDF or DOCX) with its SHA-256; the NDA is in force from now on. */
  @Transactional
  public Execution recordExecuted(String reference, byte[] content, String fileName, LocalDate signatureDate, String signatories) {
    Locked locked = lock(reference);
    NdaStore.NdaRow nda = locked.nda();
    if (locked.status() != Status.APPROVED) {
      throw new ConflictException("NDA " + reference + " is " + locked.status() + ": only an approved NDA can be executed.");
    }
    checkSignedCopy(content, signatureDate, "signed NDA");
    int version = locked.approvedVersion();
    NdaRecords.Inputs inputs = store.inputs(nda, version);
    LocalDate expires = inputs.effectiveDate().plusMonths(inputs.termMonths());
    String sha256 = documents.put(content);
    jdbc.update("update nda set status = ?, executed_sha256 = ?, executed_file_name = ?, signature_date = ?, signatories = ?, "
            + "expires_on = ?, executed_at = ?, executed_by = ? where id = ?", Status.EXECUTED.name(), sha256,
        fileName == null ? null : fileName.substring(0, Math.min(255, fileName.length())), Date.valueOf(signatureDate),
        signatories == null ? null : signatories.substring(0, Math.min(500, signatories.length())), Date.valueOf(expires),
        Timestamp.from(now()), currentUser.get().id(), nda.id());
    evidence.append(EvidenceRecord.of("NDA_EXECUTED").partner(nda.partnerCode()).secrets(inputs.secretCodes())
        .nda(reference, sha256).payload(Map.of("version", version, "signatureDate", signatureDate.toString(),
            "expiresOn", expires.toString(), "signatories", signatories == null ? "" : signatories)));
    return new Execution(reference, version, nda.partnerCode(), inputs.secretCodes(), sha256, signatureDate, expires);
  }

  /**
   * Records a signed renewal (an amendment extending the term) of an executed NDA: the copy is stored with its hash
   * and the NDA runs until {@code expiresOn}. An NDA that has already expired can be renewed too; from then on it is
   * in force again.
   */
  @Transactional
  public Execution renew(String reference, byte[] content, String fileName, LocalDate signatureDate, String signatories,
      LocalDate expiresOn) {
    Locked locked = lock(reference);
    NdaStore.NdaRow nda = locked.nda();
    Execution current = execution(reference).orElseThrow(() -> new ConflictException("NDA " + reference + " is "
        + locked.status() + ": only an executed NDA can be renewed."));
    checkSignedCopy(content, signatureDate, "signed renewal");
    if (expiresOn == null || !expiresOn.isAfter(current.expiresOn()) || !expiresOn.isAfter(today())) {
      throw new InvalidInputException("The renewed term must end after the current end (" + current.expiresOn()
          + ") and after today.");
    }
    String sha256 = documents.put(content);
    String name = fileName == null ? null : fileName.substring(0, Math.min(255, fileName.length()));
    String by = currentUser.get().id();
    jdbc.update("insert into nda_renewal (nda_reference, sha256, file_name, signature_date, signatories, previous_expires_on, "
            + "expires_on, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", reference, sha256, name,
        Date.valueOf(signatureDate), signatories == null ? null : signatories.substring(0, Math.min(500, signatories.length())),
        Date.valueOf(current.expiresOn()), Date.valueOf(expiresOn), Timestamp.from(now()), by);
    jdbc.update("update nda set expires_on = ? where id = ?", Date.valueOf(expiresOn), nda.id());
    evidence.append(EvidenceRecord.of("NDA_RENEWED").partner(nda.partnerCode()).secrets(current.secretCodes())
        .nda(reference, sha256).payload(Map.of("previousExpiresOn", current.expiresOn().toString(),
            "expiresOn", expiresOn.toString(), "signatureDate", signatureDate.toString(),
            "signatories", signatories == null ? "" : signatories)));
    return new Execution(reference, current.version(), current.partnerCode(), current.secretCodes(), current.sha256(),
        current.signatureDate(), expiresOn);
  }

  /** An NDA of a partner as a list shows it: its state, latest version and, once executed, its signature and term. */
  public record NdaSummary(String reference, String partnerCode, Status status, int latestVersion, Integer approvedVersion,
      LocalDate signatureDate, LocalDate expiresOn) {
  }

  private static final String SUMMARY = "select reference, partner_code, status, latest_version, approved_version, "
      + "signature_date, expires_on from nda ";

  /** The partner's NDAs, newest first. */
  @Transactional(readOnly = true)
  public List<NdaSummary> ofPartner(String partnerCode) {
    return jdbc.query(SUMMARY + "where partner_code = ? order by id desc", NdaLifecycle::summary, partnerCode);
  }

  /** Executed NDAs whose term ends in [from, to], soonest first, at most {@code limit}. */
  @Transactional(readOnly = true)
  public List<NdaSummary> expiring(LocalDate from, LocalDate to, int limit) {
    return jdbc.query(SUMMARY + "where status = 'EXECUTED' and expires_on >= ? and expires_on <= ? "
        + "order by expires_on, reference limit ?", NdaLifecycle::summary, Date.valueOf(from), Date.valueOf(to), limit);
  }

  private static NdaSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Date signed = rs.getDate("signature_date");
    Date expires = rs.getDate("expires_on");
    int approvedVersion = rs.getInt("approved_version");
    Integer approved = rs.wasNull() ? null : approvedVersion;
    return new NdaSummary(rs.getString("reference"), rs.getString("partner_code"), Status.valueOf(rs.getString("status")),
        rs.getInt("latest_version"), approved, signed == null ? null : signed.toLocalDate(),
        expires == null ? null : expires.toLocalDate());
  }

  /** The partner's most recently executed NDA, in force or not (re-certification watches its term). */
  @Transactional(readOnly = true)
  public Optional<Execution> latestExecutedFor(String partnerCode) {
    return jdbc.queryForList("select reference from nda where partner_code = ? and status = 'EXECUTED' "
        + "order by executed_at desc, id desc", String.class, partnerCode).stream().findFirst().flatMap(this::execution);
  }

  @Transactional(readOnly = true)
  public Optional<Execution> execution(String reference) {
    return store.execution(reference);
  }

  /** {@link #execution} of many NDAs at once, by reference; those not executed are left out. */
  @Transactional(readOnly = true)
  public Map<String, Execution> executions(java.util.Collection<String> references) {
    return store.executions(references);
  }

  /** The partner's most recently executed NDA that is still in force, if any. */
  @Transactional(readOnly = true)
  public Optional<Execution> inForceFor(String partnerCode) {
    return jdbc.queryForList("select reference from nda where partner_code = ? and status = 'EXECUTED' order by executed_at desc, id desc",
            String.class, partnerCode).stream()
        .filter(reference -> standing(reference, null, partnerCode) == Standing.IN_FORCE)
        .findFirst().flatMap(this::execution);
  }

  /**
   * How long the partner's confidentiality obligations under this NDA outlast its term, as the signed text says:
   * {@code survivesUntil} is the end of the term ({@code expires_on}) plus the survival years of the signed version,
   * if that version contains the {@code term-survival} clause. Its standard wording also keeps trade secrets
   * protected for as long as they remain trade secrets ({@code whileTradeSecret}); the fallback
   * {@code term-fixed-survival} does not. Without an executed NDA or without the clause there is no usable figure:
   * {@code survivesUntil} is null and {@code statement} says why, rather than inventing a date.
   */
  public record Survival(String reference, LocalDate expiresOn, Integer survivalYears, LocalDate survivesUntil,
      boolean whileTradeSecret, String clause, String statement) {
  }

  static final String TERM_SURVIVAL = "term-survival";

  @Transactional(readOnly = true)
  public Survival survival(String reference) {
    Optional<NdaStore.NdaRow> nda = store.find(reference, false);
    if (nda.isEmpty()) {
      return new Survival(reference, null, null, null, false, null,
          "Cordon knows no NDA " + reference + ": no survival period recorded.");
    }
    Date expiresOn = jdbc.queryForObject("select expires_on from nda where id = ?", Date.class, nda.get().id());
    LocalDate expires = expiresOn == null ? null : expiresOn.toLocalDate();
    if (expires == null) {
      return new Survival(reference, null, null, null, false, null, "NDA " + reference
          + " was never executed, so its term never ran: no survival period recorded.");
    }
    int version = store.signedOrLatestVersion(nda.get());
    NdaRecords.NdaVersionView signed = store.versions(nda.get()).get(version - 1);
    Optional<NdaRecords.UsedClause> clause = signed.clauses().stream().filter(c -> c.key().equals(TERM_SURVIVAL)).findFirst();
    if (clause.isEmpty()) {
      return new Survival(reference, expires, null, null, false, null, "NDA " + reference + " (version " + version
          + ") has no " + TERM_SURVIVAL + " clause: it states no survival period after its term, which ends " + expires + ".");
    }
    int years = store.inputs(nda.get(), version).survivalYears();
    LocalDate until = expires.plusYears(years);
    boolean whileTradeSecret = clause.get().fallback() == null;
    return new Survival(reference, expires, years, until, whileTradeSecret, clause.get().ref(),
        "Confidentiality obligations under " + reference + " survive until " + until + " (term ends " + expires + ", plus "
            + years + " years, clause " + clause.get().ref() + ")"
            + (whileTradeSecret ? "; for trade secrets, for as long as they remain trade secrets." : "."));
  }

  @Override
  @Transactional(readOnly = true)
  public Coverage coverage(String reference, String partnerCode) {
    Standing standing = standing(reference, null, partnerCode);
    if (standing != Standing.IN_FORCE) {
      return new Coverage(standing, java.util.Set.of(), java.util.Set.of());
    }
    Execution executed = execution(reference).orElseThrow();
    NdaStore.NdaRow nda = store.find(reference, false).orElseThrow();
    java.util.Set<String> clauses = store.versions(nda).get(executed.version() - 1).clauses().stream()
        .map(NdaRecords.UsedClause::key).collect(java.util.stream.Collectors.toSet());
    return new Coverage(standing, java.util.Set.copyOf(executed.secretCodes()), clauses);
  }

  @Override
  @Transactional(readOnly = true)
  public Standing standing(String reference, Integer version, String partnerCode) {
    // One read of the NDA row: the disclosure gate asks this for every disclosure it lets through.
    List<Standing> found = jdbc.query("select partner_code, status, approved_version, expires_on from nda where reference = ?",
        (rs, n) -> {
          if (!rs.getString(1).equals(partnerCode)) {
            return Standing.OTHER_PARTNER;
          }
          Status status = Status.valueOf(rs.getString(2));
          if (status == Status.TERMINATED) {
            return Standing.TERMINATED;
          }
          if (status != Status.EXECUTED || (version != null && version != rs.getInt(3))) {
            return Standing.NOT_EXECUTED;
          }
          return rs.getDate(4).toLocalDate().isAfter(today()) ? Standing.IN_FORCE : Standing.EXPIRED;
        }, reference);
    return found.isEmpty() ? Standing.UNKNOWN : found.get(0);
  }

  /** The NDA, locked until the transaction ends, with its status and approved version. */
  private Locked lock(String reference) {
    return jdbc.query("select id, reference, partner_code, kind, latest_version, status, approved_version from nda "
            + "where reference = ? for update", (rs, n) -> new Locked(new NdaStore.NdaRow(rs.getLong(1), rs.getString(2),
            rs.getString(3), NdaKind.valueOf(rs.getString(4)), rs.getInt(5)), Status.valueOf(rs.getString(6)),
            (Integer) rs.getObject(7, Integer.class)), reference).stream().findFirst()
        .orElseThrow(() -> new NotFoundException("No NDA with reference " + reference + "."));
  }

  private record Locked(NdaStore.NdaRow nda, Status status, Integer approvedVersion) {
  }

  private static void checkSignedCopy(byte[] content, LocalDate signatureDate, String what) {
    if (content == null || content.length == 0) {
      throw new InvalidInputException("Upload the " + what + " (PDF or DOCX).");
    }
    if (content.length > MAX_EXECUTED_BYTES) {
      throw new InvalidInputException("The " + what + " is larger than 20 MB.");
    }
    if (!isPdf(content) && !isZip(content)) {
      throw new UnsupportedContentException("The " + what + " must be a PDF or a Word (.docx) file.");
    }
    if (signatureDate == null || signatureDate.isAfter(today())) {
      throw new InvalidInputException("Give the date of the last signature (not in the future).");
    }
  }

  static boolean isPdf(byte[] b) {
    return b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
  }

  static boolean isZip(byte[] b) {
    return b.length > 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }
}
