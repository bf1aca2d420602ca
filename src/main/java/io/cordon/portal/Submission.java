package io.cordon.portal;

import java.time.Instant;

/** A stored submission: the canonical JSON as hashed, its SHA-256 and the evidence event that records it. */
public record Submission(long linkId, Respondent respondent, String content, String sha256, long evidenceSeq,
    Instant submittedAt) {
}
