package io.cordon.evidence;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;

/**
 * Walks the chain from the first event and reports the first broken link: a changed event (its hash no longer
 * matches its content), a deleted or reordered one (sequence gap, or a link to the wrong predecessor), or a
 * truncated tail (fewer events than the head records). Reads in pages, so memory stays flat on long chains, and
 * reads the next page while it checks one (see {@link PageReader}).
 */
@Service
public class ChainVerifier {

  static final int PAGE = 5_000;

  private final EvidenceChain chain;
  private final AtomicReference<ChainVerification> last = new AtomicReference<>();

  ChainVerifier(EvidenceChain chain) {
    this.chain = chain;
  }

  public ChainVerification verify() {
    long started = System.nanoTime();
    // Events up to the head we read now are committed together with it (same transaction as the append).
    EvidenceChain.Head head = chain.head();
    long expected = 1;
    String previous = EvidenceChain.GENESIS_HASH;
    try (PageReader pages = new PageReader(chain, head.seq(), PAGE)) {
      while (expected <= head.seq()) {
        List<EvidenceEvent> page = pages.next(expected - 1);
        if (page.isEmpty()) {
          break;
        }
        for (EvidenceEvent event : page) {
          if (event.seq() > head.seq()) {
            break;
          }
          String problem = check(event, expected, previous);
          if (problem != null) {
            return remember(new ChainVerification(false, expected - 1, head.seq(), head.hash(), expected, problem,
                Instant.now(), elapsed(started)));
          }
          previous = event.hash();
          expected++;
        }
      }
    }
    long checked = expected - 1;
    if (checked < head.seq()) {
      return remember(new ChainVerification(false, checked, head.seq(), head.hash(), expected,
          "Chain truncated: the head records " + head.seq() + " events but only " + checked + " are present.",
          Instant.now(), elapsed(started)));
    }
    if (!previous.equals(head.hash())) {
      return remember(new ChainVerification(false, checked, head.seq(), head.hash(), head.seq(),
          "The last event's hash does not match the hash recorded in the chain head.", Instant.now(), elapsed(started)));
    }
    return remember(new ChainVerification(true, checked, head.seq(), head.hash(), null, null, Instant.now(), elapsed(started)));
  }

  /** The most recent verification on this node, or null if none has run yet. */
  public ChainVerification lastResult() {
    return last.get();
  }

  private static String check(EvidenceEvent event, long expectedSeq, String previousHash) {
    if (event.seq() != expectedSeq) {
      return "Event " + expectedSeq + (event.seq() > expectedSeq ? " is missing (deleted)" : " is out of order")
          + ": found event " + event.seq() + " in its place.";
    }
    if (!event.prevHash().equals(previousHash)) {
      return "Event " + expectedSeq + " does not link to the event before it (events deleted, swapped or re-inserted).";
    }
    if (!CanonicalJson.sha256Hex(event.canonical()).equals(event.hash())) {
      return "Event " + expectedSeq + " was changed after it was recorded: its content no longer matches its hash.";
    }
    return null;
  }

  private ChainVerification remember(ChainVerification result) {
    last.set(result);
    return result;
  }

  private static long elapsed(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
