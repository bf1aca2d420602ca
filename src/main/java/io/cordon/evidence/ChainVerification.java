package io.cordon.evidence;

import java.time.Instant;

/**
 * The result of walking the chain. {@code intact} is true only if every event from 1 to the head's sequence number
 * is present, in order, unchanged and linked to its predecessor. Otherwise {@code firstBrokenSeq} and
 * {@code problem} name the first broken link.
 */
public record ChainVerification(boolean intact, long eventsChecked, long headSeq, String headHash, Long firstBrokenSeq,
    String problem, Instant verifiedAt, long millis) {
}
