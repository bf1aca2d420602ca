package io.cordon.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. Each node sweeps on its own schedule; a row is claimed by one conditional update
 * (PENDING → SENDING) right before it is sent, so two sweeps, on one node or two, never send the same row. See
 * docs/operations.md (E-mail) for what can and cannot be duplicated.
 */
@Component
public class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  private static final int MAX_ERROR = 500;
  private static final int RECORD_ATTEMPTS = 5;

  private final MailOutbox outbox;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final NotificationProperties properties;
  private final String node = ManagementFactory.getRuntimeMXBean().getName();
  private final AtomicLong sweeps = new AtomicLong();
  private final AtomicBoolean serverDown = new AtomicBoolean();
  private final Map<String, MailPlaceholders> placeholders = new HashMap<>();

  OutboxSender(MailOutbox outbox, ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties,
      List<MailPlaceholders> placeholders) {
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.properties = properties;
    placeholders.forEach(p -> this.placeholders.put(p.prefix(), p));
  }

  @Scheduled(initialDelayString = "${cordon.mail.sweep-initial-delay:PT20S}",
      fixedDelayString = "${cordon.mail.sweep-interval:PT2S}")
  void scheduledSweep() {
    if (properties.sendingEnabled()) {
      try {
        sweep();
      } catch (RuntimeException e) {
        // The database may be briefly away; the next sweep tries again.
        log.warn("Mail sweep failed: {}", shortError(e));
      }
    }
  }

  /** One sweep, now, in the calling thread: release expired claims, then send up to {@code batch-size} due rows. */
  public SweepResult sweep() {
    Instant now = now();
    int released = outbox.releaseExpired(now.minus(properties.claimTimeout()), now, properties.maxAttempts());
    if (released > 0) {
      log.warn("{} mail(s) were left SENDING by a node that stopped; they will be sent again (same Message-ID)", released);
    }
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      log.warn("No mail sender: set spring.mail.host (CORDON_SMTP_HOST). Mail stays in the outbox.");
      return new SweepResult(released, 0, 0, 0, 0, true);
    }
    String claimer = truncate(node, 80) + "#" + sweeps.incrementAndGet();
    int claimed = 0;
    int sent = 0;
    int retrying = 0;
    int failed = 0;
    for (long id : outbox.due(now, properties.batchSize())) {
      if (!claim(id, claimer)) {
        continue; // another sweep took it
      }
      claimed++;
      MailOutbox.Outgoing mail = outbox.load(id).orElseThrow();
      try {
        send(sender, resolvePlaceholders(mail));
      } catch (RuntimeException e) {
        String error = shortError(e);
        if (serverUnavailable(e)) {
          outbox.giveBack(id, claimer, error);
          reportServerDown(sender, error);
          return new SweepResult(released, claimed, sent, retrying + 1, failed, true);
        }
        if (mail.attempts() >= properties.maxAttempts()) {
          outbox.fail(id, claimer, error);
          failed++;
          log.error("Gave up on mail {} ('{}') to {} after {} attempts: {}", id, mail.key(), mail.recipient(),
              mail.attempts(), error);
        } else {
          Instant next = now().plus(properties.backoff(mail.attempts()));
          outbox.retryLater(id, claimer, next, error);
          retrying++;
          log.warn("Mail {} ('{}') to {} failed (attempt {} of {}), next attempt at {}: {}", id, mail.key(),
              mail.recipient(), mail.attempts(), properties.maxAttempts(), next, error);
        }
        continue;
      }
      if (serverDown.compareAndSet(true, false)) {
        log.info("SMTP server reachable again; sending queued mail");
      }
      if (recordSent(id, claimer)) {
        sent++;
      } else {
        log.warn("Mail {} ('{}') was sent after its claim expired; another node may send it too (same Message-ID {})",
            id, mail.key(), mail.messageId());
      }
    }
    return new SweepResult(released, claimed, sent, retrying, failed, false);
  }

  /**
   * Takes the row for this sweep. A lock conflict (a deadlock with a step queueing mail or another node's sweep, on
   * MariaDB/MySQL) leaves the row PENDING for the next sweep instead of ending this one.
   */
  private boolean claim(long id, String claimer) {
    try {
      return outbox.claim(id, claimer, now());
    } catch (PessimisticLockingFailureException e) {
      log.debug("Claiming mail {} met a lock conflict; the next sweep takes it: {}", id, shortError(e));
      return false;
    }
  }

  /**
   * The message is out: recording it must not fail on a lock conflict with another node's sweep (the row would stay
   * SENDING and be sent again when its claim expires), so a deadlock or lock timeout is retried.
   */
  private boolean recordSent(long id, String claimer) {
    for (int attempt = 1; ; attempt++) {
      try {
        return outbox.markSent(id, claimer, now());
      } catch (PessimisticLockingFailureException e) {
        if (attempt == RECORD_ATTEMPTS) {
          throw e;
        }
        log.debug("Recording mail {} as sent met a lock conflict, trying again: {}", id, shortError(e));
      }
    }
  }

  /**
   * Replaces each {@code {prefix:argument}} of a known prefix by what its bean gives now (the same value in both parts);
   * what it no longer gives (a withdrawn link) becomes a note. Nothing resolved is written back to the outbox.
   */
  private MailOutbox.Outgoing resolvePlaceholders(MailOutbox.Outgoing mail) {
    if (placeholders.isEmpty() || !(mail.html().contains("{") || mail.text().contains("{"))) {
      return mail;
    }
    Map<String, String> values = new HashMap<>();
    Matcher m = PLACEHOLDER.matcher(mail.html() + "\n" + mail.text());
    while (m.find()) {
      MailPlaceholders resolver = placeholders.get(m.group(1));
      if (resolver != null && !values.containsKey(m.group())) {
        values.put(m.group(), resolver.resolve(m.group(2)).orElse("(withdrawn)"));
      }
    }
    String html = mail.html();
    String text = mail.text();
    for (Map.Entry<String, String> v : values.entrySet()) {
      html = html.replace(v.getKey(), org.springframework.web.util.HtmlUtils.htmlEscape(v.getValue()));
      text = text.replace(v.getKey(), v.getValue());
    }
    return new MailOutbox.Outgoing(mail.id(), mail.key(), mail.recipient(), mail.subject(), html, text, mail.messageId(),
        mail.attempts());
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z-]{0,30}):([A-Za-z0-9-]{1,40})}");

  private void send(JavaMailSender sender, MailOutbox.Outgoing mail) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(mail.recipient());
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
      // Kept by JavaMailSenderImpl through saveChanges(): the same row always goes out with the same Message-ID.
      message.setHeader("Message-ID", mail.messageId());
      message.setHeader("Auto-Submitted", "auto-generated");
      sender.send(message);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("Mail " + mail.id() + " cannot be built: " + e.getMessage(), e);
    }
  }

  private void reportServerDown(JavaMailSender sender, String error) {
    String where = sender instanceof JavaMailSenderImpl impl ? "smtp://" + impl.getHost() + ":" + impl.getPort() : "the SMTP server";
    long pending = outbox.counts().get(MailStatus.PENDING);
    if (serverDown.compareAndSet(false, true)) {
      log.warn("Cannot reach {} ({}): {} mail(s) wait in the outbox and are retried every {}. Check CORDON_SMTP_HOST, "
          + "CORDON_SMTP_PORT, CORDON_SMTP_USERNAME/PASSWORD.", where, error, pending, properties.sweepInterval());
    } else {
      log.debug("Still cannot reach {} ({}), {} mail(s) pending", where, error, pending);
    }
  }

  /** Connection refused, unknown host, no route, connect timeout, bad credentials: the server, not this message. */
  static boolean serverUnavailable(Throwable e) {
    if (e instanceof MailAuthenticationException) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
          || t.getClass().getSimpleName().equals("MailConnectException")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** One line, no stack trace: the outermost message and, if different, the innermost cause. */
  static String shortError(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (root != e) {
      text += " / " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
    return truncate(text.replaceAll("\\s+", " ").strip(), MAX_ERROR);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
  }
}
