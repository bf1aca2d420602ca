package io.cordon.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.secret.Classification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailRendererTest {

  static final NotificationProperties PROPERTIES = new NotificationProperties("cordon@cordon.example",
      ZoneId.of("Europe/Berlin"), "admins", false, Duration.ofSeconds(15), 50, Duration.ofMinutes(5),
      Duration.ofMinutes(1), Duration.ofHours(1), 8);

  final MailRenderer renderer = new MailRenderer(PROPERTIES, "https://cordon.example/");
  final Recipient lena = new Recipient("lena", "Lena Legal", "lena@cordon.example", null);
  final TaskFacts task = new TaskFacts("task-42", "Review NDA", Instant.parse("2025-06-13T15:00:00Z"), "group legal");
  final List<SecretLine> secrets = List.of(
      new SecretLine("TS-0001", Classification.SECRET, "Coating recipe"),
      new SecretLine("TS-0002", Classification.CROWN_JEWEL, "Wafer bonding process"));

  @Test
  void reminderHasHtmlAndTextWithTheTasklistLinkAndTheDueDateInTheDefaultZone() {
    MailRenderer.Rendered mail = renderer.render(MailRequest.taskReminder("k", task, List.of(lena))
        .partner("P-0007", "Acme Tooling GmbH"), lena);

    assertThat(mail.subject()).isEqualTo("Reminder: Review NDA (P-0007) is due Fri 13 Jun 2025, 17:00 CEST");
    String link = "https://cordon.example/camunda/app/tasklist/default/#/?task=task-42";
    assertThat(mail.html()).contains("Hello <span>Lena Legal</span>", "href=\"" + link + "\"", "Review NDA",
        "Fri 13 Jun 2025, 17:00 CEST", "P-0007 Acme Tooling GmbH").startsWith("<!DOCTYPE html>");
    assertThat(mail.text()).contains("Hello Lena Legal,", "Task:    Review NDA", "Due:     Fri 13 Jun 2025, 17:00 CEST",
        "Partner: P-0007 Acme Tooling GmbH", link).doesNotContain("<", "th:");
  }

  @Test
  void aCrownJewelsTitleNeverAppearsWhileASecretsTitleDoes() {
    for (MailRequest request : List.of(MailRequest.taskReminder("k", task, List.of(lena)).secrets(secrets),
        MailRequest.taskEscalation("k", task, List.of(lena)).secrets(secrets),
        MailRequest.notice("k", "Disclosure suspended", List.of("The disclosure is suspended."), List.of(lena)).secrets(secrets))) {
      MailRenderer.Rendered mail = renderer.render(request, lena);
      assertThat(mail.html() + mail.text() + mail.subject()).as(request.kind().name())
          .contains("TS-0001", "Coating recipe", "TS-0002", "CROWN_JEWEL")
          .doesNotContain("Wafer bonding process");
    }
  }

  @Test
  void everyValueIsEscapedInHtml() {
    TaskFacts evil = new TaskFacts("t&1", "<script>alert(1)</script>", null, "<b>me</b>");
    MailRenderer.Rendered mail = renderer.render(MailRequest.taskEscalation("k", evil, List.of(lena))
        .partner("P-1", "Bad & <i>Co</i>"), new Recipient("x", "<img src=x>", "x@cordon.example", null));

    assertThat(mail.html()).doesNotContain("<script>", "<img", "<b>me", "<i>Co")
        .contains("&lt;script&gt;", "&lt;img src=x&gt;", "Bad &amp; &lt;i&gt;Co&lt;/i&gt;", "?task=t%261");
  }

  @Test
  void dueDateIsShownInTheRecipientsZone() {
    Recipient wei = new Recipient("wei", "Li Wei", "wei@cordon.example", ZoneId.of("Asia/Shanghai"));
    MailRenderer.Rendered mail = renderer.render(MailRequest.taskReminder("k", task, List.of(wei)), wei);
    assertThat(mail.subject()).endsWith("is due Fri 13 Jun 2025, 23:00 CST");
  }

  @Test
  void aNoticeSaysWhatTheCallerSaysAndKeepsTheSubjectOnOneLine() {
    MailRenderer.Rendered mail = renderer.render(MailRequest.notice("k", "Re-certification\r\nBcc: evil@example.com",
        List.of("Please re-certify.", "Second paragraph."), List.of(lena)), lena);

    assertThat(mail.subject()).isEqualTo("Re-certification Bcc: evil@example.com");
    assertThat(mail.html()).contains("<p>Please re-certify.</p>", "<p>Second paragraph.</p>").doesNotContain("tasklist");
    assertThat(mail.text()).contains("Please re-certify.", "Second paragraph.");
  }

  @Test
  void everyKindHasAnHtmlAndATextTemplateAndEveryFieldHasAPlace() throws Exception {
    StringBuilder all = new StringBuilder();
    for (MailKind kind : MailKind.values()) {
      for (String suffix : List.of(".html", ".txt")) {
        Path file = Path.of("templates/mail", kind.template() + suffix);
        assertThat(file).as(kind + " template").exists();
        all.append(Files.readString(file));
      }
    }
    all.append(Files.readString(Path.of("templates/mail/parts.html")));
    for (String field : List.of("${recipient}", "${subject}", "${task.name}", "${task.due}", "${task.link}",
        "${task.heldBy}", "partner.code", "partner.name", "${s.code}", "${s.classification}", "${s.title}", "${paragraph}")) {
      assertThat(all).as("a place for " + field).contains(field);
    }
  }

  @Test
  void backoffDoublesUpToTheMaximum() {
    assertThat(PROPERTIES.backoff(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(PROPERTIES.backoff(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(PROPERTIES.backoff(30)).isEqualTo(Duration.ofHours(1));
  }
}
