package io.cordon.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerView(String code, String legalName, String nativeName, String country, String registrationId,
    String address, PartnerType type, String parentCode, List<Contact> contacts, PartnerStatus status, RiskTier riskTier,
    LocalDate nextRecertification, long version, Instant createdAt, Instant updatedAt) {

  static PartnerView of(Partner p) {
    PartnerDetails d = p.details();
    return new PartnerView(p.getCode(), d.legalName(), d.nativeName(), d.country(), d.registrationId(), d.address(), d.type(),
        d.parentCode(), d.contacts(), p.getStatus(), p.getRiskTier(), p.getNextRecertification(), p.getVersion(),
        p.getCreatedAt(), p.getUpdatedAt());
  }
}
