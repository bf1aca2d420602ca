package io.cordon.notification;

/** What a mail is about; each kind has an HTML and a text template in {@code templates/mail/}. */
public enum MailKind {
  /** A user task is due soon: to its assignee or candidates. */
  TASK_REMINDER("task-reminder"),
  /** A user task is overdue: to the escalation group. */
  TASK_ESCALATION("task-escalation"),
  /** Anything else a process tells people (re-certification requested, disclosure suspended): caller's subject and text. */
  NOTICE("notice");

  private final String template;

  MailKind(String template) {
    this.template = template;
  }

  /** Template name: {@code templates/mail/<name>.html} and {@code .txt}. */
  public String template() {
    return template;
  }
}
