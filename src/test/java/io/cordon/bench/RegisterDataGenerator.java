package io.cordon.bench;

import io.cordon.partner.Contact;
import io.cordon.platform.StringListConverter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Loads a reproducible register for the benchmarks: by default 5,000 trade secrets (TS-0001...), 10,000 partners
 * (P-0001...) and 1,000,000 disclosures with their approvals, with the skew of a real register (see
 * {@link RegisterShape}). Plain JDBC batches, one commit per batch. The same seed gives the same rows.
 *
 * <p>Idempotent: the last step records the data set in {@code code_sequence} under {@value #MARKER}; when that row
 * is there the generator does nothing. It refuses a database that already holds secrets, partners or disclosures
 * without the marker (an interrupted load, or real data): generate into an empty database.
 *
 * <p>Standalone (runs Cordon's Flyway migrations first, see docs/benchmarks.md):
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.cordon.bench.RegisterDataGenerator \
 *   -Dexec.args="--url=jdbc:mysql://127.0.0.1:3306/cordon_bench --user=cordon --password=cordon"
 * </pre>
 */
public final class RegisterDataGenerator {

  public static final long SEED = 20_260_601L;
  static final String MARKER = "bench-register-data-set";
  private static final int BATCH = 5_000;
  private static final int PROGRESS_EVERY = 100_000;
  private static final Instant START = Instant.parse("2019-01-07T08:00:00Z");
  private static final long SPAN_SECONDS = 7L * 365 * 24 * 3600;
  static final List<String> OWNERS = List.of("oscar", "olivia");

  /** How much to generate. */
  public record Size(int secrets, int partners, int disclosures, boolean approvals) {

    public static final Size FULL = new Size(5_000, 10_000, 1_000_000, true);

    /** {@code -Dcordon.bench.scale=0.1} gives a tenth of everything, e.g. for a quick run on H2. */
    public static Size fromSystemProperties() {
      double scale = Double.parseDouble(System.getProperty("cordon.bench.scale", "1"));
      boolean approvals = Boolean.parseBoolean(System.getProperty("cordon.bench.approvals", "true"));
      // Fewer secrets and disclosures, but enough partners that the heaviest secrets keep their share of holders.
      return new Size((int) Math.max(50, FULL.secrets * scale), (int) Math.max(2_000, FULL.partners * scale),
          (int) Math.max(1_000, FULL.disclosures * scale), approvals);
    }
  }

  /** What is in the database now; {@code generated} is false when an earlier run had loaded it. */
  public record DataSet(Size size, boolean generated, long millis) {
  }

  private final DataSource dataSource;
  private final Size size;
  private final SplittableRandom random = new SplittableRandom(SEED + 1);
  private final StringListConverter lists = new StringListConverter();

  private RegisterDataGenerator(DataSource dataSource, Size size) {
    this.dataSource = dataSource;
    this.size = size;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new java.util.HashMap<>();
    for (String arg : args) {
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      options.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }
    String url = options.getOrDefault("url", "jdbc:mysql://127.0.0.1:3306/cordon_bench");
    if (url.startsWith("jdbc:mysql:") && !url.contains("rewriteBatchedStatements")) {
      // The same connection settings as the application's mysql profile.
      url += (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true&sendFractionalSeconds=false"
          + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8";
    }
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url, options.getOrDefault("user", "cordon"),
        options.getOrDefault("password", "cordon"));
    Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();
    DataSet set = ensureLoaded(dataSource, Size.fromSystemProperties());
    System.out.printf("%s: %,d secrets, %,d partners, %,d disclosures (%.1f s)%n",
        set.generated() ? "Generated" : "Already loaded", set.size().secrets(), set.size().partners(),
        set.size().disclosures(), set.millis() / 1000.0);
  }

  /** Loads the data set unless the marker says it is there already. */
  public static DataSet ensureLoaded(DataSource dataSource, Size size) throws SQLException {
    long started = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      Long marker = marker(c);
      if (marker != null) {
        if (marker != size.disclosures()) {
          throw new IllegalStateException("The database holds a generated register of " + marker
              + " disclosures, not " + size.disclosures() + ": use another database or drop this one.");
        }
        return new DataSet(size, false, (System.nanoTime() - started) / 1_000_000);
      }
      for (String table : List.of("trade_secret", "partner", "disclosure")) {
        if (count(c, table) > 0) {
          throw new IllegalStateException("Table " + table + " is not empty and holds no complete generated data set: "
              + "generate the register into an empty database (see docs/benchmarks.md).");
        }
      }
      new RegisterDataGenerator(dataSource, size).load(c);
    }
    return new DataSet(size, true, (System.nanoTime() - started) / 1_000_000);
  }

  private void load(Connection c) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    boolean mysql = c.getMetaData().getDatabaseProductName().toLowerCase().matches(".*(mysql|mariadb).*");
    c.setAutoCommit(false);
    if (mysql) {
      // As mysqldump does for a bulk load: the rows reference only rows generated before them.
      session(c, "set foreign_key_checks = 0");
    }
    try {
      long[] secretIds = insertSecrets(c);
      long[] partnerIds = insertPartners(c);
      RegisterShape shape = RegisterShape.plan(SEED, size.secrets(), size.partners(), size.disclosures());
      insertDisclosures(c, shape, secretIds, partnerIds);
      try (PreparedStatement bump = c.prepareStatement(
          "update code_sequence set next_value = ? where name = ? and next_value <= ?")) {
        for (var sequence : Map.of("secret", size.secrets(), "partner", size.partners()).entrySet()) {
          bump.setLong(1, sequence.getValue() + 1L);
          bump.setString(2, sequence.getKey());
          bump.setLong(3, sequence.getValue());
          bump.executeUpdate();
        }
      }
      try (PreparedStatement mark = c.prepareStatement("insert into code_sequence (name, next_value) values (?, ?)")) {
        mark.setString(1, MARKER);
        mark.setLong(2, size.disclosures());
        mark.executeUpdate();
      }
      c.commit();
    } finally {
      if (mysql) {
        session(c, "set foreign_key_checks = 1");
      }
      c.setAutoCommit(autoCommit);
    }
    if (mysql) {
      // Fresh statistics, as after any bulk load. With the statistics left by the load, MariaDB 10.11 planned
      // "who holds X" without a status filter as a scan of all partners (40 s instead of 2 ms).
      session(c, "analyze table trade_secret, partner, disclosure, disclosure_approval");
    }
  }

  private static void session(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private long[] insertSecrets(Connection c) throws SQLException {
    String sql = "insert into trade_secret (code, title, summary, category, classification, owner_id, systems, sites, "
        + "countries, protection_measures, status, version, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,0,?,?)";
    try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      long[] ids = new long[size.secrets()];
      for (int i = 0; i < size.secrets(); i++) {
        String category = pick(RegisterVocabulary.CATEGORIES);
        Timestamp created = Timestamp.from(START.minusSeconds(random.nextLong(3L * 365 * 24 * 3600)));
        ps.setString(1, String.format("TS-%04d", i + 1));
        ps.setString(2, pick(RegisterVocabulary.TITLES.get(category)) + " " + (i + 1));
        ps.setString(3, "Held in " + pick(RegisterVocabulary.SYSTEMS) + "; see the owner for the location of the material.");
        ps.setString(4, category);
        ps.setString(5, weighted(new String[] {"CONFIDENTIAL", "SECRET", "CROWN_JEWEL"}, 50, 35, 15));
        ps.setString(6, OWNERS.get(i % OWNERS.size()));
        ps.setString(7, lists.convertToDatabaseColumn(List.of(pick(RegisterVocabulary.SYSTEMS), pick(RegisterVocabulary.SYSTEMS))
            .stream().distinct().toList()));
        ps.setString(8, lists.convertToDatabaseColumn(List.of(pick(RegisterVocabulary.SITES))));
        ps.setString(9, lists.convertToDatabaseColumn(List.of("DE", pick(RegisterVocabulary.COUNTRIES)).stream().distinct().toList()));
        ps.setString(10, RegisterVocabulary.measures(random));
        ps.setString(11, weighted(new String[] {"ACTIVE", "RETIRED", "COMPROMISED"}, 90, 8, 2));
        ps.setTimestamp(12, created);
        ps.setTimestamp(13, created);
        ps.addBatch();
      }
      ps.executeBatch();
      readKeys(ps, ids);
      c.commit();
      System.out.printf("  trade secrets: %,d%n", ids.length);
      return ids;
    }
  }

  private long[] insertPartners(Connection c) throws SQLException {
    String sql = "insert into partner (code, legal_name, native_name, country, registration_id, type, contacts, status, "
        + "risk_tier, next_recertification, version, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,0,?,?)";
    try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      long[] ids = new long[size.partners()];
      for (int i = 0; i < size.partners(); i++) {
        String country = pick(RegisterVocabulary.COUNTRIES);
        String name = pick(RegisterVocabulary.NAME_STEMS) + " " + pick(RegisterVocabulary.NAME_WORDS) + " " + (i + 1);
        Timestamp created = Timestamp.from(START.minusSeconds(random.nextLong(2L * 365 * 24 * 3600)));
        String status = weighted(new String[] {"ACTIVE", "SUSPENDED", "OFFBOARDED", "ONBOARDING", "PROSPECT"}, 70, 5, 15, 5, 5);
        ps.setString(1, String.format("P-%04d", i + 1));
        ps.setString(2, name + " " + RegisterVocabulary.LEGAL_FORMS.getOrDefault(country, "Ltd."));
        ps.setString(3, RegisterVocabulary.nativeName(country, i + 1));
        ps.setString(4, country);
        ps.setString(5, country + "-" + (100_000 + random.nextInt(900_000)));
        ps.setString(6, weighted(new String[] {"SUPPLIER", "CONTRACT_MANUFACTURER", "DISTRIBUTOR", "RD_PARTNER",
            "SERVICE_PROVIDER"}, 45, 20, 15, 10, 10));
        ps.setString(7, RegisterVocabulary.contacts(List.of(new Contact("Contact " + (i + 1),
            "legal" + (i + 1) + "@partner" + (i + 1) + ".example", "Legal"))));
        ps.setString(8, status);
        if (status.equals("PROSPECT")) {
          ps.setNull(9, Types.VARCHAR);
          ps.setNull(10, Types.DATE);
        } else {
          ps.setString(9, weighted(new String[] {"LOW", "MEDIUM", "HIGH", "CRITICAL"}, 40, 35, 20, 5));
          ps.setObject(10, LocalDate.of(2026, 1, 1).plusDays(random.nextInt(730)));
        }
        ps.setTimestamp(11, created);
        ps.setTimestamp(12, created);
        ps.addBatch();
      }
      ps.executeBatch();
      readKeys(ps, ids);
      c.commit();
      System.out.printf("  partners: %,d%n", ids.length);
      return ids;
    }
  }

  private void insertDisclosures(Connection c, RegisterShape shape, long[] secretIds, long[] partnerIds) throws SQLException {
    String sql = "insert into disclosure (secret_id, partner_id, nda_reference, nda_version, purpose, permitted_recipients, "
        + "channel, status, requested_at, approved_at, disclosed_at, closed_at, version) values (?,?,?,?,?,?,?,?,?,?,?,?,0)";
    String approvalSql = "insert into disclosure_approval (disclosure_id, position, approver_id, approver_role, decision, "
        + "decided_at, comment) values (?, 0, ?, 'owner', ?, ?, null)";
    long started = System.nanoTime();
    int n = shape.secretOf.length;
    try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
        PreparedStatement approval = c.prepareStatement(approvalSql)) {
      RegisterVocabulary.Timeline[] batch = new RegisterVocabulary.Timeline[BATCH];
      int inBatch = 0;
      for (int i = 0; i < n; i++) {
        int s = shape.secretOf[i];
        int p = shape.partnerOf[i];
        double t = (double) i / n;
        Instant requested = START.plusSeconds((long) (t * SPAN_SECONDS));
        RegisterVocabulary.Timeline line = RegisterVocabulary.timeline(random, t, requested, OWNERS.get(s % OWNERS.size()));
        batch[inBatch++] = line;
        boolean covered = line.disclosed() != null || random.nextInt(4) == 0;
        ps.setLong(1, secretIds[s]);
        ps.setLong(2, partnerIds[p]);
        if (covered) {
          ps.setString(3, String.format("NDA-P-%04d-%d", p + 1, 1 + random.nextInt(3)));
          ps.setInt(4, 1 + random.nextInt(3));
        } else {
          ps.setNull(3, Types.VARCHAR);
          ps.setNull(4, Types.INTEGER);
        }
        ps.setString(5, pick(RegisterVocabulary.PURPOSES) + " (programme " + (char) ('A' + random.nextInt(26))
            + "-" + (100 + random.nextInt(900)) + ")");
        ps.setString(6, lists.convertToDatabaseColumn(RegisterVocabulary.recipients(random)));
        ps.setString(7, pick(RegisterVocabulary.CHANNELS));
        ps.setString(8, line.status());
        ps.setTimestamp(9, Timestamp.from(requested));
        ps.setTimestamp(10, timestamp(line.approved()));
        ps.setTimestamp(11, timestamp(line.disclosed()));
        ps.setTimestamp(12, timestamp(line.closed()));
        ps.addBatch();
        if (inBatch == BATCH || i == n - 1) {
          ps.executeBatch();
          long[] ids = new long[inBatch];
          readKeys(ps, ids);
          if (size.approvals()) {
            for (int k = 0; k < inBatch; k++) {
              if (batch[k].decision() != null) {
                approval.setLong(1, ids[k]);
                approval.setString(2, batch[k].approver());
                approval.setString(3, batch[k].decision());
                approval.setTimestamp(4, Timestamp.from(batch[k].decided()));
                approval.addBatch();
              }
            }
            approval.executeBatch();
          }
          c.commit();
          inBatch = 0;
        }
        if ((i + 1) % PROGRESS_EVERY == 0 || i == n - 1) {
          double seconds = (System.nanoTime() - started) / 1e9;
          System.out.printf("  disclosures: %,d / %,d (%,.0f rows/s)%n", i + 1, n, (i + 1) / seconds);
        }
      }
    }
  }

  private static void readKeys(PreparedStatement ps, long[] into) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      int k = 0;
      while (keys.next()) {
        into[k++] = keys.getLong(1);
      }
      if (k != into.length) {
        throw new IllegalStateException("Expected " + into.length + " generated keys, got " + k);
      }
    }
  }

  private static Long marker(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select next_value from code_sequence where name = ?")) {
      ps.setString(1, MARKER);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String weighted(String[] values, int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }
}
