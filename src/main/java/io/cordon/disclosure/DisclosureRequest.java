package io.cordon.disclosure;

import io.cordon.platform.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A request to disclose one secret to one partner, for a purpose, to named people, usually under a known NDA. */
public record DisclosureRequest(
    @NotNull @Pattern(regexp = "TS-[0-9]{4,}", message = "must be a secret code such as TS-0001") String secretCode,
    @NotNull @Pattern(regexp = "P-[0-9]{4,}", message = "must be a partner code such as P-0001") String partnerCode,
    @Size(max = 64) @PlainText String ndaReference,
    @Positive Integer ndaVersion,
    @NotBlank @Size(max = 2000) @PlainText(multiline = true) String purpose,
    @NotNull @Size(max = 20) List<@NotBlank @Size(max = 90) @PlainText String> permittedRecipients,
    @Size(max = 100) @PlainText String channel) {

  public DisclosureRequest {
    permittedRecipients = permittedRecipients == null ? List.of() : List.copyOf(permittedRecipients);
  }
}
