package io.cordon.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cordon's Tasklist locale files replace Camunda's (same path, earlier on the class path) to say "Not completed"
 * before the sentence of a refused form, instead of "An error happened while submitting the task form". They are
 * copies of Camunda's: every key Camunda's file has must be there, or Tasklist would show raw keys after an upgrade.
 */
class TasklistLocalesTest {

  private static final String PATH = "META-INF/resources/webjars/camunda/app/tasklist/locales/";
  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"en", "de"})
  void cordonsLocaleHasEveryKeyOfCamundasAndItsOwnCompleteError(String language) throws IOException {
    List<URL> files = Collections.list(getClass().getClassLoader().getResources(PATH + language + ".json"));
    URL cordon = files.stream().filter(u -> !u.toString().contains("camunda-webapp")).findFirst().orElseThrow();
    URL camunda = files.stream().filter(u -> u.toString().contains("camunda-webapp")).findFirst().orElseThrow();
    assertThat(files.get(0)).as("Cordon's file comes first, so Tasklist gets it").isEqualTo(cordon);

    JsonNode ours = read(cordon);
    JsonNode theirs = read(camunda);
    assertThat(keys(ours)).containsAll(keys(theirs));
    String completeError = ours.path("labels").path("COMPLETE_ERROR").asText();
    assertThat(completeError).isEqualTo(language.equals("en") ? "Not completed" : "Nicht abgeschlossen");
  }

  private JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      byte[] bytes = in.readAllBytes();
      String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
      return json.readTree(text);
    }
  }

  private static Set<String> keys(JsonNode node) {
    Set<String> keys = new TreeSet<>();
    collect(node, "", keys);
    return keys;
  }

  private static void collect(JsonNode node, String prefix, Set<String> keys) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode child = node.get(name);
      if (child.isObject()) {
        collect(child, prefix + name + ".", keys);
      } else {
        keys.add(prefix + name);
      }
    }
  }
}
