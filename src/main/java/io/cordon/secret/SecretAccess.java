package io.cordon.secret;

import io.cordon.identity.CordonGroups;
import io.cordon.identity.CordonUser;
import io.cordon.identity.CurrentUser;
import org.springframework.security.access.AccessDeniedException;

/** Who may see and change what in the register of secrets. */
final class SecretAccess {

  private SecretAccess() {
  }

  static boolean isPrivileged(CordonUser user) {
    return CurrentUser.isSystem(user) || user.isMemberOf(CordonGroups.SECURITY) || user.isMemberOf(CordonGroups.ADMINS);
  }

  /** Crown jewels in detail: their owner, security and admins only. */
  static boolean canSeeDetails(CordonUser user, Classification classification, String ownerId) {
    return classification != Classification.CROWN_JEWEL || isPrivileged(user) || user.id().equals(ownerId);
  }

  /** Security and admins change any secret; a secret owner changes the secrets it owns. */
  static void checkCanChange(CordonUser user, TradeSecret secret) {
    if (!isPrivileged(user) && !(user.isMemberOf(CordonGroups.SECRET_OWNERS) && user.id().equals(secret.getOwnerId()))) {
      throw new AccessDeniedException("Only the owner of " + secret.getCode() + ", security or admins may change it");
    }
  }

  static SecretView view(CordonUser user, TradeSecret secret) {
    return canSeeDetails(user, secret.getClassification(), secret.getOwnerId()) ? SecretView.full(secret) : SecretView.redacted(secret);
  }
}
