package io.cordon.secret;

import java.util.Optional;

/**
 * Something outside the register that holds a secret's status until it lets go of it itself (an open leak incident
 * keeps its secrets {@code AT_RISK} and releases them when it closes). A manual status change away from a held status is
 * refused, naming the holder, so that the process that set it stays the one that ends it.
 */
public interface StatusHolds {

  /**
   * Who holds this secret's current status, as a sentence a user can act on (for example "leak incident LI-0001 is
   * open for it; it returns the secret to its status before the report when it closes"); empty when nothing does.
   */
  Optional<String> heldBy(String secretCode, SecretStatus current);
}
