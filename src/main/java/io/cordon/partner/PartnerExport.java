package io.cordon.partner;

import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.spreadsheet.Column;
import io.cordon.spreadsheet.XlsxWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The register of partners as a workbook: the import template and exports filtered like the list (recorded as evidence). */
@Service
class PartnerExport {

  private static final int PAGE = 500;
  private static final int TEMPLATE_ROWS = 5000;

  private final PartnerService service;
  private final EvidenceChain evidence;
  private final TransactionTemplate transaction;

  PartnerExport(PartnerService service, EvidenceChain evidence, PlatformTransactionManager transactions) {
    this.service = service;
    this.evidence = evidence;
    this.transaction = new TransactionTemplate(transactions);
  }

  XlsxWriter template() {
    XlsxWriter workbook = new XlsxWriter();
    List<Column> columns = PartnerSheet.LAYOUT.importable();
    XlsxWriter.Table table = workbook.table("Partners", columns);
    table.choices(columns.indexOf(PartnerSheet.TYPE), PartnerSheet.names(PartnerType.class), TEMPLATE_ROWS);
    table.finish();
    List<String> lines = new ArrayList<>();
    lines.add("Importing partners into Cordon");
    lines.add("Fill in sheet 'Partners': the header in row 1, one partner per row below it. Only the first sheet is read.");
    lines.add("Not accepted: formulas, merged cells, hidden sheets, macros (.xlsm), more than the row limit.");
    lines.add("Upload with POST /api/partners/import (multipart part 'file'). By default all rows are imported or none; "
        + "with mode=valid-rows the valid rows are imported and the others reported. Imported partners are PROSPECTs.");
    lines.add("");
    for (Column c : columns) {
      lines.add(c.header() + (c.required() ? " (required): " : " (optional): ") + c.help());
    }
    workbook.notes("Instructions", lines);
    return workbook;
  }

  XlsxWriter export(PartnerFilter filter) {
    XlsxWriter workbook = new XlsxWriter();
    XlsxWriter.Table table = workbook.table("Partners", PartnerSheet.LAYOUT.columns());
    Page<PartnerView> page;
    int number = 0;
    do {
      page = service.search(filter, PageRequest.of(number++, PAGE, Sort.by("code", "id")));
      page.forEach(v -> table.row(PartnerSheet.values(v)));
    } while (page.hasNext());
    table.finish();
    Map<String, Object> used = new LinkedHashMap<>();
    if (filter.status() != null) used.put("status", filter.status().name());
    if (filter.type() != null) used.put("type", filter.type().name());
    if (filter.country() != null) used.put("country", filter.country());
    if (filter.riskTier() != null) used.put("riskTier", filter.riskTier().name());
    if (filter.q() != null) used.put("q", filter.q());
    Map<String, Object> payload = Map.of("register", "partners", "filter", used, "rows", table.rows());
    transaction.executeWithoutResult(s -> evidence.append(EvidenceRecord.of("REGISTER_EXPORTED").payload(payload)));
    return workbook;
  }
}
