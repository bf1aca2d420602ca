package io.cordon.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.CordonIntegrationTest;
import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceEvent;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against the suite's database and a real SMTP server (GreenMail). */
@CordonIntegrationTest
class NotificationsIT {

  @Autowired
  Notifications notifications;
  @Autowired
  OutboxSender sender;
  @Autowired
  MailOutbox outbox;
  @Autowired
  Recipients recipients;
  @Autowired
  EvidenceChain evidence;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TransactionTemplate tx;

  final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void emptyOutboxAndInbox() {
    sender.sweep();
    Inbox.clear();
  }

  @Test
  void sendsOneMessageWithTextAndHtmlAndAMessageIdDerivedFromTheKey() throws Exception {
    String key = "test:" + run + ":notice";
    Recipient lena = recipients.user("lena").orElseThrow();
    int queued = enqueue(MailRequest.notice(key, "Disclosure suspended",
        List.of("Disclosure of TS-0001 to P-0001 is suspended."), List.of(lena)).process("pi-" + run, "Task_Notify"));

    assertThat(queued).isEqualTo(1);
    assertThat(rows(key)).singleElement().satisfies(row -> assertThat(row.get("STATUS")).isEqualTo("PENDING"));
    assertThat(Inbox.to("lena@cordon.example")).as("nothing is sent before the sweep").isEmpty();

    SweepResult result = sender.sweep();

    assertThat(result.sent()).isEqualTo(1);
    MimeMessage mail = Inbox.to("lena@cordon.example").get(0);
    assertThat(mail.getSubject()).isEqualTo("Disclosure suspended");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("cordon@cordon.example");
    assertThat(mail.getMessageID()).isEqualTo(notifications.messageId(key, lena)).endsWith("@cordon.example>");
    assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
    assertThat(Inbox.text(mail)).contains("Hello Lena Legal,", "Disclosure of TS-0001 to P-0001 is suspended.");
    assertThat(Inbox.html(mail)).contains("<p>Disclosure of TS-0001 to P-0001 is suspended.</p>");
    Map<String, Object> row = rows(key).get(0);
    assertThat(row.get("STATUS")).isEqualTo("SENT");
    assertThat(((Number) row.get("ATTEMPTS")).intValue()).isEqualTo(1);
    assertThat(row.get("SENT_AT")).isNotNull();
  }

