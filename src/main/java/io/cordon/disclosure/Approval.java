package io.cordon.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One person's decision on a disclosure, in the role they decided in. */
@Embeddable
public class Approval {

  public enum Decision { APPROVED, DECLINED }

  @Column(name = "approver_id")
  private String approverId;
  @Column(name = "approver_role")
  private String approverRole;
  @Enumerated(EnumType.STRING)
  private Decision decision;
  @Column(name = "decided_at")
  private Instant decidedAt;
  private String comment;

  protected Approval() {
  }

  Approval(String approverId, String approverRole, Decision decision, Instant decidedAt, String comment) {
    this.approverId = approverId;
    this.approverRole = approverRole;
    this.decision = decision;
    this.decidedAt = decidedAt;
    this.comment = comment;
  }

  public String getApproverId() {
    return approverId;
  }

  public String getApproverRole() {
    return approverRole;
  }

  public Decision getDecision() {
    return decision;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getComment() {
    return comment;
  }
}
