package io.cordon.partner;

import java.time.Instant;
import java.util.List;

/**
 * A due-diligence review as recorded: the answers, the risk tier the table gave (null until assessed) and why (the
 * highest classification it was asked with, the descriptions of the rules that matched), who and when.
 */
public record DueDiligenceView(DueDiligenceAnswers answers, RiskTier riskTier, String highestClassification,
    List<String> riskRules, String reviewerId, Instant reviewedAt) {
}
