package io.cordon.recertification;

import io.cordon.notification.MailRequest;
import io.cordon.notification.Notifications;
import io.cordon.notification.Recipient;
import io.cordon.notification.Recipients;
import io.cordon.notification.SecretLine;
import io.cordon.notification.TaskFacts;
import io.cordon.partner.Contact;
import io.cordon.partner.PartnerView;
import io.cordon.portal.PartnerLinks;
import java.time.Duration;
import io.cordon.secret.SecretRef;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The mail re-certification sends, through the outbox. Keys are {@code processInstance:activity:period[:who]}, so a
 * retried job, or the same step on another node, queues nothing more.
 */
@Component
class RecertificationMail {

  static final String ATTEST_TASK_NAME = "Attest re-certification";
  private final Notifications notifications;
  private final Recipients recipients;
  private final DateTimeFormatter companyTime;

  RecertificationMail(Notifications notifications, Recipients recipients, RecertificationSchedule schedule) {
    this.notifications = notifications;
    this.recipients = recipients;
    // Partner contacts have no zone in Cordon: their dates are in the company's zone, with the zone named.
    this.companyTime = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH).withZone(schedule.getZone());
  }

  /**
   * The period's request: to each of the partner's contacts its own link to answer (and the list of disclosures and
   * the due date), and to the responsible procurement user (or, if none is known, the procurement group), who can
   * still answer in Tasklist on the partner's behalf.
   */
  int request(String key, PartnerView partner, Period period, List<SecretLine> secrets, String responsibleUser,
      List<PartnerLinks.Created> links, Duration validity) {
    int queued = links(key + ":partner", partner, period, secrets, links, validity);
    List<Recipient> internal = responsibleUser == null ? recipients.group("procurement")
        : recipients.user(responsibleUser).map(List::of).orElseGet(() -> recipients.group("procurement"));
    queued += notifications.enqueue(MailRequest.notice(key + ":procurement",
            "Re-certification requested: " + partner.code() + " " + partner.legalName(),
            List.of("The partner's contacts have been sent a link to attest the disclosures below themselves; their "
                + "answer completes the task '" + ATTEST_TASK_NAME + "'. If the partner cannot use the link, record its "
                + "answers in that task in Tasklist (marked as entered on the partner's behalf), or send a new link. "
                + "Without an answer by the due date, the partner is suspended when the grace period ends."), internal)
        .task(new TaskFacts(null, ATTEST_TASK_NAME, period.dueAt(), "group procurement"))
        .partner(partner.code(), partner.legalName()).secrets(secrets));
    return queued;
  }

  /** Each contact's link, in a mail of its own (the link answers for that contact only). */
  int links(String key, PartnerView partner, Period period, List<SecretLine> secrets, List<PartnerLinks.Created> links,
      Duration validity) {
    String due = companyTime.format(period.dueAt());
    int queued = 0;
    for (PartnerLinks.Created link : links) {
      Contact c = link.contact();
      queued += notifications.enqueue(MailRequest.notice(key,
              "Re-certification due " + due + ": " + partner.legalName(),
              List.of("Please confirm, for each item we disclosed to you under our confidentiality agreement, who holds it "
                      + "today (named persons), whether you still need it, and any incident or onward disclosure since the "
                      + "last re-certification. Answer by " + due + " through your personal link below.",
                  "The link is for you alone, works once and for " + validity.toDays() + " days. No account is needed. "
                      + "If it no longer works, ask your contact at our procurement department for a new one.",
                  "If we do not hear from you in time, the disclosures listed below are suspended."),
              List.of(new Recipient(null, c.name(), c.email(), null)))
          .partner(partner.code(), partner.legalName()).secrets(secrets)
          .action("Answer the re-certification", link.url()));
    }
    return queued;
  }

  /** Each affected secret's owner hears which of their secrets are suspended at this partner, and why. */
  int suspended(String key, PartnerView partner, Collection<SecretRef> affected, String why) {
    Map<String, List<SecretLine>> byOwner = new TreeMap<>();
    for (SecretRef s : affected) {
      byOwner.computeIfAbsent(s.ownerId(), o -> new ArrayList<>()).add(new SecretLine(s.code(), s.classification(), null));
    }
    int queued = 0;
    for (Map.Entry<String, List<SecretLine>> owner : byOwner.entrySet()) {
      List<Recipient> to = recipients.user(owner.getKey()).map(List::of).orElse(List.of());
      queued += notifications.enqueue(MailRequest.notice(key + ":" + owner.getKey(),
              "Disclosures suspended at " + partner.code() + " " + partner.legalName(),
              List.of("Your trade secrets listed below are suspended at this partner: " + why + ".",
                  "While suspended, nothing more is disclosed to the partner. Procurement has a task to resolve it; "
                      + "the suspension is lifted when it is resolved."), to)
          .partner(partner.code(), partner.legalName()).secrets(owner.getValue()));
    }
    return queued;
  }
}
