package io.cordon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model in bpmn/ is schema-valid, executable, named after its process, and drawn (so Modeler opens it). */
class ModelFilesTest {

  static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void modelIsValidAndEveryFlowNodeIsDrawn(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File(file.toString()));
    Bpmn.validateModel(model);
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    List<String> drawn = model.getModelElementsByType(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId()).toList();
    assertThat(model.getModelElementsByType(FlowNode.class)).allSatisfy(node -> assertThat(drawn).contains(node.getId()));
  }
}
