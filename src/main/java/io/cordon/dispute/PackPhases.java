package io.cordon.dispute;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wall time of each phase of one pack build, so that a slow pack says where its time went. */
final class PackPhases {

  private static final Logger log = LoggerFactory.getLogger(EvidencePacks.class);

  private final Map<String, Long> millis = new LinkedHashMap<>();
  private final java.util.function.Consumer<String> progress;
  private long mark = System.nanoTime();

  PackPhases() {
    this(phase -> { });
  }

  /** {@code progress} is told each phase as it ends (a background build shows it to its requester). */
  PackPhases(java.util.function.Consumer<String> progress) {
    this.progress = progress;
  }

  /** Ends the phase that ran since the previous call (or since the build started), on the build's own thread. */
  void done(String phase) {
    long now = System.nanoTime();
    record(phase, (now - mark) / 1_000_000);
    mark = System.nanoTime();
  }

  /** A phase that ran beside the others (on another thread) since {@code startNanos}. */
  void took(String phase, long startNanos) {
    record(phase, (System.nanoTime() - startNanos) / 1_000_000);
  }

  private void record(String phase, long ms) {
    synchronized (millis) {
      millis.merge(phase, ms, Long::sum);
    }
    progress.accept(phase);
  }

  Map<String, Long> millis() {
    synchronized (millis) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }
  }

  void log(String subject) {
    if (log.isDebugEnabled()) {
      log.debug("Evidence pack of {} built, phases in ms (lineage.xlsx, report.docx and report.pdf beside the others): {}",
          subject, millis());
    }
  }
}
