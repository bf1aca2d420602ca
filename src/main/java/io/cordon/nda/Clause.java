package io.cordon.nda;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One released version of a library clause. Titles and texts are keyed by language ({@code en}, {@code zh}); a text
 * holds paragraphs separated by blank lines and {@code {{field}}} placeholders. Fallbacks are alternative wordings
 * legal may choose instead of the standard text.
 */
public record Clause(String key, int version, ClauseCategory category, List<String> jurisdictions,
    Map<String, String> title, Map<String, String> text, List<Fallback> fallbacks) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9.]+)}}");

  public Clause {
    jurisdictions = List.copyOf(jurisdictions);
    title = Map.copyOf(title);
    text = Map.copyOf(text);
    fallbacks = List.copyOf(fallbacks);
  }

  public String ref() {
    return key + "@" + version;
  }

  public List<String> languages() {
    return text.keySet().stream().sorted().toList();
  }

  public Fallback fallback(String id) {
    return fallbacks.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
  }

  /** Every placeholder used in any wording of this version. */
  public List<String> placeholders() {
    return Stream.concat(text.values().stream(), fallbacks.stream().flatMap(f -> f.text().values().stream()))
        .flatMap(t -> PLACEHOLDER.matcher(t).results().map(m -> m.group(1))).distinct().sorted().toList();
  }

  /** Replaces placeholders in one pass: values are never scanned again, so a value that looks like a placeholder stays text. */
  static String fill(String text, Map<String, String> values, String clauseRef) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 32);
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("Clause " + clauseRef + " uses field '" + m.group(1) + "', which has no value");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }

  public record Fallback(String id, Map<String, String> title, Map<String, String> text) {
    public Fallback {
      title = Map.copyOf(title);
      text = Map.copyOf(text);
    }
  }
}
