package io.cordon.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** JSON string quoting as the canonical form (and so every event's hash) has it. */
class CanonicalJsonTest {

  private static String quoted(String value) {
    StringBuilder b = new StringBuilder();
    CanonicalJson.quote(b, value);
    return b.toString();
  }

  @Test
  void escapesQuotesBackslashesAndControlCharactersOnly() {
    assertThat(quoted("")).isEqualTo("\"\"");
    assertThat(quoted("plain TS-0001")).isEqualTo("\"plain TS-0001\"");
    assertThat(quoted("a\"b\\c\nd\re\tf\u0001g\u001f")).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001f\"");
    assertThat(quoted("\"机密\" 😀/")).isEqualTo("\"\\\"机密\\\" 😀/\"");
    assertThat(quoted("\\")).isEqualTo("\"\\\\\"");
  }

  @Test
  void quotesAsOneCharacterAtATimeWould() {
    Random random = new Random(42);
    String alphabet = "ab\"\\\n\r\t\u0000\u0007\u001f 机😀";
    for (int n = 0; n < 2_000; n++) {
      StringBuilder value = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(quoted(value.toString())).as(value.toString()).isEqualTo(reference(value.toString()));
    }
  }

  /** The escaping rules one character at a time (RFC 8259). */
  private static String reference(String value) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return b.append('"').toString();
  }
}
