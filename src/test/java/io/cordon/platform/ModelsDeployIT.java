package io.cordon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.CordonIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CordonIntegrationTest
class ModelsDeployIT {

  @Autowired
  RepositoryService repositoryService;

  @Test
  void engineDeploysEveryModelAndFormInTheBpmnFolder() throws IOException {
    List<String> files;
    try (Stream<Path> walk = Files.walk(Path.of("bpmn"))) {
      files = walk.filter(Files::isRegularFile)
          .map(p -> Path.of("bpmn").relativize(p).toString().replace('\\', '/'))
          .filter(name -> name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form") || name.endsWith(".html"))
          .toList();
    }
    assertThat(files).contains("PartnerOnboardingProcess.bpmn", "forms/DueDiligence.html");

    List<String> deployed = repositoryService.createDeploymentQuery().list().stream()
        .map(Deployment::getId)
        .flatMap(id -> repositoryService.getDeploymentResourceNames(id).stream())
        .map(name -> name.replace('\\', '/'))
        .toList();
    for (String file : files) {
      assertThat(deployed).as("deployed resources").anyMatch(name -> name.endsWith("bpmn/" + file));
    }
    // Tasklist loads an embedded form by the exact resource name in its form key.
    String onboarding = Files.readString(Path.of("bpmn", "PartnerOnboardingProcess.bpmn"));
    java.util.regex.Matcher formKey = java.util.regex.Pattern.compile("formKey=\"embedded:deployment:([^\"]+)\"").matcher(onboarding);
    int embedded = 0;
    while (formKey.find()) {
      assertThat(deployed).as("deployed resources").contains(formKey.group(1));
      embedded++;
    }
    assertThat(embedded).isPositive();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("PartnerOnboardingProcess")
        .latestVersion().singleResult().getHistoryTimeToLive()).isPositive();
  }
}
