package io.cordon.partner;

/** Optional filters for listing partners; {@code q} matches code, legal name or native-script name. */
public record PartnerFilter(PartnerStatus status, PartnerType type, String country, RiskTier riskTier, String q) {
}
