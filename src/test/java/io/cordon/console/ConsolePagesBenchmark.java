package io.cordon.console;

import io.cordon.TestProfiles;
import io.cordon.bench.BenchmarkReport;
import io.cordon.bench.CordonBenchmark;
import io.cordon.bench.Latencies;
import io.cordon.bench.RegisterDataGenerator;
import io.cordon.bench.RegisterDataGenerator.DataSet;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Page loads of the console on the generated register (5,000 secrets, 10,000 partners, 1,000,000 disclosures at
 * scale 1), against the REST API call(s) behind each page, over HTTP with the same signed-in session, alternating
 * which goes first. As {@code sam} (security): sees every secret in full, its evidence timeline and its scorecard, so
 * the secret's page does all it can. Run: {@code ./mvnw verify -Pbench -Pmysql-it -Dit.db.name=... 
 * -Dit.test=ConsolePagesBenchmark} (see docs/benchmarks.md).
 */
@CordonBenchmark
class ConsolePagesBenchmark {

  private static final int WARM_UP = Integer.getInteger("cordon.bench.warmup", 60);
  private static final int SAMPLES = Integer.getInteger("cordon.bench.page-samples", 200);
  private static final List<String> SEARCHES = List.of("recipe", "firmware", "geometry", "statistics", "TS-12", "plan", "curve");

  @LocalServerPort
  int port;
  @Autowired
  DataSource dataSource;

  private final SplittableRandom random = new SplittableRandom(7);

  @Test
  void pageLoads() throws Exception {
    DataSet set = RegisterDataGenerator.ensureLoaded(dataSource, RegisterDataGenerator.Size.fromSystemProperties());
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    List<String> secrets = jdbc.queryForList("select code from trade_secret where code like 'TS-%' order by id", String.class);
    List<Map<String, Object>> heavy = jdbc.queryForList("select s.code, x.n from (select secret_id, count(*) n "
        + "from disclosure group by secret_id order by n desc limit 100) x join trade_secret s on s.id = x.secret_id order by x.n desc");
    List<String> heavySecrets = heavy.stream().map(r -> (String) r.get("code")).toList();
    int partnerPages = Math.max(1, jdbc.queryForObject("select count(*) from partner", Integer.class) / SecretPages.PAGE_SIZE);
    int secretPages = Math.max(1, secrets.size() / SecretPages.PAGE_SIZE);
    ConsoleSession sam = ConsoleSession.signIn(port, "sam");

    BenchmarkReport report = new BenchmarkReport("console-pages", "Console page loads");
    report.line(String.format("Data set: %,d secrets, %,d partners, %,d disclosures (%s in %.1f s); %s. Heaviest secret %s "
        + "(%,d disclosures). As sam (security), one signed-in session for pages and API; %d warm-up rounds; times in ms, "
        + "p50 / p95 / p99, over HTTP on this host. Load average at the start: %s.", set.size().secrets(), set.size().partners(),
        set.size().disclosures(), set.generated() ? "generated" : "already loaded", set.millis() / 1000.0,
        TestProfiles.onMysql() ? "MariaDB/MySQL" : "H2", heavySecrets.get(0), ((Number) heavy.get(0).get("n")).intValue(),
        WARM_UP, loadAverage()));
    report.line("");

    for (int i = 0; i < WARM_UP; i++) {
      String code = secrets.get(random.nextInt(secrets.size()));
      page(sam, "/console/secrets/" + code);
      api(sam, "/api/secrets/" + code);
      page(sam, "/console/secrets?page=" + random.nextInt(secretPages));
      api(sam, "/api/secrets?size=50&page=" + random.nextInt(secretPages));
    }

    report.table("page", "keys", "n", "page", "API call(s) behind it", "ratio p50", "ratio p95");
    compare(report, "`/console/secrets` (50 rows)", "random page", SAMPLES, n -> String.valueOf(random.nextInt(secretPages)),
        k -> List.of("/console/secrets?page=" + k), k -> List.of("/api/secrets?size=50&page=" + k), sam);
    compare(report, "`/console/secrets` filtered", "SECRET + ACTIVE, random page", SAMPLES,
        n -> String.valueOf(random.nextInt(Math.max(1, secretPages / 4))),
        k -> List.of("/console/secrets?classification=SECRET&status=ACTIVE&page=" + k),
        k -> List.of("/api/secrets?classification=SECRET&status=ACTIVE&size=50&page=" + k), sam);
    compare(report, "`/console/secrets?q=`", "title or code search", SAMPLES, n -> SEARCHES.get(random.nextInt(SEARCHES.size())),
        k -> List.of("/console/secrets?q=" + k), k -> List.of("/api/secrets?size=50&q=" + k), sam);
    compare(report, "`/console/secrets/{code}`", "random secret", SAMPLES, n -> secrets.get(random.nextInt(secrets.size())),
        k -> List.of("/console/secrets/" + k), ConsolePagesBenchmark::secretApiCalls, sam);
    compare(report, "`/console/secrets/{code}`", "one of the 100 heaviest", SAMPLES / 2,
        n -> heavySecrets.get(random.nextInt(heavySecrets.size())), k -> List.of("/console/secrets/" + k),
        ConsolePagesBenchmark::secretApiCalls, sam);
    compare(report, "`/console/secrets/{code}`", "heaviest " + heavySecrets.get(0), SAMPLES / 2, n -> heavySecrets.get(0),
        k -> List.of("/console/secrets/" + k), ConsolePagesBenchmark::secretApiCalls, sam);
    compare(report, "`/console/partners` (50 rows)", "random page", SAMPLES, n -> String.valueOf(random.nextInt(partnerPages)),
        k -> List.of("/console/partners?page=" + k), k -> List.of("/api/partners?size=50&page=" + k), sam);
    report.endTable();
    report.line("API calls behind a secret's page: `GET /api/secrets/{code}`, its current holders "
        + "(`/holders?status=DISCLOSED&status=SUSPENDED&size=100`) and the others (`/holders?status=REQUESTED&status=APPROVED"
        + "&status=RETURNED&status=DESTROYED&status=REVOKED&size=100`), one after the other; their times summed.");
    report.line("Load average at the end: " + loadAverage() + ".");
    report.line("Written to " + report.write());
  }

