package io.cordon.disclosure;

import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.spreadsheet.Column;
import io.cordon.spreadsheet.XlsxWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lineage as a workbook: who holds (or held) a secret, what a partner holds (or held), every disclosure whatever
 * its status, oldest first. Crown-jewel titles are left out as in the API. Each export is recorded (LINEAGE_EXPORTED).
 */
@Service
class LineageExport {

  private static final int PAGE = 500;

  static final List<Column> HOLDERS = List.of(Column.exportOnly("Disclosure", 11, ""), Column.exportOnly("Partner code", 12, ""),
      Column.exportOnly("Partner", 30, ""), Column.exportOnly("Country", 9, ""), Column.exportOnly("NDA", 14, ""),
      Column.exportOnly("NDA version", 12, ""), Column.exportOnly("Status", 11, ""), Column.exportOnly("Requested", 21, ""),
      Column.exportOnly("Disclosed", 21, ""), Column.exportOnly("Closed", 21, ""));
  static final List<Column> HOLDINGS = List.of(Column.exportOnly("Disclosure", 11, ""), Column.exportOnly("Secret code", 12, ""),
      Column.exportOnly("Secret", 30, ""), Column.exportOnly("Classification", 15, ""), Column.exportOnly("Owner", 12, ""),
      Column.exportOnly("NDA", 14, ""), Column.exportOnly("NDA version", 12, ""), Column.exportOnly("Status", 11, ""),
      Column.exportOnly("Requested", 21, ""), Column.exportOnly("Disclosed", 21, ""), Column.exportOnly("Closed", 21, ""));

  private final DisclosureService disclosures;
  private final EvidenceChain evidence;
  private final TransactionTemplate transaction;

  LineageExport(DisclosureService disclosures, EvidenceChain evidence, PlatformTransactionManager transactions) {
    this.disclosures = disclosures;
    this.evidence = evidence;
    this.transaction = new TransactionTemplate(transactions);
  }

  XlsxWriter holders(String secretCode) {
    XlsxWriter workbook = new XlsxWriter();
    XlsxWriter.Table table = workbook.table("Holders of " + secretCode, HOLDERS);
    Page<HolderView> page;
    int number = 0;
    do {
      page = disclosures.holders(secretCode, null, PageRequest.of(number++, PAGE, Sort.by("id")));
      page.forEach(h -> table.row(cells(h.disclosureId(), h.partnerCode(), h.partnerName(), h.partnerCountry(),
          h.ndaReference(), h.ndaVersion(), h.status(), h.requestedAt(), h.disclosedAt(), h.closedAt())));
    } while (page.hasNext());
    table.finish();
    recordExport(EvidenceRecord.of("LINEAGE_EXPORTED").secrets(List.of(secretCode)), table.rows());
    return workbook;
  }

  XlsxWriter holdings(String partnerCode) {
    XlsxWriter workbook = new XlsxWriter();
    XlsxWriter.Table table = workbook.table("Held by " + partnerCode, HOLDINGS);
    Page<HoldingView> page;
    int number = 0;
    do {
      page = disclosures.holdings(partnerCode, null, PageRequest.of(number++, PAGE, Sort.by("id")));
      page.forEach(h -> table.row(cells(h.disclosureId(), h.secretCode(), h.secretTitle(), h.classification(), h.ownerId(),
          h.ndaReference(), h.ndaVersion(), h.status(), h.requestedAt(), h.disclosedAt(), h.closedAt())));
    } while (page.hasNext());
    table.finish();
    recordExport(EvidenceRecord.of("LINEAGE_EXPORTED").partner(partnerCode), table.rows());
    return workbook;
  }

  private void recordExport(EvidenceRecord record, int rows) {
    transaction.executeWithoutResult(s -> evidence.append(record.payload(Map.of("rows", rows))));
  }

  private static List<String> cells(Object... values) {
    return Arrays.stream(values).map(v -> v == null ? null : v instanceof Instant i ? i.toString()
        : v instanceof Enum<?> e ? e.name() : v.toString()).toList();
  }
}
