package io.cordon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.CordonIntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@CordonIntegrationTest
class VariableSerializationIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RuntimeService runtimeService;

  @Test
  void javaSerializedVariablesSentOverRestAreRefused() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("PartnerOnboardingProcess").count();
    // A serialized java.lang.String ("x"): harmless, but any Java-serialized payload must be refused.
    Map<String, Object> variable = Map.of("value", "rO0ABXQAAXg=", "type", "Object", "valueInfo", Map.of(
        "objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object"));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = rest.withBasicAuth("paula", "paula").postForEntity(
        "/engine-rest/process-definition/key/PartnerOnboardingProcess/start",
        new HttpEntity<>(Map.of("variables", Map.of("purpose", variable)), headers), String.class);

    // Refused by the form gate before the engine's own check (a form field takes plain values only), as a 400.
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody()).contains("Java serialization").contains("refused");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("PartnerOnboardingProcess").count())
        .as("no instance started").isEqualTo(before);
  }
}
