package io.cordon.secret;

import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.identity.CordonUser;
import io.cordon.identity.CurrentUser;
import io.cordon.platform.CodeSequences;
import io.cordon.platform.InvalidInputException.Violation;
import io.cordon.platform.StringListConverter;
import io.cordon.spreadsheet.CodeColumn;
import io.cordon.spreadsheet.ImportMode;
import io.cordon.spreadsheet.ImportReport;
import io.cordon.spreadsheet.RowError;
import io.cordon.spreadsheet.SheetLayout;
import io.cordon.spreadsheet.SheetRow;
import io.cordon.spreadsheet.SpreadsheetLimits;
import io.cordon.spreadsheet.SpreadsheetRejectedException;
import io.cordon.spreadsheet.UploadedSpreadsheet;
import io.cordon.spreadsheet.XlsxReader;
import jakarta.validation.Validator;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports trade secrets from an .xlsx file made from the template. Every row is read (streaming) and checked like a
 * registration through the API (bean validation of {@link SecretDetails}, the service's owner and country checks, the
 * caller's right to own them) plus codes: well-formed, unique in the file, new to the register. Then, in one
 * transaction: all rows or none (default), or the valid rows only; the rows, one SECRET_REGISTERED event per row and
 * one SECRETS_IMPORTED event with the file's SHA-256 commit together.
 *
 * <p>Rows are inserted with JDBC batches rather than through JPA: the id is an IDENTITY column, with which Hibernate
 * inserts one row per round trip; a batch (multi-row inserts on MySQL with {@code rewriteBatchedStatements}) writes
 * 10,000 rows in a fraction of that time. The columns are mapped with the entity's own converters.
 */
@Service
public class SecretImport {

  private static final Logger log = LoggerFactory.getLogger(SecretImport.class);

  private static final CodeColumn CODES = new CodeColumn(SecretSheet.CODE, SecretService.CODE_PREFIX, "secret");
  private static final int CHUNK = 1000;
  private static final String INSERT = "insert into trade_secret (code, title, summary, category, classification, owner_id, "
      + "systems, sites, countries, protection_measures, status, version, created_at, updated_at) "
      + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final SecretService service;
  private final Validator validator;
  private final JdbcTemplate jdbc;
  private final CodeSequences codes;
  private final EvidenceChain evidence;
  private final CurrentUser currentUser;
  private final SpreadsheetLimits limits;
  private final TransactionTemplate transaction;

  SecretImport(SecretService service, Validator validator, JdbcTemplate jdbc, CodeSequences codes, EvidenceChain evidence,
      CurrentUser currentUser, SpreadsheetLimits limits, PlatformTransactionManager transactions) {
    this.service = service;
    this.validator = validator;
    this.jdbc = jdbc;
    this.codes = codes;
    this.evidence = evidence;
    this.currentUser = currentUser;
    this.limits = limits;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** A data row: its number, what it states, the code it brings (or null), and its errors. */
  private record Parsed(SheetRow row, SecretDetails details, String code) {
  }

  /** The import behind {@code POST /api/secrets/import}, for the console's upload form too. */
  public ImportReport importFile(MultipartFile file, ImportMode mode) {
    CordonUser user = currentUser.get();
    service.checkCanCreate(user);
    try (UploadedSpreadsheet upload = UploadedSpreadsheet.of(file, limits)) {
      return importFile(upload, mode, user);
    }
  }

  ImportReport importFile(UploadedSpreadsheet upload, ImportMode mode, CordonUser user) {
    long start = System.nanoTime();
    List<Parsed> rows = read(upload, user);
    checkCodes(rows);
    long checked = System.nanoTime();
    List<RowError> errors = rows.stream().flatMap(p -> p.row().errors().stream())
        .sorted(Comparator.comparing(RowError::row)).toList();
    List<Parsed> valid = rows.stream().filter(p -> p.row().valid()).toList();
    int rejected = rows.size() - valid.size();
    if (mode == ImportMode.ALL_OR_NOTHING && rejected > 0) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("mode", mode.parameter());
      report.put("rowsRead", rows.size());
      report.put("imported", 0);
      report.put("rejected", rejected);
      throw new SpreadsheetRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid rows", rejected + " of " + rows.size()
          + " rows have errors, so nothing was imported. Fix the cells listed in 'errors' and upload the file again, or "
          + "import the valid rows only with mode=valid-rows.", errors, report);
    }
    List<String> written = valid.isEmpty() ? List.of()
        : transaction.execute(status -> write(valid, upload, mode, rows.size(), rejected));
    log.info("Imported {} of {} secrets from {} ({}): read and checked in {} ms, written in {} ms", written.size(), rows.size(),
        upload.name(), upload.sha256(), (checked - start) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
    return new ImportReport(mode.parameter(), rows.size(), written.size(), rejected, errors, written);
  }

  private List<Parsed> read(UploadedSpreadsheet upload, CordonUser user) {
    List<Parsed> rows = new ArrayList<>();
    SheetLayout.Header[] header = new SheetLayout.Header[1];
    Map<String, List<Violation>> owners = new HashMap<>();
    boolean mayOwnOthers = SecretAccess.isPrivileged(user);
    XlsxReader.read(upload.path(), limits, (number, cells) -> {
      if (header[0] == null) {
        header[0] = SecretSheet.LAYOUT.header(number, cells);
        return;
      }
      SheetRow row = new SheetRow(number, header[0], cells);
      String code = row.text(SecretSheet.CODE);
      SecretDetails details = SecretSheet.details(row);
      row.violations(validator.validate(details), SecretSheet.PROPERTIES, "item");
      // The service's own checks; the owner look-up once per distinct owner, not once per row.
      SecretDetails withoutOwner = new SecretDetails(details.title(), details.summary(), details.category(),
          details.classification(), null, details.systems(), details.sites(), details.countries(), details.measures());
      List<Violation> violations = new ArrayList<>(service.violations(withoutOwner, ""));
      if (details.ownerId() != null && !details.ownerId().isBlank()) {
        violations.addAll(owners.computeIfAbsent(details.ownerId(), owner -> service.violations(
            new SecretDetails(null, null, null, null, owner, List.of(), List.of(), List.of(), Set.of()), "")));
        if (!mayOwnOthers && !user.id().equals(details.ownerId())) {
          row.error(SecretSheet.OWNER, "you may import only secrets you own (owner " + user.id() + ")");
        }
      }
      violations.forEach(v -> row.error(SecretSheet.PROPERTIES.get(v.field()), v.message()));
      rows.add(new Parsed(row, details, code));
    });
    if (header[0] == null) {
      throw SpreadsheetRejectedException.unprocessable("Empty sheet", "The first sheet is empty: fill in the template "
          + "(header in row 1, one secret per row below it).", List.of());
    }
    if (rows.isEmpty()) {
      throw SpreadsheetRejectedException.unprocessable("No rows", "The sheet has a header but no rows to import.", List.of());
    }
    return rows;
  }

  /** Codes the file brings: well-formed, each once in the file, none already in the register. */
  private void checkCodes(List<Parsed> rows) {
    Map<String, Integer> firstRow = CODES.check(rows, Parsed::code, Parsed::row);
    Set<String> existing = codes.existing("trade_secret", firstRow.keySet());
    rows.stream().filter(p -> p.code() != null && existing.contains(p.code()))
        .forEach(p -> p.row().error(SecretSheet.CODE, p.code() + " already exists in the register: leave the code empty "
            + "to register this row as a new secret, or remove the row"));
  }

  private List<String> write(List<Parsed> valid, UploadedSpreadsheet upload, ImportMode mode, int rowsRead, int rejected) {
    List<String> assigned = codes.assign(SecretService.SEQUENCE, SecretService.CODE_PREFIX,
        valid.stream().map(Parsed::code).toList());
    Instant now = SecretService.now();
    List<TradeSecret> secrets = new ArrayList<>(valid.size());
    for (int i = 0; i < valid.size(); i++) {
      Parsed p = valid.get(i);
      String code = assigned.get(i);
      secrets.add(new TradeSecret(code, p.details(), now));
    }
    long start = System.nanoTime();
    insert(secrets);
    long inserted = System.nanoTime();
    List<EvidenceRecord> records = new ArrayList<>(secrets.size() + 1);
    secrets.forEach(s -> records.add(SecretService.registered(s)));
    records.add(EvidenceRecord.of("SECRETS_IMPORTED").payload(Map.of("fileSha256", upload.sha256(), "fileName", upload.name(),
        "mode", mode.parameter(), "rowsRead", rowsRead, "imported", secrets.size(), "rejected", rejected)));
    evidence.appendAll(records);
    log.debug("{} rows inserted in {} ms, evidence appended in {} ms", secrets.size(), (inserted - start) / 1_000_000,
        (System.nanoTime() - inserted) / 1_000_000);
    return secrets.stream().map(TradeSecret::getCode).toList();
  }

  private void insert(List<TradeSecret> secrets) {
    StringListConverter lists = new StringListConverter();
    MeasuresConverter measures = new MeasuresConverter();
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    jdbc.batchUpdate(INSERT, secrets, CHUNK, (PreparedStatement ps, TradeSecret s) -> {
      SecretDetails d = s.details();
      ps.setString(1, s.getCode());
      ps.setString(2, d.title());
      ps.setString(3, d.summary());
      ps.setString(4, d.category().name());
      ps.setString(5, d.classification().name());
      ps.setString(6, d.ownerId());
      ps.setString(7, lists.convertToDatabaseColumn(d.systems()));
      ps.setString(8, lists.convertToDatabaseColumn(d.sites()));
      ps.setString(9, lists.convertToDatabaseColumn(d.countries()));
      ps.setString(10, measures.convertToDatabaseColumn(d.measures()));
      ps.setString(11, s.getStatus().name());
      ps.setLong(12, s.getVersion());
      setInstant(ps, 13, s.getCreatedAt(), utc);
      setInstant(ps, 14, s.getUpdatedAt(), utc);
    });
  }

  /** As Hibernate writes an Instant with {@code hibernate.jdbc.time_zone=UTC}. */
  private static void setInstant(PreparedStatement ps, int index, Instant instant, Calendar utc) throws SQLException {
    ps.setTimestamp(index, Timestamp.from(instant), utc);
  }
}
