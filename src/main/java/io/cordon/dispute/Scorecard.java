package io.cordon.dispute;

import java.time.Instant;
import java.util.List;

/**
 * The reasonable-measures scorecard of one secret: per jurisdiction and expected measure, whether it is documented
 * (with the evidence events behind it), a gap (with what would close it), or not applicable (with why).
 */
public record Scorecard(String secretCode, Instant evaluatedAt, long chainHeadSeq, List<Row> rows) {

  public enum Result { DOCUMENTED, GAP, NOT_APPLICABLE }

  /** {@code evidence}: sequence numbers of the events that document the measure (or, for a gap, show it). */
  public record Row(String jurisdiction, String measure, String title, String basis, Result result, String detail,
      List<Long> evidence) {
  }

  public long gaps() {
    return rows.stream().filter(r -> r.result() == Result.GAP).count();
  }
}
