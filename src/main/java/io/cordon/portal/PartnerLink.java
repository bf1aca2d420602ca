package io.cordon.portal;

import java.time.Instant;

/**
 * One request of one partner contact, as the link that answers it. The token is not here: only its hash is stored.
 *
 * @param kind      the request type ({@link PartnerRequestType#kind()})
 * @param requestId the request's record in its module (a re-certification period)
 */
public record PartnerLink(long id, String kind, long requestId, String partnerCode, String contactName,
    String contactEmail, String contactRole, String processInstanceId, Instant createdAt, Instant expiresAt,
    Instant issuedAt, Instant usedAt, Instant revokedAt, String revokedReason) {

  /** What a link can do now. */
  public enum State {
    /** Not sent yet: no token exists. */
    PENDING,
    OPEN,
    USED,
    EXPIRED,
    REVOKED
  }

  public State state(Instant now) {
    if (usedAt != null) {
      return State.USED;
    }
    if (revokedAt != null) {
      return State.REVOKED;
    }
    if (issuedAt == null) {
      return State.PENDING;
    }
    return now.isBefore(expiresAt) ? State.OPEN : State.EXPIRED;
  }
}
