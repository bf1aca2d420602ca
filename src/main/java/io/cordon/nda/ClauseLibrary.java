package io.cordon.nda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The clause library: one reviewable YAML file per clause key in {@code templates/clauses/}, listing every released
 * version. {@code templates/clauses/RELEASED} pins the SHA-256 of each released version, so a released wording cannot
 * change under an NDA that used it: loading fails if it did, and the fix is a new version.
 */
@Component
public class ClauseLibrary {

  /** Placeholders a clause text may use; the generator supplies exactly these. */
  public static final Set<String> CLAUSE_FIELDS = Set.of("nda.termMonths", "nda.survivalYears");

  private final Map<String, List<Clause>> byKey;

  public ClauseLibrary() {
    this("classpath*:templates/clauses/");
  }

  ClauseLibrary(String location) {
    this.byKey = load(location);
  }

  public List<Clause> latest() {
    return byKey.values().stream().map(versions -> versions.get(versions.size() - 1))
        .sorted(Comparator.comparing(Clause::category).thenComparing(Clause::key)).toList();
  }

  public List<Clause> versions(String key) {
    return byKey.getOrDefault(key, List.of());
  }

  public Clause latest(String key) {
    List<Clause> versions = byKey.get(key);
    return versions == null ? null : versions.get(versions.size() - 1);
  }

  public Clause version(String key, int version) {
    return versions(key).stream().filter(c -> c.version() == version).findFirst().orElse(null);
  }

  /** The hash that pins a released version: over every word of it, in a fixed order. */
  public static String sha256(Clause c) {
    StringBuilder s = new StringBuilder().append(c.key()).append('\n').append(c.version()).append('\n')
        .append(c.category()).append('\n').append(c.jurisdictions()).append('\n')
        .append(new TreeMap<>(c.title())).append('\n').append(new TreeMap<>(c.text())).append('\n');
    c.fallbacks().forEach(f -> s.append(f.id()).append('\n').append(new TreeMap<>(f.title())).append('\n')
        .append(new TreeMap<>(f.text())).append('\n'));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, List<Clause>> load(String location) {
    try {
      var resolver = new PathMatchingResourcePatternResolver();
      Map<String, String> released = readReleased(resolver.getResources(location + "RELEASED"));
      Map<String, List<Clause>> clauses = new TreeMap<>();
      for (Resource file : resolver.getResources(location + "*.yaml")) {
        List<Clause> versions = parse(file);
        String expectedKey = file.getFilename().replace(".yaml", "");
        if (!versions.get(0).key().equals(expectedKey)) {
          throw new IllegalStateException("Clause file " + file.getFilename() + " must hold key '" + expectedKey + "'");
        }
        for (Clause c : versions) {
          String pinned = released.get(c.ref());
          if (pinned != null && !pinned.equals(sha256(c))) {
            throw new IllegalStateException("Released clause " + c.ref() + " was changed. Released wording is frozen: "
                + "restore it and add the change as version " + (versions.size() + 1) + " instead.");
          }
        }
        clauses.put(expectedKey, versions);
      }
      return clauses;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the clause library at " + location, e);
    }
  }

  static Map<String, String> readReleased(Resource[] files) throws IOException {
    Map<String, String> pins = new LinkedHashMap<>();
    for (Resource file : files) {
      try (InputStream in = file.getInputStream()) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          String[] parts = line.strip().split("\\s+");
          if (parts.length == 2 && !line.startsWith("#")) {
            pins.put(parts[0], parts[1]);
          }
        }
      }
    }
    return pins;
  }

  @SuppressWarnings("unchecked")
  private static List<Clause> parse(Resource file) throws IOException {
    Map<String, Object> doc;
    try (InputStream in = file.getInputStream()) {
      doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
    String where = "clause file " + file.getFilename();
    String key = (String) require(doc, "key", where);
    ClauseCategory category = ClauseCategory.valueOf((String) require(doc, "category", where));
    List<String> jurisdictions = (List<String>) require(doc, "jurisdictions", where);
    List<Clause> versions = new ArrayList<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) require(doc, "versions", where)) {
      int version = (Integer) require(v, "version", where);
      if (version != versions.size() + 1) {
        throw new IllegalStateException(where + ": versions must count up from 1 without gaps, found " + version);
      }
      List<Clause.Fallback> fallbacks = new ArrayList<>();
      for (Map<String, Object> f : (List<Map<String, Object>>) v.getOrDefault("fallbacks", List.of())) {
        fallbacks.add(new Clause.Fallback((String) require(f, "id", where), texts(f, "title", where), texts(f, "text", where)));
      }
      Clause clause = new Clause(key, version, category, jurisdictions, texts(v, "title", where), texts(v, "text", where), fallbacks);
      if (!clause.text().containsKey("en") || !clause.title().keySet().equals(clause.text().keySet())) {
        throw new IllegalStateException(where + " v" + version + ": needs an English text, and a title for each language of the text");
      }
      clause.placeholders().stream().filter(p -> !CLAUSE_FIELDS.contains(p)).findFirst().ifPresent(p -> {
        throw new IllegalStateException(where + " v" + version + " uses unknown field {{" + p + "}}; known: " + CLAUSE_FIELDS);
      });
      versions.add(clause);
    }
    if (versions.isEmpty()) {
      throw new IllegalStateException(where + " has no versions");
    }
    return List.copyOf(versions);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> texts(Map<String, Object> map, String field, String where) {
    Map<String, String> texts = new TreeMap<>();
    ((Map<String, Object>) require(map, field, where)).forEach((lang, text) -> texts.put(lang, String.valueOf(text).strip()));
    return texts;
  }

  private static Object require(Map<String, Object> map, String field, String where) {
    Object value = map.get(field);
    if (value == null) {
      throw new IllegalStateException(where + " is missing '" + field + "'");
    }
    return value;
  }
}
