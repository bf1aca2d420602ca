package io.cordon.secret;

import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.spreadsheet.Column;
import io.cordon.spreadsheet.XlsxWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register of secrets as a workbook: the import template (empty, with instructions) and exports of the register,
 * filtered like the list, with the same crown-jewel redaction as the API. An export of the register is itself a
 * disclosure risk, so each one is recorded in the evidence chain (REGISTER_EXPORTED: who, which filter, how many rows).
 */
@Service
class SecretExport {

  private static final int PAGE = 500;
  /** Rows of the template that offer drop-downs for the enumerated columns. */
  private static final int TEMPLATE_ROWS = 5000;

  private final SecretService service;
  private final EvidenceChain evidence;
  private final TransactionTemplate transaction;

  SecretExport(SecretService service, EvidenceChain evidence, PlatformTransactionManager transactions) {
    this.service = service;
    this.evidence = evidence;
    this.transaction = new TransactionTemplate(transactions);
  }

  XlsxWriter template() {
    XlsxWriter workbook = new XlsxWriter();
    List<Column> columns = SecretSheet.LAYOUT.importable();
    XlsxWriter.Table table = workbook.table("Secrets", columns);
    table.choices(columns.indexOf(SecretSheet.CATEGORY), SecretSheet.names(SecretCategory.class), TEMPLATE_ROWS);
    table.choices(columns.indexOf(SecretSheet.CLASSIFICATION), SecretSheet.names(Classification.class), TEMPLATE_ROWS);
    table.finish();
    workbook.notes("Instructions", instructions());
    return workbook;
  }

  XlsxWriter export(SecretFilter filter) {
    XlsxWriter workbook = new XlsxWriter();
    XlsxWriter.Table table = workbook.table("Secrets", SecretSheet.LAYOUT.columns());
    Page<SecretView> page;
    int number = 0;
    do {
      page = service.search(filter, PageRequest.of(number++, PAGE, Sort.by("code", "id")));
      page.forEach(v -> table.row(SecretSheet.values(v)));
    } while (page.hasNext());
    table.finish();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("register", "secrets");
    payload.put("filter", filterOf(filter));
    payload.put("rows", table.rows());
    transaction.executeWithoutResult(s -> evidence.append(EvidenceRecord.of("REGISTER_EXPORTED").payload(payload)));
    return workbook;
  }

  private static Map<String, Object> filterOf(SecretFilter f) {
    Map<String, Object> filter = new LinkedHashMap<>();
    if (f.status() != null) filter.put("status", f.status().name());
    if (f.classification() != null) filter.put("classification", f.classification().name());
    if (f.category() != null) filter.put("category", f.category().name());
    if (f.ownerId() != null) filter.put("owner", f.ownerId());
    // The search text may be a title the evidence's readers may not see: its hash identifies it, the text stays out.
    if (f.q() != null) filter.put("qSha256", io.cordon.evidence.CanonicalJson.sha256Hex(f.q()));
    return filter;
  }

  private static List<String> instructions() {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("Importing trade secrets into Cordon");
    lines.add("Cordon stores metadata only: never put the secret itself (formulas, drawings, source code, recipes) in this file.");
    lines.add("Fill in sheet 'Secrets': the header in row 1, one secret per row below it. Only the first sheet is read.");
    lines.add("Not accepted: formulas, merged cells, hidden sheets, macros (.xlsm), more than the row limit.");
    lines.add("Upload with POST /api/secrets/import (multipart part 'file'). By default all rows are imported or none; "
        + "with mode=valid-rows the valid rows are imported and the others reported.");
    lines.add("");
    for (Column c : SecretSheet.LAYOUT.importable()) {
      lines.add(c.header() + (c.required() ? " (required): " : " (optional): ") + c.help());
    }
    lines.add("");
    lines.add("Example row: (Code empty) | Injection moulding parameters for housing H7 | Process window, not the values | PROCESS | "
        + "SECRET | oscar | MES; PLM | Plant Augsburg | DE | ACCESS_CONTROL; MARKING");
    return lines;
  }
}
