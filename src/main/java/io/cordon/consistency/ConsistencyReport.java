package io.cordon.consistency;

import java.time.Instant;
import java.util.List;

/** The result of one full run: every invariant, whether it holds, and the records that break it. */
public record ConsistencyReport(boolean consistent, long violations, Instant checkedAt, long millis,
    List<InvariantResult> invariants) {

  public ConsistencyReport {
    invariants = List.copyOf(invariants);
  }

  static ConsistencyReport of(List<InvariantResult> results, Instant checkedAt, long millis) {
    long violations = results.stream().mapToLong(InvariantResult::count).sum();
    return new ConsistencyReport(violations == 0, violations, checkedAt, millis, results);
  }

  public List<InvariantResult> broken() {
    return invariants.stream().filter(r -> !r.holds()).toList();
  }

  /** One line per broken invariant with its first ids, for logs, mail and the command line. */
  public List<String> lines() {
    return broken().stream().map(r -> r.invariant() + ": " + r.count() + " (" + String.join(", ", r.ids())
        + (r.count() > r.ids().size() ? ", ..." : "") + ") - " + r.rule()).toList();
  }
}
