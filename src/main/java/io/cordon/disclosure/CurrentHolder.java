package io.cordon.disclosure;

import java.time.Instant;
import java.util.List;

/** A current holder of a secret: the disclosure, the partner, the NDA it was made under and its permitted recipients. */
public record CurrentHolder(long disclosureId, String secretCode, String partnerCode, String partnerName, String partnerCountry,
    DisclosureStatus status, Instant disclosedAt, String ndaReference, Integer ndaVersion, List<String> permittedRecipients) {

  public CurrentHolder {
    permittedRecipients = permittedRecipients == null ? List.of() : List.copyOf(permittedRecipients);
  }
}
