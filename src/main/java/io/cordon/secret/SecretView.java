package io.cordon.secret;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A secret as the caller may see it. For a {@code CROWN_JEWEL} the caller is not entitled to (not its owner,
 * {@code security} or {@code admins}), only code, classification and status are filled and {@code redacted} is true.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretView(String code, String title, String summary, SecretCategory category, Classification classification,
    String ownerId, List<String> systems, List<String> sites, List<String> countries, Set<ProtectionMeasure> measures,
    SecretStatus status, Long version, Instant createdAt, Instant updatedAt, boolean redacted) {

  static SecretView full(TradeSecret s) {
    SecretDetails d = s.details();
    return new SecretView(s.getCode(), d.title(), d.summary(), d.category(), d.classification(), d.ownerId(), d.systems(),
        d.sites(), d.countries(), d.measures(), s.getStatus(), s.getVersion(), s.getCreatedAt(), s.getUpdatedAt(), false);
  }

  static SecretView redacted(TradeSecret s) {
    return new SecretView(s.getCode(), null, null, null, s.getClassification(), null, null, null, null, null,
        s.getStatus(), null, null, null, true);
  }
}
