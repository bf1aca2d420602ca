package io.cordon.recertification;

import java.util.List;

/**
 * The partner's answer for one disclosure, as procurement enters it in the attestation form: who holds the secret
 * now (named persons), whether it is still needed, any incident, any onward disclosure to a sub-tier.
 */
public record AttestationAnswer(Long disclosureId, List<String> holders, Boolean stillNeeded, String incident,
    String onwardDisclosure) {
}
