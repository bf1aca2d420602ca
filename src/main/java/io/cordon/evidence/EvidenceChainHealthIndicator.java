package io.cordon.evidence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Health component {@code evidenceChain}: DOWN when the last verification found a broken link. The chain is walked
 * in the background (every {@code cordon.evidence.verify-interval}), not on each health request.
 */
@Component
class EvidenceChainHealthIndicator implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(EvidenceChainHealthIndicator.class);

  private final ChainVerifier verifier;

  EvidenceChainHealthIndicator(ChainVerifier verifier) {
    this.verifier = verifier;
  }

  @Scheduled(initialDelayString = "${cordon.evidence.verify-initial-delay:PT1M}",
      fixedDelayString = "${cordon.evidence.verify-interval:PT15M}")
  void verifyPeriodically() {
    ChainVerification result = verifier.verify();
    if (!result.intact()) {
      log.error("Evidence chain broken at event {}: {}", result.firstBrokenSeq(), result.problem());
    }
  }

  @Override
  public Health health() {
    ChainVerification last = verifier.lastResult();
    if (last == null) {
      return Health.unknown().withDetail("reason", "not verified yet since start-up").build();
    }
    Health.Builder health = last.intact() ? Health.up() : Health.down()
        .withDetail("firstBrokenSeq", last.firstBrokenSeq()).withDetail("problem", last.problem());
    return health.withDetail("eventsChecked", last.eventsChecked()).withDetail("headHash", last.headHash())
        .withDetail("verifiedAt", last.verifiedAt().toString()).build();
  }
}
