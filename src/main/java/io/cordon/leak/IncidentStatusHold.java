package io.cordon.leak;

import io.cordon.secret.SecretStatus;
import io.cordon.secret.StatusHolds;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An open incident holds its secrets {@code AT_RISK}: closing or cancelling it returns them to their status before the
 * report, so a manual change in between would be undone or would release a secret still under investigation.
 */
@Component
class IncidentStatusHold implements StatusHolds {

  private final LeakStore store;

  IncidentStatusHold(LeakStore store) {
    this.store = store;
  }

  @Override
  public Optional<String> heldBy(String secretCode, SecretStatus current) {
    if (current != SecretStatus.AT_RISK) {
      return Optional.empty();
    }
    return Optional.ofNullable(store.openIncidents(List.of(secretCode)).get(secretCode))
        .map(incident -> "leak incident " + incident + " is open for it and returns it to its status before the report "
            + "when it closes; close or cancel that incident instead");
  }
}
