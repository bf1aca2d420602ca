package io.cordon.onboarding;

import java.time.LocalDate;
import java.util.List;

/**
 * Published when a partner becomes active: the hook for re-certification, which starts its periodic process from
 * here. {@code disclosed} lists the secrets the partner now holds.
 */
public record PartnerOnboarded(String partnerCode, String riskTier, String ndaReference, LocalDate nextRecertification,
    List<String> disclosed) {
}
