package io.cordon.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Checks the database as soon as the pool exists, before Flyway or the engine touch it: the database must be
 * reachable and connections must be READ COMMITTED (what Camunda's job executor and Cordon's evidence chain assume).
 * Either failure stops start-up with a message that says what to change.
 */
@Component
class DatabaseStartupCheck implements BeanPostProcessor {

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource) {
      verify(dataSource);
    }
    return bean;
  }

  static void verify(DataSource dataSource) {
    String where = describe(dataSource);
    try (Connection connection = dataSource.getConnection()) {
      int isolation = connection.getTransactionIsolation();
      if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
        throw new DatabaseMisconfiguredException(
            "The connections to " + where + " use isolation level " + isolationName(isolation)
                + ", but Cordon requires READ COMMITTED.",
            "Set spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED "
                + "(the mysql profile does) or change the server's default (transaction_isolation = READ-COMMITTED).",
            null);
      }
    } catch (SQLException e) {
      throw new DatabaseMisconfiguredException(
          "Cordon cannot connect to the database at " + where + ": " + rootMessage(e),
          "Check that the database server is running and reachable, and that CORDON_DB_HOST, CORDON_DB_PORT, "
              + "CORDON_DB_NAME, CORDON_DB_USER and CORDON_DB_PASSWORD (or CORDON_DB_URL) are right.",
          e);
    }
  }

  private static String describe(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
      String url = hikari.getJdbcUrl();
      int query = url.indexOf('?');
      // Parameters may carry credentials: never print them.
      return (query < 0 ? url : url.substring(0, query)) + " as user '" + hikari.getUsername() + "'";
    }
    return "the configured data source";
  }

  private static String isolationName(int level) {
    return switch (level) {
      case Connection.TRANSACTION_NONE -> "NONE";
      case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
      case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
      case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
      default -> "level " + level;
    };
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
