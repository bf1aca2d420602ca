package io.cordon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Chinese bundle is a complete translation of the English one: every key, the same placeholders, Chinese text. */
class MessageBundlesTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  /** Kept as they are in every language: the product's name. */
  private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("app.name");

  @Test
  void everyEnglishKeyHasAChineseTextWithTheSamePlaceholders() throws IOException {
    Properties english = load("/messages.properties");
    Properties chinese = load("/messages_zh.properties");
    assertThat(english).hasSizeGreaterThan(200);
    assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      String zh = chinese.getProperty(key);
      assertThat(zh).as(key).isNotBlank();
      assertThat(placeholders(zh)).as(key).isEqualTo(placeholders(english.getProperty(key)));
      if (!SAME_IN_EVERY_LANGUAGE.contains(key)) {
        assertThat(HAN.matcher(zh).find()).as("%s is Chinese: %s", key, zh).isTrue();
      }
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
