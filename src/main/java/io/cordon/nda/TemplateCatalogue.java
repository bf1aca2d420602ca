package io.cordon.nda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The templates Cordon ships ({@code templates/catalogue.yaml}) and the bytes of their shipped version. */
@Component
public class TemplateCatalogue {

  private final List<TemplateInfo> templates;

  public TemplateCatalogue() {
    this.templates = load();
  }

  public List<TemplateInfo> all() {
    return templates;
  }

  public TemplateInfo get(String key) {
    return templates.stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
  }

  /** The version of the template shipped on the classpath. */
  byte[] shipped(TemplateInfo template) {
    try (InputStream in = new ClassPathResource("templates/" + template.file()).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Template file templates/" + template.file() + " is missing", e);
    }
  }

  /** A template: what it produces, in which languages, and hence which fields it must have. */
  public record TemplateInfo(String key, String file, DocumentType document, List<String> languages, String title) {
    public TemplateInfo {
      languages = List.copyOf(languages);
    }

    public java.util.Set<String> fields() {
      return document.fields(languages);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<TemplateInfo> load() {
    Map<String, Object> doc;
    try (InputStream in = new ClassPathResource("templates/catalogue.yaml").getInputStream()) {
      doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("templates/catalogue.yaml is missing", e);
    }
    List<TemplateInfo> list = new ArrayList<>();
    for (Map<String, Object> t : (List<Map<String, Object>>) doc.get("templates")) {
      list.add(new TemplateInfo((String) t.get("key"), (String) t.get("file"), DocumentType.valueOf((String) t.get("document")),
          (List<String>) t.get("languages"), (String) t.get("title")));
    }
    return List.copyOf(list);
  }
}
