package io.cordon.recertification;

import java.time.Instant;

/** One re-certification period of a partner, as stored. Times are UTC. */
public record Period(long id, String partnerCode, int periodNo, String processInstanceId, String riskTier,
    String highestClassification, int intervalMonths, Instant requestAt, Instant dueAt, Instant graceUntil,
    RecertificationStatus status, Instant requestedAt, Instant attestedAt, String attestedBy, boolean late,
    Instant lapsedAt, String flags, Instant reviewedAt, String reviewedBy, String reviewDecision, String reviewComment,
    Instant closedAt) {
}
