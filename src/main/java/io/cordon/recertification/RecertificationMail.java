package io.cordon.recertification;

import io.cordon.notification.MailRequest;
import io.cordon.notification.Notifications;
import io.cordon.notification.Recipient;
import io.cordon.notification.Recipients;
import io.cordon.notification.SecretLine;
import io.cordon.notification.TaskFacts;
import io.cordon.partner.Contact;
import io.cordon.partner.PartnerView;
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
   * The period's request: to the partner's contacts (the list of disclosures to attest and the due date) and to the
   * responsible procurement user (or, if none is known, the procurement group), with the way to Tasklist.
   */
  int request(String key, PartnerView partner, Period period, List<SecretLine> secrets, String responsibleUser) {
    List<Recipient> contacts = new ArrayList<>();
    for (Contact c : partner.contacts()) {
      contacts.add(new Recipient(null, c.name(), c.email(), null));
    }
    String due = companyTime.format(period.dueAt());
    int queued = notifications.enqueue(MailRequest.notice(key + ":partner",
            "Re-certification due " + due + ": " + partner.legalName(),
            List.of("Please confirm, for each item we disclosed to you under our confidentiality agreement, who holds it "
                    + "today (named persons), whether you still need it, and any incident or onward disclosure since the "
                    + "last re-certification. Reply to your contact at our procurement department by " + due + ".",
                "If we do not hear from you in time, the disclosures listed below are suspended."), contacts)
        .partner(partner.code(), partner.legalName()).secrets(secrets));
    List<Recipient> internal = responsibleUser == null ? recipients.group("procurement")
        : recipients.user(responsibleUser).map(List::of).orElseGet(() -> recipients.group("procurement"));
    queued += notifications.enqueue(MailRequest.notice(key + ":procurement",
            "Re-certification requested: " + partner.code() + " " + partner.legalName(),
            List.of("The partner has been asked to re-certify the disclosures below. Record its answers in the task '"
                + ATTEST_TASK_NAME + "' in Tasklist before the due date; without them, the partner is suspended "
                + "when the grace period ends."), internal)
        .task(new TaskFacts(null, ATTEST_TASK_NAME, period.dueAt(), "group procurement"))
        .partner(partner.code(), partner.legalName()).secrets(secrets));
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
