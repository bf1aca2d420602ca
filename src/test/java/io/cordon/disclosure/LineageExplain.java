package io.cordon.disclosure;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cordon.bench.BenchmarkReport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * EXPLAIN of the statements both paths send (MariaDB/MySQL): Hibernate's SQL is captured from its own log while the
 * service answers once, the parameters are put in, and the plan is printed next to the hand-written statement's.
 */
final class LineageExplain {

  private final JdbcTemplate jdbc;
  private final DisclosureService service;
  private final LineageKeys keys;

  LineageExplain(JdbcTemplate jdbc, DisclosureService service, LineageKeys keys) {
    this.jdbc = jdbc;
    this.service = service;
    this.keys = keys;
  }

  void explain(BenchmarkReport report) {
    Set<DisclosureStatus> all = EnumSet.allOf(DisclosureStatus.class);
    String light = keys.secrets().get(0);
    report.line("EXPLAIN of the statements sent (parameters put in); `key` is the index used.");
    report.line("");
    report.table("path", "statement", "keys", "table", "type", "key", "rows", "extra");
    for (var c : List.of(Map.entry(keys.heaviestSecret(), all), Map.entry(light, all),
        Map.entry(keys.heaviestSecret(), DisclosureStatus.CURRENT))) {
      long id = keys.secretId(c.getKey());
      String label = c.getKey() + (c.getValue().size() == all.size() ? " all" : " current");
      List<String> hibernate = capture(() -> service.holders(c.getKey(), c.getValue(), PageRequest.of(0, 20, Sort.by(Sort.Direction.DESC, "id"))));
      for (String sql : hibernate) {
        if (sql.contains("disclosure")) {
          plan(report, "JPA", sql.contains("count(") ? "count" : "page", label, bind(sql, id, c.getValue()));
        }
      }
      plan(report, "JDBC", "page", label, bind(LineageSql.withStatuses(LineageSql.HOLDERS, c.getValue()), id, c.getValue()));
      plan(report, "JDBC", "count", label, bind(LineageSql.withStatuses(LineageSql.HOLDERS_COUNT, c.getValue()), id, c.getValue()));
    }
    long partnerId = jdbc.queryForObject("select id from partner where code = ?", Long.class, keys.heaviestPartner());
    String label = keys.heaviestPartner() + " all";
    for (String sql : capture(() -> service.holdings(keys.heaviestPartner(), all, PageRequest.of(0, 20, Sort.by(Sort.Direction.DESC, "id"))))) {
      if (sql.contains("disclosure")) {
        plan(report, "JPA", sql.contains("count(") ? "count" : "page", label, bind(sql, partnerId, all));
      }
    }
    plan(report, "JDBC", "page", label, bind(LineageSql.withStatuses(LineageSql.HOLDINGS, all), partnerId, all));
    plan(report, "JDBC", "count", label, bind(LineageSql.withStatuses(LineageSql.HOLDINGS_COUNT, all), partnerId, all));
    report.endTable();
  }

  private void plan(BenchmarkReport report, String path, String statement, String label, String sql) {
    jdbc.query("explain " + sql, rs -> {
      report.row(path, statement, label, rs.getString("table"), rs.getString("type"), rs.getString("key"),
          rs.getString("rows"), rs.getString("Extra"));
    });
  }

  /** Puts the id, then the statuses, then the page size for any placeholder left (the limit). */
  private static String bind(String sql, long id, Set<DisclosureStatus> statuses) {
    List<String> values = new ArrayList<>();
    values.add(Long.toString(id));
    statuses.forEach(s -> values.add("'" + s.name() + "'"));
    StringBuilder b = new StringBuilder();
    int next = 0;
    for (char ch : sql.toCharArray()) {
      if (ch == '?') {
        b.append(next < values.size() ? values.get(next++) : "20");
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  /** The SQL Hibernate sends while {@code action} runs, from its {@code org.hibernate.SQL} debug log. */
  private static List<String> capture(Runnable action) {
    Logger log = (Logger) LoggerFactory.getLogger("org.hibernate.SQL");
    Level level = log.getLevel();
    boolean additive = log.isAdditive();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    log.addAppender(appender);
    log.setAdditive(false);
    log.setLevel(Level.DEBUG);
    try {
      action.run();
    } finally {
      log.setLevel(level);
      log.setAdditive(additive);
      log.detachAppender(appender);
    }
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
