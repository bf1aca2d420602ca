package io.cordon.offboarding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One offboarding as the history shows it: what it closed (items with their outcome), the certificates generated
 * (one per NDA, with hash and survival), the signed certificate, and until when the confidentiality obligations
 * survive ({@code survivesUntil} null, and {@code survival} saying why, when no NDA states a usable figure).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OffboardingView(long id, String processInstanceId, String partnerCode, boolean wholeRelationship,
    String reason, OffboardingStatus status, Instant startedAt, String startedBy, List<Item> items,
    List<Certificate> certificates, SignedCertificate signedCertificate, LocalDate survivesUntil, String survival,
    Instant endedAt) {

  /** A disclosure the offboarding closes; {@code outcome} RETURNED or DESTROYED once the signed certificate says so. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Item(long disclosureId, String secretCode, String ndaReference, String outcome) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Certificate(String ndaReference, String sha256, String template, LocalDate certificateDate,
      LocalDate survivesUntil, String survival) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SignedCertificate(String sha256, String fileName, LocalDate signatureDate, String signatory,
      String recordedBy) {
  }
}
