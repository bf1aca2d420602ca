package io.cordon.spreadsheet;

import java.util.List;

/** What an import did: rows read (without the header), rows imported and rejected, every error, the codes written. */
public record ImportReport(String mode, int rowsRead, int imported, int rejected, List<RowError> errors, List<String> codes) {
}
