package io.cordon.partner;

import java.util.EnumSet;
import java.util.Set;

/**
 * A partner's lifecycle. Only an onboarded partner becomes active; suspension and offboarding follow; a rejected or
 * offboarded partner can start over.
 */
public enum PartnerStatus {
  PROSPECT, ONBOARDING, ACTIVE, SUSPENDED, OFFBOARDED, REJECTED;

  public Set<PartnerStatus> next() {
    return switch (this) {
      case PROSPECT -> EnumSet.of(ONBOARDING, REJECTED);
      case ONBOARDING -> EnumSet.of(ACTIVE, REJECTED, PROSPECT);
      case ACTIVE -> EnumSet.of(SUSPENDED, OFFBOARDED);
      case SUSPENDED -> EnumSet.of(ACTIVE, OFFBOARDED);
      case OFFBOARDED -> EnumSet.of(ONBOARDING);
      case REJECTED -> EnumSet.of(PROSPECT);
    };
  }
}
