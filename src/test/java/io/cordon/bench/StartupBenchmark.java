package io.cordon.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Start-up to "Started": Cordon (profiles {@code mysql,demo}, as in production with the demo users) against a bare
 * Camunda Boot application with the same class path ({@link io.cordon.bench.bare.BareCamundaApplication}), each in a
 * JVM of its own with the same heap, on the same MariaDB database: fresh (every table dropped first, so Flyway and
 * Camunda create their schema) and restart (the schema there). Rounds alternate which application goes first.
 * Run: {@code ./mvnw verify -Pbench -Pmysql-it -Dit.db.name=<scratch database> -Dit.test=StartupBenchmark}; it drops
 * every table of that database.
 */
class StartupBenchmark {

  private static final int ROUNDS = Integer.getInteger("bench.startupRounds", 2);
  private static final String HEAP = System.getProperty("bench.heap", "512m");
  private static final long TIMEOUT_SECONDS = Long.getLong("bench.startupTimeoutSeconds", 600);

  private final String host = System.getProperty("CORDON_DB_HOST", "127.0.0.1");
  private final String port = System.getProperty("CORDON_DB_PORT", "3306");
  private final String database = System.getProperty("CORDON_DB_NAME", "cordon_bench_startup");
  private final String user = System.getProperty("CORDON_DB_USER", "cordon");
  private final String password = System.getProperty("CORDON_DB_PASSWORD", "cordon");

  @Test
  void startup() throws Exception {
    BenchmarkReport report = new BenchmarkReport("startup", "Start-up");
    String loadBefore = load();
    List<Long> cordonFresh = new ArrayList<>();
    List<Long> cordonRestart = new ArrayList<>();
    List<Long> bareFresh = new ArrayList<>();
    List<Long> bareRestart = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      boolean cordonFirst = round % 2 == 0;
      for (int i = 0; i < 2; i++) {
        if ((i == 0) == cordonFirst) {
          dropAllTables();
          cordonFresh.add(start(cordon()));
          cordonRestart.add(start(cordon()));
        } else {
          dropAllTables();
          bareFresh.add(start(bare()));
          bareRestart.add(start(bare()));
        }
      }
    }
    String loadAfter = load();
    report.line(String.format("%d rounds, each application in its own JVM (-Xmx%s), MariaDB database `%s`; wall time "
        + "from launching the JVM to Spring Boot's \"Started\" line, ms. Load average %s before, %s after.", ROUNDS, HEAP,
        database, loadBefore, loadAfter));
    report.line("");
    report.table("start", "Cordon (mysql,demo)", "bare Camunda Boot app", "ratio (medians)");
    report.row("fresh (empty database)", cordonFresh, bareFresh, BenchmarkReport.ratio(median(cordonFresh), median(bareFresh)));
    report.row("restart (schema there)", cordonRestart, bareRestart,
        BenchmarkReport.ratio(median(cordonRestart), median(bareRestart)));
    report.endTable();
    summary("startup-fresh", "fresh", cordonFresh, bareFresh);
    summary("startup-restart", "restart", cordonRestart, bareRestart);
    report.line("Written to " + report.write());
  }

  private static void summary(String key, String kind, List<Long> cordon, List<Long> bare) {
    double ratio = median(cordon) / median(bare);
    BenchmarkSummary.add(key, "start-up to \"Started\", " + kind + ", vs bare Camunda Boot app (median)",
        String.format("%,.0f ms", median(cordon)), String.format("%,.0f ms", median(bare)), ratio, "<= 1.3x", ratio <= 1.3,
        median(cordon));
  }

  private List<String> cordon() {
    // As production starts: the application's classes and libraries, no test classes or test configuration.
    String classPath = Arrays.stream(classPath().split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
        .collect(Collectors.joining(File.pathSeparator));
    return List.of("-cp", classPath, "io.cordon.CordonApplication", "--spring.profiles.active=mysql,demo",
        "--server.port=0", "--CORDON_DB_HOST=" + host, "--CORDON_DB_PORT=" + port, "--CORDON_DB_NAME=" + database,
        "--CORDON_DB_USER=" + user, "--CORDON_DB_PASSWORD=" + password);
  }

  private List<String> bare() {
    return List.of("-cp", classPath(), "io.cordon.bench.bare.BareCamundaApplication",
        // none of Cordon's configuration files, models or migrations: only what a bare application needs
        "--spring.config.name=bare-camunda", "--logging.config=classpath:bench-logback.xml", "--server.port=0", "--spring.datasource.url=" + jdbcUrl(),
        "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
        "--spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED", "--camunda.bpm.database.type=mysql",
        "--camunda.bpm.auto-deployment-enabled=false", "--spring.flyway.enabled=false",
        "--spring.jpa.hibernate.ddl-auto=none", "--spring.jpa.open-in-view=false");
  }

  /** Launches the JVM and returns the milliseconds until Spring Boot logs "Started"; then stops it. */
  private long start(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + HEAP);
    command.addAll(args);
    Path log = Files.createTempFile("startup", ".log");
    long t0 = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    // an application that never logs "Started" is stopped, which ends the reading below
    Thread watchdog = new Thread(() -> {
      try {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    watchdog.setDaemon(true);
    watchdog.start();
    long started = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder seen = new StringBuilder();
      String line;
      while ((line = out.readLine()) != null) {
        seen.append(line).append('\n');
        if (line.contains(" Started ") && line.contains(" in ")) {
          started = (System.nanoTime() - t0) / 1_000_000;
          break;
        }
      }
      Files.writeString(log, seen);
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
    assertThat(started).as("\"Started\" logged; output in " + log).isPositive();
    Files.delete(log);
    return started;
  }

  private void dropAllTables() throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl(), user, password); Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (var rs = s.executeQuery("select table_name from information_schema.tables where table_schema = database()")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      s.execute("set foreign_key_checks = 0");
      for (String table : tables) {
        s.execute("drop table `" + table + "`");
      }
      s.execute("set foreign_key_checks = 1");
    }
  }

  private String jdbcUrl() {
    return "jdbc:mysql://" + host + ":" + port + "/" + database + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true"
        + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8";
  }

  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private static double median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
  }

  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (IOException e) {
      return "n/a";
    }
  }
}
