package io.cordon.secret;

import io.cordon.evidence.EvidenceReaders;
import io.cordon.identity.CordonUser;
import io.cordon.identity.CurrentUser;
import java.util.Collection;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The evidence views ask the register whether the reader may see the details of an event's secrets. */
@Component
class SecretEvidenceReaders implements EvidenceReaders {

  private final TradeSecretRepository secrets;
  private final CurrentUser currentUser;

  SecretEvidenceReaders(TradeSecretRepository secrets, CurrentUser currentUser) {
    this.secrets = secrets;
    this.currentUser = currentUser;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean maySeeDetails(Collection<String> secretCodes) {
    CordonUser user = currentUser.get();
    if (SecretAccess.isPrivileged(user)) {
      return true;
    }
    return secrets.findByCodeIn(secretCodes).stream()
        .allMatch(s -> SecretAccess.canSeeDetails(user, s.getClassification(), s.getOwnerId()));
  }
}
