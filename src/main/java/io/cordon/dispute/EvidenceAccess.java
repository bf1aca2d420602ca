package io.cordon.dispute;

import io.cordon.identity.CordonGroups;
import io.cordon.identity.CordonUser;
import io.cordon.identity.CurrentUser;
import io.cordon.secret.SecretService;
import io.cordon.secret.SecretView;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may have a secret's evidence (its pack, its scorecard): its owner, {@code legal}, {@code security} and
 * {@code admins}; for a crown jewel only its owner, {@code security} and {@code admins}, as for its details.
 */
@Component
public class EvidenceAccess {

  private final SecretService secrets;
  private final CurrentUser currentUser;

  EvidenceAccess(SecretService secrets, CurrentUser currentUser) {
    this.secrets = secrets;
    this.currentUser = currentUser;
  }

  /** The secret as the caller may see it; refused unless the caller may have its evidence. */
  SecretView checkSecret(String code) {
    SecretView secret = secrets.get(code);
    // Redacted: a crown jewel and the caller is not its owner, security or admins (legal included).
    if (secret.redacted()) {
      throw new AccessDeniedException("The evidence of crown jewel " + code + " is for its owner, security and admins only.");
    }
    if (!mayHave(secret)) {
      throw new AccessDeniedException("The evidence of " + code + " is for its owner, legal, security and admins only.");
    }
    return secret;
  }

  /**
   * Whether the caller may have the evidence (pack, scorecard) of this secret, as read for the caller. A process step
   * running as a job (the leak response preserving evidence) acts on Cordon's own authority and may.
   */
  public boolean mayHave(SecretView secret) {
    CordonUser user = currentUser.get();
    return !secret.redacted() && (CurrentUser.isSystem(user) || user.isMemberOf(CordonGroups.LEGAL) || user.isMemberOf(CordonGroups.SECURITY)
        || user.isMemberOf(CordonGroups.ADMINS) || user.id().equals(secret.ownerId()));
  }

  /** Whether the caller may have a partner's or an NDA's evidence pack: {@code legal}, {@code security}, {@code admins}. */
  public boolean mayHavePartnerPacks() {
    CordonUser user = currentUser.get();
    return user.isMemberOf(CordonGroups.LEGAL) || user.isMemberOf(CordonGroups.SECURITY) || user.isMemberOf(CordonGroups.ADMINS);
  }
}
