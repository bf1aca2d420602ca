package io.cordon.secret;

import io.cordon.platform.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/**
 * What a person states about a secret: its metadata. The summary must not reveal the secret (it is read by
 * procurement and legal, and printed in evidence packs). List sizes are bounded so a row always fits its columns.
 */
public record SecretDetails(
    @NotBlank @Size(max = 200) @PlainText String title,
    @Size(max = 2000) @PlainText(multiline = true) String summary,
    @NotNull SecretCategory category,
    @NotNull Classification classification,
    @NotBlank @Size(max = 64) @PlainText String ownerId,
    @NotNull @Size(max = 20) List<@NotBlank @Size(max = 90) @PlainText String> systems,
    @NotNull @Size(max = 20) List<@NotBlank @Size(max = 90) @PlainText String> sites,
    @NotNull @Size(max = 100) List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code such as DE or CN") String> countries,
    @NotNull Set<@NotNull ProtectionMeasure> measures) {

  public SecretDetails {
    systems = systems == null ? List.of() : List.copyOf(systems);
    sites = sites == null ? List.of() : List.copyOf(sites);
    countries = countries == null ? List.of() : List.copyOf(countries);
    measures = measures == null ? Set.of() : Set.copyOf(measures);
  }
}
