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

  /** Ends the phase that ran since the previous call (or since the build started). */
  void done(String phase) {
    long now = System.nanoTime();
    millis.merge(phase, (now - mark) / 1_000_000, Long::sum);
    progress.accept(phase);
    mark = System.nanoTime();
  }

  Map<String, Long> millis() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(millis));
  }

  void log(String subject) {
    if (log.isDebugEnabled()) {
      log.debug("Evidence pack of {} built in {} ms: {}", subject, millis.values().stream().mapToLong(Long::longValue).sum(), millis);
    }
  }
}
