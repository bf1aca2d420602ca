package io.cordon.recertification;

import java.util.List;

/**
 * A stored answer for one disclosure in one period, with what Cordon flagged in it: {@code HOLDER_NOT_PERMITTED}
 * (a holder not among the disclosure's permitted recipients), {@code ONWARD_DISCLOSURE}, {@code INCIDENT}.
 */
public record AttestationLine(long disclosureId, String secretCode, List<String> holders, boolean stillNeeded,
    String incident, String onwardDisclosure, List<String> flags) {
}
