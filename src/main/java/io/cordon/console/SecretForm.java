package io.cordon.console;

import io.cordon.secret.Classification;
import io.cordon.secret.ProtectionMeasure;
import io.cordon.secret.SecretCategory;
import io.cordon.secret.SecretDetails;
import io.cordon.secret.SecretView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The register/edit form of a secret as typed: lists one entry per line (or comma-separated). Turned into the
 * API's {@link SecretDetails}, which the service validates; an unknown choice becomes null and is refused there.
 */
public class SecretForm {

  private String title = "";
  private String summary = "";
  private String category;
  private String classification;
  private String ownerId;
  private String systems = "";
  private String sites = "";
  private String countries = "";
  private List<String> measures = new ArrayList<>();
  private Long version;

  static SecretForm of(SecretView v) {
    SecretForm f = new SecretForm();
    f.title = v.title();
    f.summary = v.summary() == null ? "" : v.summary();
    f.category = v.category() == null ? null : v.category().name();
    f.classification = v.classification().name();
    f.ownerId = v.ownerId();
    f.systems = String.join("\n", v.systems());
    f.sites = String.join("\n", v.sites());
    f.countries = String.join(", ", v.countries());
    f.measures = v.measures().stream().map(Enum::name).sorted().toList();
    f.version = v.version();
    return f;
  }

  SecretDetails toDetails() {
    Set<ProtectionMeasure> chosen = EnumSet.noneOf(ProtectionMeasure.class);
    for (String m : measures == null ? List.<String>of() : measures) {
      ProtectionMeasure measure = choice(ProtectionMeasure.class, m);
      if (measure != null) {
        chosen.add(measure);
      }
    }
    return new SecretDetails(title == null ? "" : title.strip(), summary == null || summary.isBlank() ? null : summary.strip(),
        choice(SecretCategory.class, category), choice(Classification.class, classification),
        ownerId == null ? "" : ownerId.strip(), lines(systems), lines(sites),
        codes(countries), chosen);
  }

  /** One entry per line. */
  static List<String> lines(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Country codes separated by commas or spaces, upper-cased. */
  static List<String> codes(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("[\\s,;]+")).map(String::strip).filter(s -> !s.isEmpty())
        .map(String::toUpperCase).toList();
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public String getSummary() { return summary; }
  public void setSummary(String summary) { this.summary = summary; }
  public String getCategory() { return category; }
  public void setCategory(String category) { this.category = category; }
  public String getClassification() { return classification; }
  public void setClassification(String classification) { this.classification = classification; }
  public String getOwnerId() { return ownerId; }
  public void setOwnerId(String ownerId) { this.ownerId = ownerId; }
  public String getSystems() { return systems; }
  public void setSystems(String systems) { this.systems = systems; }
  public String getSites() { return sites; }
  public void setSites(String sites) { this.sites = sites; }
  public String getCountries() { return countries; }
  public void setCountries(String countries) { this.countries = countries; }
  public List<String> getMeasures() { return measures; }
  public void setMeasures(List<String> measures) { this.measures = measures; }
  public Long getVersion() { return version; }
  public void setVersion(Long version) { this.version = version; }
}
