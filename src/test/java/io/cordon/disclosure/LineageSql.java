package io.cordon.disclosure;

import io.cordon.secret.Classification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

/**
 * The lineage queries written by hand, through plain JDBC on one pooled connection (auto-commit): the same three
 * statements Cordon's path runs (code to id, first page, count when the page is full), the same indexes, the same
 * result records. The baseline for {@link LineageQueryBenchmark}.
 */
final class LineageSql {

  static final int PAGE = 20;
  static final String HOLDERS = "select d.id, p.code, p.legal_name, p.country, d.nda_reference, d.nda_version, d.status, "
      + "d.requested_at, d.disclosed_at, d.closed_at from disclosure d join partner p on p.id = d.partner_id "
      + "where d.secret_id = ? and d.status in (%s) order by d.id desc limit " + PAGE;
  static final String HOLDERS_COUNT = "select count(*) from disclosure d where d.secret_id = ? and d.status in (%s)";
  static final String HOLDINGS = "select d.id, s.code, s.title, s.classification, s.owner_id, d.nda_reference, "
      + "d.nda_version, d.status, d.requested_at, d.disclosed_at, d.closed_at from disclosure d "
      + "join trade_secret s on s.id = d.secret_id where d.partner_id = ? and d.status in (%s) order by d.id desc limit " + PAGE;
  static final String HOLDINGS_COUNT = "select count(*) from disclosure d where d.partner_id = ? and d.status in (%s)";

  private final DataSource dataSource;

  LineageSql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Page<HolderView> holders(String secretCode, Set<DisclosureStatus> statuses) {
    try (Connection c = dataSource.getConnection()) {
      return holders(c, id(c, "select id from trade_secret where code = ?", secretCode), statuses);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  Page<HolderView> holdersById(long secretId, Set<DisclosureStatus> statuses) {
    try (Connection c = dataSource.getConnection()) {
      return holders(c, secretId, statuses);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  Page<HoldingView> holdings(String partnerCode, Set<DisclosureStatus> statuses) {
    try (Connection c = dataSource.getConnection()) {
      long partnerId = id(c, "select id from partner where code = ?", partnerCode);
      List<HoldingView> rows = new ArrayList<>(PAGE);
      try (PreparedStatement ps = prepare(c, HOLDINGS, partnerId, statuses); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new HoldingView(rs.getLong(1), rs.getString(2), rs.getString(3), Classification.valueOf(rs.getString(4)),
              rs.getString(5), rs.getString(6), (Integer) rs.getObject(7, Integer.class),
              DisclosureStatus.valueOf(rs.getString(8)), instant(rs, 9), instant(rs, 10), instant(rs, 11)));
        }
      }
      return page(rows, rows.size() < PAGE ? rows.size() : count(c, HOLDINGS_COUNT, partnerId, statuses));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The whole row, as the service's lookup loads it. */
  Object secretRow(String code) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select * from trade_secret where code = ?")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        Object[] row = new Object[rs.getMetaData().getColumnCount()];
        rs.next();
        for (int i = 0; i < row.length; i++) {
          row[i] = rs.getObject(i + 1);
        }
        return row;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Page<HolderView> holders(Connection c, long secretId, Set<DisclosureStatus> statuses) throws SQLException {
    List<HolderView> rows = new ArrayList<>(PAGE);
    try (PreparedStatement ps = prepare(c, HOLDERS, secretId, statuses); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(new HolderView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            (Integer) rs.getObject(6, Integer.class), DisclosureStatus.valueOf(rs.getString(7)), instant(rs, 8),
            instant(rs, 9), instant(rs, 10)));
      }
    }
    return page(rows, rows.size() < PAGE ? rows.size() : count(c, HOLDERS_COUNT, secretId, statuses));
  }

  /** The statement with one placeholder per status, as JPA expands {@code in :statuses}. */
  static String withStatuses(String sql, Set<DisclosureStatus> statuses) {
    return String.format(sql, String.join(", ", Collections.nCopies(statuses.size(), "?")));
  }

  private static PreparedStatement prepare(Connection c, String sql, long id, Set<DisclosureStatus> statuses)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(withStatuses(sql, statuses));
    ps.setLong(1, id);
    int i = 2;
    for (DisclosureStatus status : statuses) {
      ps.setString(i++, status.name());
    }
    return ps;
  }

  private static long count(Connection c, String sql, long id, Set<DisclosureStatus> statuses) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, id, statuses); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long id(Connection c, String sql, String code) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("unknown code " + code);
        }
        return rs.getLong(1);
      }
    }
  }

  private static <T> Page<T> page(List<T> rows, long total) {
    return new PageImpl<>(rows, PageRequest.of(0, PAGE), total);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