  @Test
  void enqueueingTheSameKeyAgainQueuesNothingAndRecordsEvidenceOnce() {
    String key = "test:" + run + ":twice";
    MailRequest request = MailRequest.notice(key, "Re-certification requested", List.of("Please re-certify."),
        recipients.group("secret-owners")).process("pi-" + run, "Task_Request");

    assertThat(enqueue(request)).isEqualTo(2);
    assertThat(enqueue(request)).isZero();
    sender.sweep();
    assertThat(enqueue(request)).as("also after sending").isZero();

    assertThat(rows(key)).hasSize(2);
    assertThat(Inbox.to("oscar@cordon.example")).hasSize(1);
    assertThat(Inbox.to("olivia@cordon.example")).hasSize(1);
    List<EvidenceEvent> events = evidence.page(0, Integer.MAX_VALUE).stream()
        .filter(e -> e.type().equals(Notifications.NOTIFICATION_QUEUED) && e.payload().contains(key)).toList();
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.payload()).contains("\"recipients\":2", "\"kind\":\"NOTICE\"");
      assertThat(e.processInstanceId()).isEqualTo("pi-" + run);
      assertThat(e.activityId()).isEqualTo("Task_Request");
      assertThat(e.actor()).isEqualTo("system");
    });
  }

  @Test
  void aRolledBackStepQueuesNothing() {
    String key = "test:" + run + ":rollback";
    try {
      tx.executeWithoutResult(s -> {
        notifications.enqueue(MailRequest.notice(key, "Never", List.of(), recipients.group("legal")));
        throw new IllegalStateException("the step failed after queueing its mail");
      });
    } catch (IllegalStateException expected) {
      // the step's failure
    }
    assertThat(rows(key)).isEmpty();
  }

  @Test
  void enqueueJoinsTheCallersTransactionAndRefusesToRunWithoutOne() {
    assertThatThrownBy(() -> notifications.enqueue(MailRequest.notice("test:" + run + ":notx", "x", List.of(),
        recipients.group("legal")))).isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void twoConcurrentSweepsSendEveryMessageExactlyOnce() throws Exception {
    List<Recipient> to = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      to.add(new Recipient(null, "Reader " + i, "reader" + i + "-" + run + "@partner.example", ZoneId.of("UTC")));
    }
    String key = "test:" + run + ":concurrent";
    tx.executeWithoutResult(s -> notifications.enqueue(MailRequest.notice(key, "Notice " + run, List.of("Hello"), to)));

    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<SweepResult> results = new ArrayList<>();
    try {
      List<Future<SweepResult>> futures = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          return sender.sweep();
        }));
      }
      for (Future<SweepResult> f : futures) {
        results.add(f.get());
      }
    } finally {
      pool.shutdown();
    }

    assertThat(results.stream().mapToInt(SweepResult::sent).sum()).isEqualTo(40);
    assertThat(results.stream().mapToInt(SweepResult::claimed).sum()).isEqualTo(40);
    List<Map<String, Object>> rows = rows(key);
    assertThat(rows).hasSize(40).allSatisfy(row -> {
      assertThat(row.get("STATUS")).isEqualTo("SENT");
      assertThat(((Number) row.get("ATTEMPTS")).intValue()).isEqualTo(1);
    });
    List<String> ids = new ArrayList<>();
    for (MimeMessage m : Inbox.server().getReceivedMessages()) {
      if (m.getSubject().equals("Notice " + run)) {
        ids.add(m.getMessageID());
      }
    }
    assertThat(ids).hasSize(40).doesNotHaveDuplicates();
  }

  @Test
  void anUnreachableServerKeepsMailPendingWithoutUsingUpItsAttempts() throws Exception {
    String key = "test:" + run + ":down";
    tx.executeWithoutResult(s -> notifications.enqueue(MailRequest.notice(key, "Waits", List.of(), recipients.group("legal"))));
    JavaMailSenderImpl nowhere = new JavaMailSenderImpl();
    nowhere.setHost("127.0.0.1");
    nowhere.setPort(closedPort());

    SweepResult result = senderWith(nowhere, MailRendererTest.PROPERTIES).sweep();

    assertThat(result.serverUnavailable()).isTrue();
    assertThat(result.sent()).isZero();
    Map<String, Object> row = rows(key).get(0);
    assertThat(row.get("STATUS")).isEqualTo("PENDING");
    assertThat(((Number) row.get("ATTEMPTS")).intValue()).isZero();
    assertThat((String) row.get("LAST_ERROR")).contains("Connect").doesNotContain("\n", "\tat ");

    assertThat(sender.sweep().sent()).as("sent once the server is back").isEqualTo(1);
    assertThat(Inbox.to("lena@cordon.example")).hasSize(1);
  }

  @Test
  void aRejectedMessageBacksOffAndFailsAfterItsLastAttempt() {
    String key = "test:" + run + ":rejected";
    tx.executeWithoutResult(s -> notifications.enqueue(MailRequest.notice(key, "Rejected", List.of(), recipients.group("legal"))));
    JavaMailSenderImpl rejecting = new JavaMailSenderImpl() {
      @Override
      protected void doSend(jakarta.mail.internet.MimeMessage[] messages, Object[] originals) {
        throw new MailSendException("550 5.1.1 mailbox unavailable");
      }
    };
    NotificationProperties twoAttempts = new NotificationProperties("cordon@cordon.example", ZoneId.of("UTC"), "admins",
        false, Duration.ofSeconds(15), 50, Duration.ofMinutes(5), Duration.ZERO, Duration.ZERO, 2);
    OutboxSender failing = senderWith(rejecting, twoAttempts);

    assertThat(failing.sweep().retrying()).isEqualTo(1);
    Map<String, Object> row = rows(key).get(0);
    assertThat(row.get("STATUS")).isEqualTo("PENDING");
    assertThat(((Number) row.get("ATTEMPTS")).intValue()).isEqualTo(1);
    assertThat((String) row.get("LAST_ERROR")).contains("550 5.1.1 mailbox unavailable");

    assertThat(failing.sweep().failed()).isEqualTo(1);
    assertThat(rows(key).get(0).get("STATUS")).isEqualTo("FAILED");
    assertThat(sender.sweep().claimed()).as("a failed mail is not retried").isZero();
  }

  @Test
  void aClaimLeftByAStoppedNodeIsReleasedAndSentWhileAFreshClaimIsLeftAlone() throws Exception {
    String stale = "test:" + run + ":stale";
    String fresh = "test:" + run + ":fresh";
    tx.executeWithoutResult(s -> {
      notifications.enqueue(MailRequest.notice(stale, "Stale " + run, List.of(), recipients.group("legal")));
      notifications.enqueue(MailRequest.notice(fresh, "Fresh " + run, List.of(), recipients.group("legal")));
    });
    Instant now = Instant.now();
    jdbc.update("update mail_outbox set status = 'SENDING', claimed_by = 'stopped-node#1', claimed_at = ?, attempts = 1 "
        + "where mail_key = ?", Timestamp.from(now.minus(Duration.ofMinutes(10))), stale);
    jdbc.update("update mail_outbox set status = 'SENDING', claimed_by = 'busy-node#1', claimed_at = ?, attempts = 1 "
        + "where mail_key = ?", Timestamp.from(now.minus(Duration.ofMinutes(1))), fresh);
    try {
      SweepResult result = sender.sweep();

      assertThat(result.released()).isEqualTo(1);
      assertThat(rows(stale).get(0).get("STATUS")).isEqualTo("SENT");
      assertThat(((Number) rows(stale).get(0).get("ATTEMPTS")).intValue()).isEqualTo(2);
      assertThat(rows(fresh).get(0).get("STATUS")).isEqualTo("SENDING");
      assertThat(Inbox.to("lena@cordon.example")).extracting(MimeMessage::getSubject).containsExactly("Stale " + run);
    } finally {
      jdbc.update("update mail_outbox set status = 'SENT' where mail_key = ?", fresh);
    }
  }

  @Test
  void recipientsOfAGroupAreItsMembersWithAnAddressOncePerAddress() {
    assertThat(recipients.group("legal")).extracting(Recipient::email).containsExactly("lena@cordon.example");
    assertThat(recipients.escalation()).extracting(Recipient::userId).containsExactly("ada");
    assertThat(recipients.user("no-such-user")).isEmpty();
    List<Recipient> both = new ArrayList<>(recipients.group("secret-owners"));
    both.addAll(recipients.users(List.of("oscar")));
    assertThat(Recipients.distinct(both)).extracting(Recipient::userId).containsExactly("olivia", "oscar");
  }

  private int enqueue(MailRequest request) {
    Integer queued = tx.execute(s -> notifications.enqueue(request));
    return queued == null ? -1 : queued;
  }

  private List<Map<String, Object>> rows(String key) {
    return jdbc.queryForList("select * from mail_outbox where mail_key = ? order by id", key);
  }

  private OutboxSender senderWith(JavaMailSender mailSender, NotificationProperties properties) {
    ObjectProvider<JavaMailSender> provider = new StaticListableBeanFactory(Map.of("mailSender", mailSender))
        .getBeanProvider(JavaMailSender.class);
    return new OutboxSender(outbox, provider, properties, java.util.List.of());
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
