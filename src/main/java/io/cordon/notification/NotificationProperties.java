package io.cordon.notification;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cordon.mail.*}: sender address, recipients' default zone, the escalation group and the outbox sweep.
 *
 * @param sendingEnabled  whether this node's scheduled sweep sends (tests switch it off and sweep explicitly)
 * @param sweepInterval   pause between two sweeps of this node
 * @param batchSize       rows one sweep claims at most
 * @param claimTimeout    a row SENDING for longer (its node crashed or hung) goes back to PENDING; must exceed the
 *                        longest SMTP conversation (connection + write + read timeouts)
 * @param retryBase       back-off after the first failed attempt, doubled after each further one
 * @param retryMax        longest back-off
 * @param maxAttempts     attempts before a row is FAILED
 */
@ConfigurationProperties("cordon.mail")
record NotificationProperties(
    @DefaultValue("cordon@localhost") String from,
    @DefaultValue("Europe/Berlin") ZoneId zone,
    @DefaultValue("admins") String escalationGroup,
    @DefaultValue("true") boolean sendingEnabled,
    @DefaultValue("PT2S") Duration sweepInterval,
    @DefaultValue("200") int batchSize,
    @DefaultValue("PT5M") Duration claimTimeout,
    @DefaultValue("PT1M") Duration retryBase,
    @DefaultValue("PT1H") Duration retryMax,
    @DefaultValue("8") int maxAttempts) {

  NotificationProperties {
    if (batchSize < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("cordon.mail.batch-size and cordon.mail.max-attempts must be at least 1");
    }
  }

  /** Back-off after {@code attempts} failed attempts: retryBase, 2 x retryBase, ... at most retryMax. */
  Duration backoff(int attempts) {
    Duration d = retryBase.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
    return d.compareTo(retryMax) > 0 ? retryMax : d;
  }
}
