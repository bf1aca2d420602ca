package io.cordon.leak;

import io.cordon.notification.MailRequest;
import io.cordon.notification.Notifications;
import io.cordon.notification.Recipient;
import io.cordon.notification.Recipients;
import io.cordon.notification.SecretLine;
import io.cordon.secret.SecretRef;
import io.cordon.secret.SecretService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The mail of the leak response, through the outbox. Secrets are named by code and classification only, never by
 * title, whoever receives the mail: a leak mail about a crown jewel says nothing of what the crown jewel is.
 */
@Component
class LeakMail {

  private final Notifications notifications;
  private final Recipients recipients;
  private final SecretService secrets;
  private final String managementGroup;

  LeakMail(Notifications notifications, Recipients recipients, SecretService secrets,
      @Value("${cordon.leak.management-group:admins}") String managementGroup) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.secrets = secrets;
    this.managementGroup = managementGroup;
  }

  /** The owners hear what was suspended. */
  int contained(String key, String incident, List<String> secretCodes, LeakService.Scope scope, int suspended, int partners) {
    String what = switch (scope) {
      case NONE -> "No disclosure was suspended: security decided to keep them.";
      case SUSPECTED_PARTNERS -> suspended + " disclosure(s) to the " + partners + " suspected partner(s) are suspended.";
      case ALL_HOLDERS -> suspended + " disclosure(s) to all " + partners + " holder(s) are suspended.";
    };
    return notifications.enqueue(MailRequest.notice(key, "Leak incident " + incident + ": disclosures suspended",
        List.of("Containment of leak incident " + incident + " concerning the secrets below. " + what,
            "Reinstating a disclosure goes through the disclosure gate once the incident allows it."), owners(secretCodes))
        .secrets(lines(secretCodes)));
  }

  /** Owners and management hear of the incident; with personal data, of the regulator deadline too. */
  int notified(String key, String incident, List<String> secretCodes, String assessment, RegulatorDeadlines.Deadline deadline) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Leak incident " + incident + " concerns the secrets below. Assessment: "
        + (assessment == null ? "pending" : assessment.replace('_', ' ').toLowerCase(java.util.Locale.ROOT)) + ".");
    if (deadline != null) {
      paragraphs.add("Personal data is involved: the data-protection regulator (" + deadline.regime() + ") must be notified by "
          + deadline.due() + " (UTC), " + deadline.hours() + " hours after discovery. Legal has a task for the assessment.");
    }
    List<Recipient> to = new ArrayList<>(owners(secretCodes));
    to.addAll(recipients.group(managementGroup));
    return notifications.enqueue(MailRequest.notice(key, "Leak incident " + incident + " reported", paragraphs,
        Recipients.distinct(to)).secrets(lines(secretCodes)));
  }

  private List<Recipient> owners(List<String> secretCodes) {
    Map<String, SecretRef> refs = secrets.resolve(secretCodes);
    return recipients.users(refs.values().stream().map(SecretRef::ownerId).filter(o -> o != null).distinct().toList());
  }

  private List<SecretLine> lines(List<String> secretCodes) {
    return secrets.resolve(secretCodes).values().stream().map(s -> new SecretLine(s.code(), s.classification(), null)).toList();
  }
}
