package io.cordon.nda;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the NDA service takes and returns. */
public final class NdaRecords {

  private NdaRecords() {
  }

  /**
   * Generate a new NDA. {@code clauseKeys} overrides the DMN selection (a key may pin a version: {@code obligations@1});
   * {@code fallbacks} maps a clause key to the fallback wording legal chose.
   */
  public record Generate(@NotBlank @Size(max = 32) String partnerCode,
      @NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 32) String> secretCodes, @NotNull NdaKind kind,
      @NotBlank @Size(max = 20_000) String purpose, boolean individualsSign, LocalDate effectiveDate,
      @Min(1) @Max(120) Integer termMonths, @Min(0) @Max(50) Integer survivalYears,
      @Size(max = 100) List<@NotBlank String> clauseKeys, Map<String, String> fallbacks) {
  }

  /** Regenerate an NDA as a new version; null fields keep the previous version's choice. */
  public record Regenerate(@Size(min = 1, max = 20_000) String purpose, LocalDate effectiveDate,
      @Min(1) @Max(120) Integer termMonths, @Min(0) @Max(50) Integer survivalYears,
      @Size(max = 100) List<@NotBlank String> clauseKeys, Map<String, String> fallbacks) {
  }

  /** A clause as used in one NDA version: key, version, chosen fallback (or null) and the SHA-256 of that wording. */
  public record UsedClause(String key, int version, String fallback, String sha256) {
    public String ref() {
      return key + "@" + version + (fallback == null ? "" : "/" + fallback);
    }
  }

  /** The inputs of one version, kept to regenerate and to explain it. */
  record Inputs(NdaKind kind, String purpose, boolean individualsSign, LocalDate effectiveDate, int termMonths,
      int survivalYears, List<String> secretCodes, List<String> clauseKeys, Map<String, String> fallbacks) {
  }

  public record NdaVersionView(String reference, int version, String partnerCode, NdaKind kind, List<String> secretCodes,
      String templateKey, int templateVersion, String templateSha256, List<UsedClause> clauses, String documentSha256,
      Instant createdAt, String createdBy) {
  }

  public record NdaView(String reference, String partnerCode, NdaKind kind, int latestVersion, List<NdaVersionView> versions) {
  }

  public record ClauseChange(String key, String change, String from, String to) {
  }

  public record Comparison(String reference, int from, int to, String templateFrom, String templateTo,
      List<ClauseChange> clauses, List<String> secretsAdded, List<String> secretsRemoved, boolean sameDocument) {
  }
}
