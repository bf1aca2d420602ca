package io.cordon.partner;

import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.platform.CodeSequences;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports partners from an .xlsx file made from the template, with the same checks as a registration through the API
 * plus codes (well-formed, unique, new) and parents (in the register or in the file, no cycles). All rows or none by
 * default, or the valid rows only; rows and their PARTNER_REGISTERED events plus one PARTNERS_IMPORTED event commit
 * together. Partners are written through JPA, parents first: registers of partners are small, and the entity keeps
 * the parent link.
 */
@Service
class PartnerImport {

  private static final CodeColumn CODES = new CodeColumn(PartnerSheet.CODE, PartnerService.CODE_PREFIX, "partner");

  private final PartnerService service;
  private final PartnerRepository partners;
  private final Validator validator;
  private final JdbcTemplate jdbc;
  private final CodeSequences codes;
  private final EvidenceChain evidence;
  private final SpreadsheetLimits limits;
  private final TransactionTemplate transaction;

  PartnerImport(PartnerService service, PartnerRepository partners, Validator validator, JdbcTemplate jdbc,
      CodeSequences codes, EvidenceChain evidence, SpreadsheetLimits limits, PlatformTransactionManager transactions) {
    this.service = service;
    this.partners = partners;
    this.validator = validator;
    this.jdbc = jdbc;
    this.codes = codes;
    this.evidence = evidence;
    this.limits = limits;
    this.transaction = new TransactionTemplate(transactions);
  }

  private record Parsed(SheetRow row, PartnerDetails details, String code) {
  }

