package io.cordon;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The integration suite runs on H2 by default and on MariaDB/MySQL when the build sets
 * {@code -Dcordon.test.database=mysql} (Maven profile {@code mysql-it}, used by .ci/run).
 */
public class TestProfiles implements ActiveProfilesResolver {

  public static boolean onMysql() {
    return "mysql".equals(System.getProperty("cordon.test.database"));
  }

  @Override
  public String[] resolve(Class<?> testClass) {
    // Later profiles win: mysql's datasource overrides the H2 one from test.
    return onMysql() ? new String[] {"test", "demo", "mysql"} : new String[] {"test", "demo"};
  }
}
