package io.cordon.consistency;

import java.util.List;

/**
 * One invariant checked: {@code count} records break it, {@code ids} names the first of them (disclosure ids, partner
 * codes, process instance ids, document hashes, outbox row ids, evidence sequence numbers, as {@code invariant} says).
 */
public record InvariantResult(String invariant, String rule, long count, List<String> ids, long millis) {

  public InvariantResult {
    ids = List.copyOf(ids);
  }

  public boolean holds() {
    return count == 0;
  }
}
