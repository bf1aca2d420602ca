package io.cordon.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class OutboxSenderTest {

  @Test
  void aSentMessageIsRecordedEvenWhenTheFirstAttemptLosesADeadlockToAnotherNode() {
    List<String> sent = new ArrayList<>();
    JavaMailSenderImpl smtp = new JavaMailSenderImpl() {
      @Override
      protected void doSend(MimeMessage[] messages, Object[] originals) {
        sent.add("one");
      }
    };
    OneRowOutbox outbox = new OneRowOutbox(1);
    OutboxSender sender = new OutboxSender(outbox,
        new StaticListableBeanFactory(Map.of("mailSender", smtp)).getBeanProvider(JavaMailSender.class),
        new NotificationProperties("cordon@cordon.example", ZoneId.of("UTC"), "admins", false, Duration.ofSeconds(15),
            50, Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofHours(1), 8), java.util.List.of());

    SweepResult result = sender.sweep();

    assertThat(sent).hasSize(1);
    assertThat(result.sent()).isEqualTo(1);
    assertThat(outbox.markSentCalls).as("retried after the deadlock").isEqualTo(2);
  }

  /** One due row; recording it as sent loses {@code deadlocks} deadlocks first. */
  static class OneRowOutbox extends MailOutbox {

    int deadlocks;
    int markSentCalls;

    OneRowOutbox(int deadlocks) {
      super(null);
      this.deadlocks = deadlocks;
    }

    @Override
    int releaseExpired(Instant claimedBefore, Instant now, int maxAttempts) {
      return 0;
    }

    @Override
    List<Long> due(Instant now, int limit) {
      return List.of(7L);
    }

    @Override
    boolean claim(long id, String claimer, Instant now) {
      return true;
    }

    @Override
    Optional<Outgoing> load(long id) {
      return Optional.of(new Outgoing(id, "k", "jo@partner.example", "subject", "<p>html</p>", "text", "<m@cordon.example>", 1));
    }

    @Override
    boolean markSent(long id, String claimer, Instant now) {
      markSentCalls++;
      if (deadlocks-- > 0) {
        throw new DeadlockLoserDataAccessException("Deadlock found when trying to get lock", null);
      }
      return true;
    }
  }
}
