package io.cordon.consistency;

import io.cordon.notification.MailRequest;
import io.cordon.notification.Notifications;
import io.cordon.notification.Recipients;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Health component {@code consistency}, DOWN while the last scheduled (or REST) run found a broken invariant, and the
 * scheduled run itself: every {@code cordon.consistency.interval} on each node. Findings go to the administrators by
 * mail through the outbox, keyed by the findings themselves: the same findings, on any node, mail once; a change
 * mails again.
 */
@Component
@ConditionalOnProperty(name = "cordon.consistency.check", havingValue = "false", matchIfMissing = true)
class ConsistencyMonitor implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(ConsistencyMonitor.class);
  static final String ADMINS = "admins";

  private final ConsistencyChecker checker;
  private final Notifications notifications;
  private final Recipients recipients;
  private final TransactionTemplate transactions;

  ConsistencyMonitor(ConsistencyChecker checker, Notifications notifications, Recipients recipients,
      TransactionTemplate transactions) {
    this.checker = checker;
    this.notifications = notifications;
    this.recipients = recipients;
    this.transactions = transactions;
  }

  @Scheduled(initialDelayString = "${cordon.consistency.initial-delay:PT5M}",
      fixedDelayString = "${cordon.consistency.interval:PT1H}")
  void scheduledCheck() {
    try {
      ConsistencyReport report = checker.check();
      if (report.consistent()) {
        log.info("Consistency check: every invariant holds ({} ms)", report.millis());
      } else {
        report.lines().forEach(line -> log.error("Consistency check: {}", line));
        alert(report);
      }
    } catch (RuntimeException e) {
      log.warn("Consistency check could not run: {}", e.getMessage());
    }
  }

  /** Queues the alert unless these very findings were mailed before. @return messages queued */
  int alert(ConsistencyReport report) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Cordon's consistency check found " + report.violations() + " record(s) breaking "
        + report.broken().size() + " invariant(s). Each line names the invariant, how many records break it, the "
        + "first of them, and the rule. GET /api/admin/consistency shows the full report.");
    paragraphs.addAll(report.lines());
    String key = "consistency:" + fingerprint(report);
    return transactions.execute(status -> notifications.enqueue(MailRequest.notice(key,
        "Cordon consistency check: " + report.violations() + " violation(s)", paragraphs, recipients.group(ADMINS))));
  }

  @Override
  public Health health() {
    ConsistencyReport last = checker.lastReport();
    if (last == null) {
      return Health.unknown().withDetail("reason", "not checked yet since start-up").build();
    }
    Health.Builder health = last.consistent() ? Health.up() : Health.down().withDetail("broken", last.lines());
    return health.withDetail("violations", last.violations()).withDetail("checkedAt", last.checkedAt().toString())
        .withDetail("millis", last.millis()).build();
  }

  private static String fingerprint(ConsistencyReport report) {
    StringBuilder findings = new StringBuilder();
    for (InvariantResult r : report.broken()) {
      findings.append(r.invariant()).append('=').append(r.count()).append(':').append(String.join(",", r.ids())).append('\n');
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(findings.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
