package io.cordon.disclosure;

import java.time.Instant;

/** A row of "who holds secret X": one disclosure of the secret, to whom, under which NDA, in which state. */
public record HolderView(long disclosureId, String partnerCode, String partnerName, String partnerCountry,
    String ndaReference, Integer ndaVersion, DisclosureStatus status, Instant requestedAt, Instant disclosedAt,
    Instant closedAt) {
}
