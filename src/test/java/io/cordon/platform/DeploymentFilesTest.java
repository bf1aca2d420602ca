package io.cordon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The documented Docker deployment, checked as far as a machine without a Docker engine allows: the compose file
 * parses and passes every setting Cordon cannot start or generate documents without, the image has what PDFs and the
 * health check need, and the build context leaves out what must not go into an image.
 */
class DeploymentFilesTest {

  private static final Pattern NO_DEFAULT = Pattern.compile("\\$\\{(CORDON_[A-Z_]+):}");

  @Test
  @SuppressWarnings("unchecked")
  void composePassesEveryRequiredSettingAndBringsAMailCatcher() throws IOException {
    Map<String, Object> compose = yaml(Path.of("docker-compose.yml"));
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    assertThat(services).containsKeys("mysql", "cordon", "mailpit");
    Map<String, Object> cordon = (Map<String, Object>) services.get("cordon");
    Map<String, String> env = (Map<String, String>) cordon.get("environment");

    // environment: lists variables explicitly, so an .env value reaches Cordon only if it is listed here.
    for (String variable : List.of("CORDON_COMPANY_LEGAL_NAME", "CORDON_COMPANY_REGISTRATION_ID", "CORDON_COMPANY_ADDRESS",
        "CORDON_COMPANY_COUNTRY")) {
      assertThat(env.get(variable)).as(variable + " is required: compose must stop with a message when it is unset")
          .startsWith("${" + variable + ":?set " + variable);
    }
    assertThat(env).containsKey("CORDON_COMPANY_NATIVE_NAME");

    // Every setting application.yml reads with an empty default is one an operator may need to pass.
    Set<String> withoutDefault = new TreeSet<>();
    Matcher m = NO_DEFAULT.matcher(Files.readString(Path.of("src/main/resources/application.yml")));
    while (m.find()) {
      withoutDefault.add(m.group(1));
    }
    withoutDefault.removeAll(Set.of("CORDON_SOFFICE", "CORDON_DB_URL"));
    assertThat(withoutDefault).isNotEmpty();
    assertThat(env.keySet()).containsAll(withoutDefault);

    // Mail goes to the compose mail catcher unless the operator sets an SMTP server.
    assertThat(env.get("CORDON_SMTP_HOST")).isEqualTo("${CORDON_SMTP_HOST:-mailpit}");
    assertThat(env.get("CORDON_SMTP_PORT")).isEqualTo("${CORDON_SMTP_PORT:-1025}");
    Map<String, Object> mailpit = (Map<String, Object>) services.get("mailpit");
    assertThat((String) mailpit.get("image")).startsWith("axllent/mailpit:");
    assertThat((List<String>) mailpit.get("ports")).contains("8025:8025");
    assertThat(((Map<String, Object>) cordon.get("depends_on"))).containsKeys("mysql", "mailpit");
    assertThat(env.get("SPRING_PROFILES_ACTIVE")).isEqualTo("mysql");

    // Scale out: a second node, on demand (profile), with the first node's settings, started once the first is healthy.
    Map<String, Object> second = (Map<String, Object>) services.get("cordon-2");
    assertThat(second).as("second application service").isNotNull();
    assertThat((List<String>) second.get("profiles")).containsExactly("scale-out");
    assertThat(second.get("image")).isEqualTo(cordon.get("image")).isNotNull();
    assertThat(second.get("environment")).isEqualTo(env);
    assertThat(((Map<String, Map<String, String>>) second.get("depends_on")).get("cordon"))
        .containsEntry("condition", "service_healthy");
    assertThat((List<String>) second.get("ports")).doesNotContainAnyElementsOf((List<String>) cordon.get("ports"));
  }

  @Test
  void runtimeImageRendersPdfsWithChineseGlyphsAndHasAHealthCheck() throws IOException {
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
    assertThat(runtime).startsWith("\nFROM eclipse-temurin:17-jre")
        .contains("libreoffice-writer-nogui").contains("fonts-noto-cjk").contains("--no-install-recommends")
        .contains("rm -rf /var/lib/apt/lists/*")
        .contains("ENV CORDON_SOFFICE=/usr/bin/soffice")
        .containsPattern("HEALTHCHECK [^\\n]*\\\\\\n\\s+CMD curl -fsS http://localhost:8080/actuator/health")
        .contains("USER cordon");
    assertThat(dockerfile.substring(0, dockerfile.lastIndexOf("\nFROM ")))
        .contains("-DskipTests").contains("package");
  }

  @Test
  void buildContextLeavesOutBuildOutputLocalDataAndSecrets() throws IOException {
    List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertThat(ignored).contains(".git", "target", "data", "node_modules", ".env");
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    for (String copied : List.of(".mvn", "src", "bpmn", "templates")) {
      assertThat(ignored).as(copied + " is copied into the image").doesNotContain(copied);
      assertThat(dockerfile).contains("COPY " + copied + " ");
    }
  }

  @Test
  void theUsualSkipTestsFlagIsNotOverriddenByTheBuild() throws IOException {
    // Surefire's skipTests set in the pom would win over -DskipTests; the profiles use skip (maven.test.skip) instead.
    String pom = Files.readString(Path.of("pom.xml"));
    assertThat(pom).doesNotContain("<skipTests>").contains("<skip>${skipUnitTests}</skip>");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
  }
}
