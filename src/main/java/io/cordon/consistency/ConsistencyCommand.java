package io.cordon.consistency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The operator's entry: {@code java -jar cordon.jar --cordon.consistency.check} (with the production profile and
 * database settings) checks once, prints the report as JSON on standard output (or writes it to
 * {@code --cordon.consistency.report=<file>}, apart from the log) and exits with {@value #CONSISTENT}
 * when every invariant holds, {@value #VIOLATIONS} when one is broken (1 when Cordon could not start). No job
 * executor and no mail sweep run in this mode, the web server only on a loopback port
 * ({@link ConsistencyCommandEnvironment}); it only reads.
 */
@Component
@ConditionalOnProperty(name = "cordon.consistency.check", havingValue = "true")
class ConsistencyCommand implements ApplicationRunner, ExitCodeGenerator {

  static final int CONSISTENT = 0;
  static final int VIOLATIONS = 3;

  private final ConsistencyChecker checker;
  private final ConfigurableApplicationContext context;
  private final ObjectMapper json;
  private final String reportFile;
  private int exitCode = CONSISTENT;

  ConsistencyCommand(ConsistencyChecker checker, ConfigurableApplicationContext context, ObjectMapper json,
      @Value("${cordon.consistency.report:}") String reportFile) {
    this.checker = checker;
    this.context = context;
    this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    this.reportFile = reportFile;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    ConsistencyReport report = checker.check();
    String text = json.writeValueAsString(report);
    if (reportFile.isBlank()) {
      System.out.println(text);
    } else {
      Files.writeString(Path.of(reportFile), text);
    }
    report.lines().forEach(line -> System.err.println("VIOLATION " + line));
    exitCode = report.consistent() ? CONSISTENT : VIOLATIONS;
    if (!Boolean.getBoolean("cordon.consistency.no-exit")) {
      System.exit(SpringApplication.exit(context, this));
    }
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
