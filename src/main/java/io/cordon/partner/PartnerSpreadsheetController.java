package io.cordon.partner;

import io.cordon.identity.Roles;
import io.cordon.spreadsheet.ImportMode;
import io.cordon.spreadsheet.ImportReport;
import io.cordon.spreadsheet.XlsxDownload;
import io.cordon.spreadsheet.XlsxWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/partners")
@Tag(name = "Partners")
class PartnerSpreadsheetController {

  private final PartnerImport importer;
  private final PartnerExport exporter;

  PartnerSpreadsheetController(PartnerImport importer, PartnerExport exporter) {
    this.importer = importer;
    this.exporter = exporter;
  }

  @GetMapping("/import-template.xlsx")
  @PreAuthorize(Roles.ANY_MEMBER)
  @Operation(summary = "The import template: the columns of sheet 'Partners' and an instructions sheet")
  void template(HttpServletResponse response) throws IOException {
    try (XlsxWriter workbook = exporter.template()) {
      XlsxDownload.send(workbook, "cordon-partners-template.xlsx", response);
    }
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(Roles.PARTNER_EDITORS)
  @Operation(summary = "Import partners (as PROSPECT) from an .xlsx file made from the template: all rows or none (422 "
      + "listing every error), or with mode=valid-rows the valid rows and a report of the others")
  ImportReport importPartners(@RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "all-or-nothing") String mode) {
    return importer.importFile(file, ImportMode.of(mode));
  }

  @GetMapping("/export.xlsx")
  @PreAuthorize(Roles.ANY_MEMBER)
  @Operation(summary = "The register of partners as .xlsx, filtered like the list")
  void export(@RequestParam(required = false) PartnerStatus status, @RequestParam(required = false) PartnerType type,
      @RequestParam(required = false) String country, @RequestParam(required = false) RiskTier riskTier,
      @RequestParam(required = false) @Size(max = 100) String q, HttpServletResponse response) throws IOException {
    try (XlsxWriter workbook = exporter.export(new PartnerFilter(status, type, country, riskTier, q))) {
      XlsxDownload.send(workbook, "cordon-partners.xlsx", response);
    }
  }
}
