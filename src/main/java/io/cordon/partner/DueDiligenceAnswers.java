package io.cordon.partner;

import io.cordon.platform.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The due-diligence questionnaire as procurement completed it. */
public record DueDiligenceAnswers(
    @Size(max = 500) @PlainText String securityCertifications,
    boolean accessControlInPlace,
    boolean usesSubcontractors,
    boolean incidentsLastFiveYears,
    @Size(max = 200) @PlainText String dataLocation,
    @NotNull @Pattern(regexp = "LOW|MEDIUM|HIGH", message = "must be LOW, MEDIUM or HIGH") String staffTurnover,
    @Size(max = 200) @PlainText String privacyRegime,
    @NotBlank @Size(max = 4000) @PlainText(multiline = true) String findings) {

  public boolean securityCertified() {
    return securityCertifications != null && !securityCertifications.isBlank();
  }
}
