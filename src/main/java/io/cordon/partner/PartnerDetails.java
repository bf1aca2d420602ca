package io.cordon.partner;

import io.cordon.platform.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What procurement states about a partner (the registered address is needed for its NDA). Status, risk tier and re-certification date are set by the processes. */
public record PartnerDetails(
    @NotBlank @Size(max = 200) @PlainText String legalName,
    @Size(max = 200) @PlainText String nativeName,
    @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code such as DE or CN") String country,
    @Size(max = 64) @PlainText String registrationId,
    @Size(max = 500) @PlainText(multiline = true) String address,
    @NotNull PartnerType type,
    @Pattern(regexp = "P-[0-9]{4,}", message = "must be a partner code such as P-0001") String parentCode,
    @NotNull @Size(max = 10) List<@NotNull @Valid Contact> contacts) {

  public PartnerDetails {
    contacts = contacts == null ? List.of() : List.copyOf(contacts);
  }
}