  private static List<String> secretApiCalls(String code) {
    return List.of("/api/secrets/" + code, "/api/secrets/" + code + "/holders?status=DISCLOSED&status=SUSPENDED&size=100",
        "/api/secrets/" + code + "/holders?status=REQUESTED&status=APPROVED&status=RETURNED&status=DESTROYED&status=REVOKED&size=100");
  }

  /** The page's requests and the API's, once per key, alternating which goes first. */
  private static void compare(BenchmarkReport report, String page, String keyLabel, int n, IntFunction<String> key,
      java.util.function.Function<String, List<String>> pages, java.util.function.Function<String, List<String>> apis,
      ConsoleSession session) throws Exception {
    Latencies lp = new Latencies();
    Latencies la = new Latencies();
    for (int i = 0; i < n; i++) {
      String k = key.apply(i);
      if (i % 2 == 0) {
        lp.add(time(session, pages.apply(k), true));
        la.add(time(session, apis.apply(k), false));
      } else {
        la.add(time(session, apis.apply(k), false));
        lp.add(time(session, pages.apply(k), true));
      }
    }
    report.row(page, keyLabel, n, lp.summary(), la.summary(), BenchmarkReport.ratio(lp.p50(), la.p50()),
        BenchmarkReport.ratio(lp.p95(), la.p95()));
  }

  private static long time(ConsoleSession session, List<String> paths, boolean page) throws Exception {
    long total = 0;
    for (String path : paths) {
      long t0 = System.nanoTime();
      if (page) {
        page(session, path);
      } else {
        api(session, path);
      }
      total += System.nanoTime() - t0;
    }
    return total;
  }

  private static void page(ConsoleSession session, String path) throws Exception {
    HttpResponse<String> response = session.get(path);
    if (response.statusCode() != 200 || !response.body().contains("id=\"main\"")) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": the benchmark would measure nothing");
    }
  }

  private static void api(ConsoleSession session, String path) throws Exception {
    HttpResponse<String> response = session.get(path);
    if (response.statusCode() != 200 || !response.body().startsWith("{")) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": the benchmark would measure nothing");
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0] + " / "
          + Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[1];
    } catch (IOException e) {
      return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
