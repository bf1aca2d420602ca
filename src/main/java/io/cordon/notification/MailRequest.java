package io.cordon.notification;

import java.util.List;

/**
 * A mail to enqueue. {@code key} makes it idempotent: enqueueing the same key again (a retried job, a step run twice)
 * adds nothing for recipients that already have it. Build keys from the process instance, the activity or task and
 * the period, e.g. {@code 4711:Task_ReviewNda:reminder} or {@code recert:P-0042:2025}.
 *
 * <p>Reminders and escalations need {@link #task}; notices need a subject and say what they say in {@code paragraphs}
 * (plain text, escaped when rendered). Partner and secrets are optional.
 */
public record MailRequest(String key, MailKind kind, List<Recipient> recipients, String subject, List<String> paragraphs,
    TaskFacts task, PartnerLine partner, List<SecretLine> secrets, String processInstanceId, String activityId,
    Action action) {

  /**
   * A button (and the same address in the text part) for an outside recipient: what to do and where. The address may
   * hold a placeholder that is resolved only when the mail is sent ({@link MailPlaceholders}).
   */
  public record Action(String label, String url) {
  }

  static final int MAX_KEY_LENGTH = 200;

  public MailRequest {
    if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("mail key is required, at most " + MAX_KEY_LENGTH + " characters");
    }
    if (kind == null) {
      throw new IllegalArgumentException("mail kind is required");
    }
    if (kind != MailKind.NOTICE && task == null) {
      throw new IllegalArgumentException(kind + " needs the task it is about");
    }
    if (kind == MailKind.NOTICE && (subject == null || subject.isBlank())) {
      throw new IllegalArgumentException("a notice needs a subject");
    }
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
    paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
  }

  public static MailRequest taskReminder(String key, TaskFacts task, List<Recipient> to) {
    return new MailRequest(key, MailKind.TASK_REMINDER, to, null, null, task, null, null, null, null, null);
  }

  public static MailRequest taskEscalation(String key, TaskFacts task, List<Recipient> to) {
    return new MailRequest(key, MailKind.TASK_ESCALATION, to, null, null, task, null, null, null, null, null);
  }

  public static MailRequest notice(String key, String subject, List<String> paragraphs, List<Recipient> to) {
    return new MailRequest(key, MailKind.NOTICE, to, subject, paragraphs, null, null, null, null, null, null);
  }

  /** A notice may point to a task too (e.g. the re-certification task to complete). */
  public MailRequest task(TaskFacts facts) {
    return new MailRequest(key, kind, recipients, subject, paragraphs, facts, partner, secrets, processInstanceId, activityId,
        action);
  }

  public MailRequest partner(String code, String name) {
    return new MailRequest(key, kind, recipients, subject, paragraphs, task, new PartnerLine(code, name), secrets,
        processInstanceId, activityId, action);
  }

  public MailRequest secrets(List<SecretLine> lines) {
    return new MailRequest(key, kind, recipients, subject, paragraphs, task, partner, lines, processInstanceId, activityId,
        action);
  }

  /** The process step that asked for the mail, for the evidence event and the outbox row. */
  public MailRequest process(String processInstance, String activity) {
    return new MailRequest(key, kind, recipients, subject, paragraphs, task, partner, secrets, processInstance, activity,
        action);
  }

  /** A notice for an outside recipient may carry one action: a button with the address it opens. */
  public MailRequest action(String label, String url) {
    return new MailRequest(key, kind, recipients, subject, paragraphs, task, partner, secrets, processInstanceId,
        activityId, new Action(label, url));
  }
}
