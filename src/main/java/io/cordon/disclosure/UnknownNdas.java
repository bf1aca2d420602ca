package io.cordon.disclosure;

import org.springframework.stereotype.Component;

/**
 * The NDA register's answer until NDAs are recorded in Cordon: no NDA is known, so the gate lets nothing through.
 * Replaced by the NDA module's implementation.
 */
@Component
class UnknownNdas implements NdaCheck {

  @Override
  public Standing standing(String ndaReference, Integer ndaVersion, String partnerCode) {
    return Standing.UNKNOWN;
  }
}
