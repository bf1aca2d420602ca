package io.cordon.disclosure;

import java.time.Instant;

/** One approval with the id of its disclosure: the approvals of many disclosures read in one query. */
record ApprovalRow(long disclosureId, String approverId, String role, Approval.Decision decision, Instant decidedAt,
    String comment) {
}
