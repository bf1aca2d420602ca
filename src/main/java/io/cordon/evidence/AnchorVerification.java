package io.cordon.evidence;

import java.time.Instant;
import java.util.List;

/**
 * The chain checked against its anchors. {@code newestMatching} is the newest anchor whose time-stamped head hash the
 * chain still reproduces: every event up to its sequence number is as it was when it was time-stamped. Each entry of
 * {@code mismatches} is a newer anchor the chain no longer matches, which means events at or before its sequence
 * number were changed or rewritten after its time.
 */
public record AnchorVerification(ChainVerification chain, int anchorsChecked, Anchor newestMatching, List<Mismatch> mismatches) {

  /** An anchor: the head ({@code anchoredSeq}, {@code anchoredHash}) at {@code anchoredAt}, from the token if time-stamped. */
  public record Anchor(long eventSeq, long anchoredSeq, String anchoredHash, Instant anchoredAt, boolean timestamped,
      String tsa) {
  }

  public record Mismatch(long eventSeq, long anchoredSeq, Instant anchoredAt, String problem) {
  }
}
