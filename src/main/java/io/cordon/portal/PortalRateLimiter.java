package io.cordon.portal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;

/**
 * Requests per link and per client address in a fixed window, in this node's memory: enough to make guessing tokens
 * and hammering one link pointless (each node counts on its own; a token has 256 random bits anyway).
 */
@Component
class PortalRateLimiter {

  private static final int MAX_KEYS = 100_000;

  private record Window(long start, int count) {
  }

  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final long windowMillis;
  private volatile int perToken;
  private volatile int perAddress;
  private final LongSupplier clock;

  @org.springframework.beans.factory.annotation.Autowired
  PortalRateLimiter(PortalProperties properties) {
    this(properties.rateWindow().toMillis(), properties.perToken(), properties.perAddress(), System::currentTimeMillis);
  }

  PortalRateLimiter(long windowMillis, int perToken, int perAddress, LongSupplier clock) {
    this.windowMillis = windowMillis;
    this.perToken = perToken;
    this.perAddress = perAddress;
    this.clock = clock;
  }

  boolean allowAddress(String address) {
    return allow("a:" + address, perAddress);
  }

  boolean allowToken(String tokenHash) {
    return allow("t:" + tokenHash, perToken);
  }

  private boolean allow(String key, int limit) {
    long now = clock.getAsLong();
    if (windows.size() > MAX_KEYS) {
      windows.values().removeIf(w -> now - w.start() >= windowMillis);
    }
    Window w = windows.compute(key, (k, old) -> old == null || now - old.start() >= windowMillis
        ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
    return w.count() <= limit;
  }

  /** Tests only: forget every count, and set the limits. */
  void reset(int perToken, int perAddress) {
    windows.clear();
    this.perToken = perToken;
    this.perAddress = perAddress;
  }
}
