package io.cordon.notification;

import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues mail in the caller's transaction (it must have one: a Camunda job's, a service's). The mail is rendered now,
 * one message per recipient, so it says what the step saw; it is sent after the transaction commits, by
 * {@link OutboxSender} on any node. A rolled-back step queues nothing; a repeated key queues nothing more.
 */
@Service
public class Notifications {

  /** Evidence event type written with every enqueue that queued at least one message. */
  public static final String NOTIFICATION_QUEUED = "NOTIFICATION_QUEUED";
  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final MailOutbox outbox;
  private final MailRenderer renderer;
  private final EvidenceChain evidence;
  private final String messageIdDomain;

  Notifications(MailOutbox outbox, MailRenderer renderer, EvidenceChain evidence, NotificationProperties properties) {
    this.outbox = outbox;
    this.renderer = renderer;
    this.evidence = evidence;
    this.messageIdDomain = domainOf(properties.from());
  }

  /**
   * Queues the request's mail for every recipient that does not have it under this key yet.
   *
   * @return how many messages were queued now (0: nobody to send to, or all of them queued before)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int enqueue(MailRequest request) {
    if (request.processInstanceId() == null) {
      // Asked from a BPMN step: the outbox row and the evidence name it, as the evidence chain does.
      BpmnExecutionContext context = Context.getBpmnExecutionContext();
      if (context != null && context.getExecution() != null) {
        request = request.process(context.getExecution().getProcessInstanceId(), context.getExecution().getActivityId());
      }
    }
    List<Recipient> recipients = Recipients.distinct(request.recipients());
    if (recipients.isEmpty()) {
      log.warn("Mail '{}' ({}) has no recipient with an e-mail address: nothing queued.", request.key(), request.kind());
      return 0;
    }
    // Seconds, as the evidence chain: MySQL connections drop fractions (Camunda's sendFractionalSeconds=false).
    Instant now = ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
    int queued = 0;
    for (Recipient to : recipients) {
      MailRenderer.Rendered mail = renderer.render(request, to);
      MailOutbox.NewMail row = new MailOutbox.NewMail(request.key(), to, request.kind(), mail.subject(), mail.html(),
          mail.text(), messageId(request.key(), to), request.processInstanceId(), request.activityId());
      try {
        if (outbox.insertIfAbsent(row, now)) {
          queued++;
        }
      } catch (DuplicateKeyException concurrentTwin) {
        // Another transaction queued the same (key, recipient) at the same moment and committed first. On H2 and
        // MySQL/MariaDB a failed statement does not abort the surrounding transaction, so the step carries on.
        log.debug("Mail '{}' to {} was queued concurrently", request.key(), to.address());
      }
    }
    if (queued > 0) {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("key", request.key());
      facts.put("kind", request.kind().name());
      facts.put("recipients", queued);
      EvidenceRecord record = EvidenceRecord.of(NOTIFICATION_QUEUED)
          .process(request.processInstanceId(), request.activityId())
          .secrets(request.secrets().stream().map(SecretLine::code).toList())
          .payload(facts);
      evidence.append(request.partner() == null ? record : record.partner(request.partner().code()));
    }
    return queued;
  }

  /** The same key and recipient always give the same Message-ID: a message sent twice is recognisably one message. */
  String messageId(String key, Recipient to) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest((key + "\n" + to.address()).getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(hash, 0, 20) + ".cordon@" + messageIdDomain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String domainOf(String from) {
    try {
      String address = new InternetAddress(from).getAddress();
      int at = address.lastIndexOf('@');
      return at < 0 || at == address.length() - 1 ? "cordon.localhost" : address.substring(at + 1);
    } catch (AddressException e) {
      throw new IllegalArgumentException("cordon.mail.from is not a valid address: '" + from + "'", e);
    }
  }
}
