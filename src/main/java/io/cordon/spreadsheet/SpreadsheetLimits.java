package io.cordon.spreadsheet;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what an import reads, checked before and while parsing so that no file can exhaust memory or time:
 * the upload's size, the number of data rows, and for the zip container the smallest compression ratio
 * (compressed / uncompressed, below which the file is treated as a zip bomb) and the largest uncompressed part.
 */
@Component
public class SpreadsheetLimits {

  private final long maxFileBytes;
  private final int maxRows;
  private final double minInflateRatio;
  private final long maxEntryBytes;

  @Autowired
  SpreadsheetLimits(@Value("${cordon.spreadsheet.max-file-size:20MB}") DataSize maxFileSize,
      @Value("${cordon.spreadsheet.max-rows:50000}") int maxRows,
      @Value("${cordon.spreadsheet.min-inflate-ratio:0.01}") double minInflateRatio,
      @Value("${cordon.spreadsheet.max-entry-size:100MB}") DataSize maxEntrySize) {
    this(maxFileSize.toBytes(), maxRows, minInflateRatio, maxEntrySize.toBytes());
  }

  public SpreadsheetLimits(long maxFileBytes, int maxRows, double minInflateRatio, long maxEntryBytes) {
    this.maxFileBytes = maxFileBytes;
    this.maxRows = maxRows;
    this.minInflateRatio = minInflateRatio;
    this.maxEntryBytes = maxEntryBytes;
  }

  public long maxFileBytes() {
    return maxFileBytes;
  }

  public int maxRows() {
    return maxRows;
  }

  public double minInflateRatio() {
    return minInflateRatio;
  }

  public long maxEntryBytes() {
    return maxEntryBytes;
  }
}
