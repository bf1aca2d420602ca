package io.cordon.offboarding;

/**
 * Published, synchronously and inside the transaction, when a whole-relationship offboarding completes: the partner
 * is {@code OFFBOARDED} and holds none of the secrets it held. Processes that run per partner stop on it.
 */
public record PartnerOffboarded(String partnerCode, String processInstanceId) {
}
