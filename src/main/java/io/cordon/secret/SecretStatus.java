package io.cordon.secret;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of a secret. A compromised secret is never active again; a retired one may be revived. {@code AT_RISK}: a
 * leak is suspected and being worked (an open leak incident); like {@code COMPROMISED} it is disclosed to nobody new,
 * and it goes back to where it was when the leak is not confirmed.
 */
public enum SecretStatus {
  ACTIVE, RETIRED, AT_RISK, COMPROMISED;

  public Set<SecretStatus> next() {
    return switch (this) {
      case ACTIVE -> EnumSet.of(RETIRED, AT_RISK, COMPROMISED);
      case RETIRED -> EnumSet.of(ACTIVE, AT_RISK, COMPROMISED);
      case AT_RISK -> EnumSet.of(ACTIVE, RETIRED, COMPROMISED);
      case COMPROMISED -> EnumSet.of(RETIRED);
    };
  }
}
