package io.cordon.partner;

/** Published in the transaction that changed a partner's status, after its evidence event. */
public record PartnerStatusChanged(String partnerCode, PartnerStatus from, PartnerStatus to) {
}
