package io.cordon.secret;

import static io.cordon.spreadsheet.TestWorkbooks.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.CordonIntegrationTest;
import io.cordon.TestProfiles;
import io.cordon.spreadsheet.SpreadsheetLimits;
import io.cordon.spreadsheet.UploadedSpreadsheet;
import io.cordon.spreadsheet.XlsxReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import of 10,000 secrets from .xlsx over HTTP (all-or-nothing, generated codes, one event per row), against two
 * baselines measured in the same run: parsing the same file alone, and a bare JDBC batch insert of 10,000 rows.
 * Run: ./mvnw verify -Pbench -Pmysql-it -Dit.test=SecretImportBenchmark (docs/benchmarks.md).
 */
@CordonIntegrationTest
class SecretImportBenchmark {

  static final int ROWS = 10_000;
  static final int RUNS = Integer.getInteger("bench.runs", 5);

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  SpreadsheetLimits limits;

  @Test
  void importTenThousandSecrets() throws Exception {
    List<Long> imports = new ArrayList<>();
    List<Long> parses = new ArrayList<>();
    List<Long> inserts = new ArrayList<>();
    long bytes = 0;
    for (int run = 0; run <= RUNS; run++) {
      String tag = "B" + UUID.randomUUID().toString().substring(0, 6);
      byte[] file = workbook(tag);
      bytes = file.length;

      long start = System.nanoTime();
      ResponseEntity<JsonNode> response = upload(rest, "sam", "/api/secrets/import", file, "bench.xlsx");
      long importMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
      assertThat(response.getBody().get("imported").asInt()).isEqualTo(ROWS);

      start = System.nanoTime();
      AtomicInteger rows = new AtomicInteger();
      try (UploadedSpreadsheet copy = UploadedSpreadsheet.of(new ByteArrayInputStream(file), "bench.xlsx")) {
        XlsxReader.read(copy.path(), limits, (n, cells) -> rows.incrementAndGet());
      }
      long parseMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(rows.get()).isEqualTo(ROWS + 1);

      start = System.nanoTime();
      bareInsert(tag);
      long insertMs = (System.nanoTime() - start) / 1_000_000;
      jdbc.update("delete from trade_secret where code like ?", tag + "%");

      System.out.printf("run %d%s: import %d ms, parse only %d ms, bare JDBC insert %d ms%n", run, run == 0 ? " (warm-up)" : "",
          importMs, parseMs, insertMs);
      if (run > 0) {
        imports.add(importMs);
        parses.add(parseMs);
        inserts.add(insertMs);
      }
    }
    long imp = median(imports);
    long parse = median(parses);
    long insert = median(inserts);
    System.out.printf("%nSpreadsheet import benchmark on %s: %d rows, file %d KB, median of %d runs%n",
        TestProfiles.onMysql() ? "MariaDB/MySQL" : "H2", ROWS, bytes / 1024, RUNS);
    System.out.printf("  import over HTTP  %6d ms (%d rows/s)%n", imp, ROWS * 1000L / Math.max(1, imp));
    System.out.printf("  parse only        %6d ms   import / parse  = %.1f%n", parse, (double) imp / Math.max(1, parse));
    System.out.printf("  bare JDBC insert  %6d ms   import / insert = %.1f%n", insert, (double) imp / Math.max(1, insert));
  }

  private static byte[] workbook(String tag) throws Exception {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
      Sheet sheet = wb.createSheet("Secrets");
      String[] header = SecretSpreadsheetIT.HEADER.toArray(String[]::new);
      write(sheet.createRow(0), header);
      String[] categories = {"TECHNICAL", "PROCESS", "BUSINESS", "DATA", "SOFTWARE"};
      String[] classes = {"CONFIDENTIAL", "SECRET", "CROWN_JEWEL"};
      for (int i = 1; i <= ROWS; i++) {
        write(sheet.createRow(i), new String[] {null, tag + " secret " + i + " " + UUID.randomUUID(),
            "Non-revealing summary of item " + i, categories[i % 5], classes[i % 3], i % 2 == 0 ? "oscar" : "olivia",
            "PLM; ERP-" + (i % 17), "Plant " + (i % 9), i % 4 == 0 ? "DE; CN" : "US", "ACCESS_CONTROL; MARKING"});
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  private static void write(Row row, String[] values) {
    for (int c = 0; c < values.length; c++) {
      if (values[c] != null) {
        row.createCell(c).setCellValue(values[c]);
      }
    }
  }

  /** The floor: the same number of rows, already converted, in one transaction with JDBC batches. */
  private void bareInsert(String tag) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> rows = new ArrayList<>(ROWS);
    for (int i = 1; i <= ROWS; i++) {
      rows.add(new Object[] {tag + "-" + i, tag + " baseline " + i, "Non-revealing summary", "DATA", "SECRET", "oscar",
          "[\"PLM\",\"ERP\"]", "[\"Plant\"]", "[\"DE\"]", "ACCESS_CONTROL,MARKING", "ACTIVE", 0, now, now});
    }
    new TransactionTemplate(transactions).executeWithoutResult(s -> jdbc.batchUpdate("insert into trade_secret (code, title, "
        + "summary, category, classification, owner_id, systems, sites, countries, protection_measures, status, version, "
        + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
