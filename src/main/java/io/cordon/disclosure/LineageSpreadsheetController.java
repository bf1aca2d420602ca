package io.cordon.disclosure;

import io.cordon.identity.Roles;
import io.cordon.spreadsheet.XlsxDownload;
import io.cordon.spreadsheet.XlsxWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Disclosures and lineage")
class LineageSpreadsheetController {

  private final LineageExport export;

  LineageSpreadsheetController(LineageExport export) {
    this.export = export;
  }

  @GetMapping("/api/secrets/{code}/lineage.xlsx")
  @PreAuthorize(Roles.ANY_MEMBER)
  @Operation(summary = "Who holds (or held) secret X, every disclosure, as .xlsx")
  void holders(@PathVariable String code, HttpServletResponse response) throws IOException {
    try (XlsxWriter workbook = export.holders(code)) {
      XlsxDownload.send(workbook, "cordon-lineage-" + code + ".xlsx", response);
    }
  }

  @GetMapping("/api/partners/{code}/lineage.xlsx")
  @PreAuthorize(Roles.ANY_MEMBER)
  @Operation(summary = "What partner P holds (or held), every disclosure, as .xlsx; crown-jewel titles only for those entitled")
  void holdings(@PathVariable String code, HttpServletResponse response) throws IOException {
    try (XlsxWriter workbook = export.holdings(code)) {
      XlsxDownload.send(workbook, "cordon-lineage-" + code + ".xlsx", response);
    }
  }
}
