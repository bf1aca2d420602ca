package io.cordon.secret;

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
@RequestMapping("/api/secrets")
@Tag(name = "Trade secrets")
class SecretSpreadsheetController {

  private final SecretImport importer;
  private final SecretExport exporter;

  SecretSpreadsheetController(SecretImport importer, SecretExport exporter) {
    this.importer = importer;
    this.exporter = exporter;
  }

  @GetMapping("/import-template.xlsx")
  @PreAuthorize(Roles.ANY_MEMBER)
  @Operation(summary = "The import template: the columns of sheet 'Secrets' and an instructions sheet")
  void template(HttpServletResponse response) throws IOException {
    try (XlsxWriter workbook = exporter.template()) {
      XlsxDownload.send(workbook, "cordon-secrets-template.xlsx", response);
    }
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(Roles.SECRET_EDITORS)
  @Operation(summary = "Import secrets from an .xlsx file made from the template: all rows or none (422 listing every "
      + "error), or with mode=valid-rows the valid rows and a report of the others")
  ImportReport importSecrets(@RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "all-or-nothing") String mode) {
    return importer.importFile(file, ImportMode.of(mode));
  }

  @GetMapping("/export.xlsx")
  @PreAuthorize(Roles.ANY_MEMBER)
  @Operation(summary = "The register as .xlsx, filtered like the list; crown jewels redacted for callers not entitled to them")
  void export(@RequestParam(required = false) SecretStatus status,
      @RequestParam(required = false) Classification classification, @RequestParam(required = false) SecretCategory category,
      @RequestParam(required = false) String owner, @RequestParam(required = false) @Size(max = 100) String q,
      HttpServletResponse response) throws IOException {
    try (XlsxWriter workbook = exporter.export(new SecretFilter(status, classification, category, owner, q))) {
      XlsxDownload.send(workbook, "cordon-secrets.xlsx", response);
    }
  }
}
