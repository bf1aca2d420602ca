package io.cordon.secret;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of a secret. A compromised secret is never active again; a retired one may be revived. */
public enum SecretStatus {
  ACTIVE, RETIRED, COMPROMISED;

  public Set<SecretStatus> next() {
    return switch (this) {
      case ACTIVE -> EnumSet.of(RETIRED, COMPROMISED);
      case RETIRED -> EnumSet.of(ACTIVE, COMPROMISED);
      case COMPROMISED -> EnumSet.of(RETIRED);
    };
  }
}
