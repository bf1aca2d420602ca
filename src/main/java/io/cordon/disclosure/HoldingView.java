package io.cordon.disclosure;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cordon.secret.Classification;
import java.time.Instant;

/** A row of "what does partner P hold". The title is left out for a crown jewel the caller may not see. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HoldingView(long disclosureId, String secretCode, String secretTitle, Classification classification,
    String ownerId, String ndaReference, Integer ndaVersion, DisclosureStatus status, Instant requestedAt,
    Instant disclosedAt, Instant closedAt) {

  HoldingView redacted() {
    return new HoldingView(disclosureId, secretCode, null, classification, null, ndaReference, ndaVersion, status,
        requestedAt, disclosedAt, closedAt);
  }
}