  ImportReport importFile(MultipartFile file, ImportMode mode) {
    try (UploadedSpreadsheet upload = UploadedSpreadsheet.of(file, limits)) {
      List<Parsed> rows = read(upload);
      Set<String> existing = checkCodes(rows);
      checkParents(rows, existing);
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
        throw new SpreadsheetRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid rows", rejected + " of "
            + rows.size() + " rows have errors, so nothing was imported. Fix the cells listed in 'errors' and upload the "
            + "file again, or import the valid rows only with mode=valid-rows.", errors, report);
      }
      List<String> written = valid.isEmpty() ? List.of()
          : transaction.execute(status -> write(valid, upload, mode, rows.size(), rejected));
      return new ImportReport(mode.parameter(), rows.size(), written.size(), rejected, errors, written);
    }
  }

  private List<Parsed> read(UploadedSpreadsheet upload) {
    List<Parsed> rows = new ArrayList<>();
    SheetLayout.Header[] header = new SheetLayout.Header[1];
    XlsxReader.read(upload.path(), limits, (number, cells) -> {
      if (header[0] == null) {
        header[0] = PartnerSheet.LAYOUT.header(number, cells);
        return;
      }
      SheetRow row = new SheetRow(number, header[0], cells);
      PartnerDetails details = PartnerSheet.details(row);
      row.violations(validator.validate(details), PartnerSheet.PROPERTIES, "contact");
      service.violations(details).forEach(v -> row.error(PartnerSheet.PROPERTIES.get(v.field()), v.message()));
      rows.add(new Parsed(row, details, row.text(PartnerSheet.CODE)));
    });
    if (header[0] == null) {
      throw SpreadsheetRejectedException.unprocessable("Empty sheet", "The first sheet is empty: fill in the template "
          + "(header in row 1, one partner per row below it).", List.of());
    }
    if (rows.isEmpty()) {
      throw SpreadsheetRejectedException.unprocessable("No rows", "The sheet has a header but no rows to import.", List.of());
    }
    return rows;
  }

  /** Codes: well-formed, once in the file, new to the register. Returns the codes of parents found in the register. */
  private Set<String> checkCodes(List<Parsed> rows) {
    Map<String, Integer> firstRow = CODES.check(rows, Parsed::code, Parsed::row);
    Set<String> wanted = new HashSet<>(firstRow.keySet());
    rows.stream().map(p -> p.details().parentCode()).filter(c -> c != null).forEach(wanted::add);
    Set<String> existing = codes.existing("partner", wanted);
    rows.stream().filter(p -> p.code() != null && existing.contains(p.code()))
        .forEach(p -> p.row().error(PartnerSheet.CODE, p.code() + " already exists in the register: leave the code empty "
            + "to register this row as a new partner, or remove the row"));
    return existing;
  }

  /** Parents exist (register or file), are not the row itself, form no cycle, and (valid-rows) are imported too. */
  private void checkParents(List<Parsed> rows, Set<String> existing) {
    Map<String, Parsed> byCode = new HashMap<>();
    rows.stream().filter(p -> p.code() != null).forEach(p -> byCode.putIfAbsent(p.code(), p));
    for (Parsed p : rows) {
      String parent = p.details().parentCode();
      if (parent == null || p.row().errors().stream().anyMatch(e -> PartnerSheet.PARENT.header().equals(e.column()))) {
        continue;
      }
      if (parent.equals(p.code())) {
        p.row().error(PartnerSheet.PARENT, "a partner cannot be its own parent");
      } else if (!existing.contains(parent) && !byCode.containsKey(parent)) {
        p.row().error(PartnerSheet.PARENT, "no partner with code " + parent + " in the register or in this file");
      } else if (inCycle(p, byCode)) {
        p.row().error(PartnerSheet.PARENT, "parent " + parent + " is a subsidiary of this partner (a cycle of parents in this file)");
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Parsed p : rows) {
        Parsed parent = byCode.get(p.details().parentCode());
        if (p.row().valid() && parent != null && !existing.contains(parent.code()) && !parent.row().valid()) {
          p.row().error(PartnerSheet.PARENT, "parent " + parent.code() + " (row " + parent.row().number() + ") has errors");
          changed = true;
        }
      }
    }
  }

  private static boolean inCycle(Parsed start, Map<String, Parsed> byCode) {
    Set<String> seen = new LinkedHashSet<>();
    for (Parsed p = start; p != null && p.details().parentCode() != null; p = byCode.get(p.details().parentCode())) {
      if (p.code() != null && !seen.add(p.code())) {
        return true;
      }
    }
    return false;
  }

  private List<String> write(List<Parsed> valid, UploadedSpreadsheet upload, ImportMode mode, int rowsRead, int rejected) {
    List<String> given = valid.stream().map(Parsed::code).toList();
    List<String> assignedCodes = codes.assign(PartnerService.SEQUENCE, PartnerService.CODE_PREFIX, given);
    Map<Parsed, String> assigned = new LinkedHashMap<>();
    for (int i = 0; i < valid.size(); i++) {
      assigned.put(valid.get(i), assignedCodes.get(i));
    }
    Map<String, Parsed> inFile = new HashMap<>();
    valid.stream().filter(p -> p.code() != null).forEach(p -> inFile.put(p.code(), p));
    java.time.Instant now = PartnerService.now();
    Map<String, Partner> saved = new HashMap<>();
    List<Partner> inRowOrder = new ArrayList<>();
    for (Parsed p : valid) {
      inRowOrder.add(save(p, assigned, inFile, saved, now));
    }
    List<EvidenceRecord> records = new ArrayList<>(inRowOrder.size() + 1);
    inRowOrder.forEach(partner -> records.add(PartnerService.registered(partner)));
    records.add(EvidenceRecord.of("PARTNERS_IMPORTED").payload(Map.of("fileSha256", upload.sha256(), "fileName", upload.name(),
        "mode", mode.parameter(), "rowsRead", rowsRead, "imported", inRowOrder.size(), "rejected", rejected)));
    evidence.appendAll(records);
    return inRowOrder.stream().map(Partner::getCode).toList();
  }

  /** Saves a row after its parent (from the register, or a row of the file saved first). */
  private Partner save(Parsed p, Map<Parsed, String> assigned, Map<String, Parsed> inFile, Map<String, Partner> saved,
      java.time.Instant now) {
    String code = assigned.get(p);
    Partner done = saved.get(code);
    if (done != null) {
      return done;
    }
    String parentCode = p.details().parentCode();
    Partner parent = null;
    if (parentCode != null) {
      parent = inFile.containsKey(parentCode) ? save(inFile.get(parentCode), assigned, inFile, saved, now)
          : partners.findByCode(parentCode).orElseThrow();
    }
    Partner partner = partners.save(new Partner(code, p.details(), parent, now));
    saved.put(code, partner);
    return partner;
  }
}
