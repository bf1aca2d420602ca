package io.cordon.disclosure;

import java.util.EnumSet;
import java.util.Set;

/**
 * A disclosure's lifecycle. {@code DISCLOSED} is reached only through the gate
 * ({@link DisclosureService#disclose}); returned, destroyed and revoked are final.
 */
public enum DisclosureStatus {
  REQUESTED, APPROVED, DISCLOSED, SUSPENDED, RETURNED, DESTROYED, REVOKED;

  /** The partner holds (or may hold) the secret. */
  public static final Set<DisclosureStatus> CURRENT = EnumSet.of(DISCLOSED, SUSPENDED);
  /** Not yet closed: a second disclosure of the same secret to the same partner would be a duplicate. */
  public static final Set<DisclosureStatus> OPEN = EnumSet.of(REQUESTED, APPROVED, DISCLOSED, SUSPENDED);

  public Set<DisclosureStatus> next() {
    return switch (this) {
      case REQUESTED -> EnumSet.of(APPROVED, REVOKED);
      case APPROVED -> EnumSet.of(DISCLOSED, REVOKED);
      case DISCLOSED -> EnumSet.of(SUSPENDED, RETURNED, DESTROYED, REVOKED);
      case SUSPENDED -> EnumSet.of(DISCLOSED, RETURNED, DESTROYED, REVOKED);
      case RETURNED, DESTROYED, REVOKED -> EnumSet.noneOf(DisclosureStatus.class);
    };
  }
}
