package io.cordon.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The link's rules that need no application: token format and entropy, its states, the rate limiter's window. */
class PartnerLinkRulesTest {

  @Test
  void tokensCarry256RandomBitsInAUrlSafeFormAndOnlyTheirHashIsKept() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = LinkTokens.generate();
      assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
      assertThat(LinkTokens.wellFormed(token)).isTrue();
      assertThat(seen.add(token)).isTrue();
      assertThat(LinkTokens.hash(token)).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(token);
    }
    assertThat(LinkTokens.BYTES * 8).isGreaterThanOrEqualTo(128);
    assertThat(LinkTokens.wellFormed(null)).isFalse();
    assertThat(LinkTokens.wellFormed("abc")).isFalse();
    assertThat(LinkTokens.wellFormed("A".repeat(42) + "/")).isFalse();
    assertThat(LinkTokens.wellFormed("A".repeat(44))).isFalse();
    assertThat(LinkTokens.hash("x")).isEqualTo("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");
  }

  @Test
  void aLinkIsOpenOnlyOnceSentAndBeforeItsExpiryAndNeitherUsedNorWithdrawn() {
    Instant now = Instant.parse("2026-01-10T10:00:00Z");
    Instant expires = now.plusSeconds(3600);
    assertThat(link(null, expires, null, null).state(now)).isEqualTo(PartnerLink.State.PENDING);
    assertThat(link(now, expires, null, null).state(now)).isEqualTo(PartnerLink.State.OPEN);
    assertThat(link(now, expires, null, null).state(expires)).isEqualTo(PartnerLink.State.EXPIRED);
    assertThat(link(now, expires, now, null).state(now)).isEqualTo(PartnerLink.State.USED);
    assertThat(link(now, expires, null, now).state(now)).isEqualTo(PartnerLink.State.REVOKED);
    assertThat(link(now, expires, now, now).state(now)).as("used wins: the answer was received").isEqualTo(PartnerLink.State.USED);
  }

  @Test
  void theRateLimiterCountsPerKeyWithinItsWindow() {
    AtomicLong clock = new AtomicLong(0);
    PortalRateLimiter limiter = new PortalRateLimiter(1000, 2, 3, clock::get);
    assertThat(limiter.allowToken("t")).isTrue();
    assertThat(limiter.allowToken("t")).isTrue();
    assertThat(limiter.allowToken("t")).isFalse();
    assertThat(limiter.allowToken("u")).as("another token counts on its own").isTrue();
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.allowAddress("10.0.0.1")).isTrue();
    }
    assertThat(limiter.allowAddress("10.0.0.1")).isFalse();
    clock.set(1000);
    assertThat(limiter.allowToken("t")).as("a new window").isTrue();
    assertThat(limiter.allowAddress("10.0.0.1")).isTrue();
  }

  private static PartnerLink link(Instant issued, Instant expires, Instant used, Instant revoked) {
    return new PartnerLink(1, "ATTESTATION", 1, "P-0001", "Jo", "jo@partner.example", "quality", "pi",
        Instant.EPOCH, expires, issued, used, revoked, null);
  }
}
