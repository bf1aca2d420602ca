package io.cordon.partner;

/** What other modules need to know of a partner. */
public record PartnerRef(long id, String code, String legalName, String country, PartnerType type, PartnerStatus status,
    RiskTier riskTier) {

  static PartnerRef of(Partner p) {
    return new PartnerRef(p.getId(), p.getCode(), p.getLegalName(), p.getCountry(), p.getType(), p.getStatus(), p.getRiskTier());
  }
}
