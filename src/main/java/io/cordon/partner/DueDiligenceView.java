package io.cordon.partner;

import java.time.Instant;

/** A due-diligence review as recorded: the answers, the risk tier the table gave (null until assessed), who and when. */
public record DueDiligenceView(DueDiligenceAnswers answers, RiskTier riskTier, String reviewerId, Instant reviewedAt) {
}
