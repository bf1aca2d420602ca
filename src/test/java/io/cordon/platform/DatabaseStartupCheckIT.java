package io.cordon.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.CordonApplication;
import io.cordon.TestProfiles;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Start-up refuses a database it cannot use, before Flyway or the engine touch it, and says what to fix. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartupCheckIT {

  @Test
  void failsClearlyWhenThePoolIsNotReadCommitted(CapturedOutput output) {
    // On the suite's database: H2, or the MariaDB/MySQL test database.
    String[] suiteProfiles = new TestProfiles().resolve(DatabaseStartupCheckIT.class);
    assertThatThrownBy(() -> start(suiteProfiles, "spring.datasource.hikari.transaction-isolation=TRANSACTION_REPEATABLE_READ"))
        .hasRootCauseInstanceOf(DatabaseMisconfiguredException.class)
        .rootCause().hasMessageContaining("REPEATABLE READ").hasMessageContaining("requires READ COMMITTED");
    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED");
  }

  @Test
  void failsClearlyWhenTheMysqlDatabaseIsUnreachable(CapturedOutput output) {
    assertThatThrownBy(() -> start(new String[] {"test", "mysql"}, "CORDON_DB_HOST=127.0.0.1", "CORDON_DB_PORT=1",
        "CORDON_DB_PASSWORD=do-not-print-me", "spring.datasource.hikari.connection-timeout=2000"))
        .hasRootCauseInstanceOf(java.net.ConnectException.class)
        .satisfies(e -> assertThat(findCheckFailure(e).getMessage())
            .contains("cannot connect to the database at jdbc:mysql://127.0.0.1:1/"));
    assertThat(output).contains("APPLICATION FAILED TO START").contains("CORDON_DB_HOST").doesNotContain("do-not-print-me");
  }

  private static DatabaseMisconfiguredException findCheckFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DatabaseMisconfiguredException d) {
        return d;
      }
    }
    throw new AssertionError("no DatabaseMisconfiguredException in " + e);
  }

  private static void start(String[] profiles, String... properties) {
    // As command-line arguments: builder properties are only defaults, below application.yml. An engine name of its
    // own and no web server: Camunda keeps engines and webapp delegates in JVM-wide registries, and the shared test
    // application must keep finding its own after this one has come and gone.
    String[] args = Stream.concat(Stream.of("spring.main.web-application-type=none",
        "camunda.bpm.generate-unique-process-engine-name=true"), Stream.of(properties)).map(p -> "--" + p).toArray(String[]::new);
    new SpringApplicationBuilder(CordonApplication.class).profiles(profiles).run(args).close();
  }
}
