package io.cordon.disclosure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisclosureView(long id, String secretCode, String partnerCode, String ndaReference, Integer ndaVersion,
    String purpose, List<String> permittedRecipients, String channel, DisclosureStatus status,
    List<ApprovalView> approvals, Instant requestedAt, Instant approvedAt, Instant disclosedAt, Instant closedAt,
    long version) {

  public record ApprovalView(String approverId, String role, Approval.Decision decision, Instant decidedAt, String comment) {
  }

  static DisclosureView of(Disclosure d) {
    return new DisclosureView(d.getId(), d.getSecret().getCode(), d.getPartner().getCode(), d.getNdaReference(),
        d.getNdaVersion(), d.getPurpose(), d.getPermittedRecipients(), d.getChannel(), d.getStatus(),
        d.getApprovals().stream().map(a -> new ApprovalView(a.getApproverId(), a.getApproverRole(), a.getDecision(),
            a.getDecidedAt(), a.getComment())).toList(),
        d.getRequestedAt(), d.getApprovedAt(), d.getDisclosedAt(), d.getClosedAt(), d.getVersion());
  }
}
