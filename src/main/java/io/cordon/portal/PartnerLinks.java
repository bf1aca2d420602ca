package io.cordon.portal;

import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.notification.MailPlaceholders;
import io.cordon.partner.Contact;
import io.cordon.partner.PartnerStatus;
import io.cordon.partner.PartnerStatusChanged;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Partner links for process modules: created with the request (in its transaction), sent through the outbox with a
 * placeholder that becomes a fresh token only when the mail goes out, withdrawn when the request ends or the partner
 * is suspended, offboarded or rejected.
 */
@Service
public class PartnerLinks implements MailPlaceholders {

  static final String PLACEHOLDER = "partner-link";
  static final String PATH = "/partner/r/";
  private static final Set<PartnerStatus> WITHDRAWING = Set.of(PartnerStatus.SUSPENDED, PartnerStatus.OFFBOARDED,
      PartnerStatus.REJECTED);

  private final PartnerLinkStore store;
  private final TaskRequestStore requests;
  private final PortalProperties properties;
  private final EvidenceChain evidence;
  private final Respondents respondents;
  private final TransactionTemplate ownTransaction;
  private final String baseUrl;

  PartnerLinks(PartnerLinkStore store, TaskRequestStore requests, PortalProperties properties, EvidenceChain evidence, Respondents respondents,
      PlatformTransactionManager transactions, @Value("${cordon.base-url:http://localhost:8080}") String baseUrl) {
    this.store = store;
    this.requests = requests;
    this.properties = properties;
    this.evidence = evidence;
    this.respondents = respondents;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** A link of one request for one contact: what its mail carries. */
  public record Created(long id, Contact contact, String url) {
  }

  /**
   * One link per contact (an address listed twice gets one), in the caller's transaction. The URLs returned hold a
   * placeholder for the token: put them in a mail through the outbox, which resolves it when it sends.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Created> create(String kind, long requestId, String partnerCode, List<Contact> contacts,
      String processInstanceId) {
    Instant now = now();
    List<Created> created = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Contact c : contacts) {
      if (c.email() == null || !seen.add(c.email().strip().toLowerCase(Locale.ROOT))) {
        continue;
      }
      long id = store.insert(kind, requestId, partnerCode, c.name(), c.email().strip(), c.role(), processInstanceId, now,
          now.plus(properties.linkValidity()));
      created.add(new Created(id, c, url(id)));
    }
    return created;
  }

  /**
   * The request ended (answered, lapsed, cancelled): its links that are still open stop working, except the one
   * whose answer is being applied right now.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int withdraw(String kind, long requestId, String reason) {
    Long answering = respondents.current().map(Respondent::linkId).orElse(null);
    return store.revokeRequest(kind, requestId, answering, now(), reason);
  }

  /** A link's address with the placeholder the outbox resolves when it sends (a fresh token each time). */
  String url(long linkId) {
    return baseUrl + PATH + MailPlaceholders.of(PLACEHOLDER, linkId);
  }

  /**
   * The open task a link of a {@link PartnerTaskRequest} answers: empty when the task completed or was cancelled.
   */
  @Transactional(readOnly = true)
  public Optional<String> openTask(PartnerLink link) {
    return requests.find(link.requestId()).filter(r -> r.open() && r.kind().equals(link.kind()))
        .map(TaskRequestStore.TaskRequest::taskId);
  }

  /** How long a link works after it was sent. */
  public java.time.Duration validity() {
    return properties.linkValidity();
  }

  @Transactional(readOnly = true)
  public List<PartnerLink> ofRequest(String kind, long requestId) {
    return store.ofRequest(kind, requestId);
  }

  @Transactional(readOnly = true)
  public List<Submission> submissions(String kind, long requestId) {
    return store.submissions(kind, requestId);
  }

  /** A suspended, offboarded or rejected partner's open links stop working, in the transaction of the change. */
  @EventListener
  void partnerStatusChanged(PartnerStatusChanged change) {
    if (WITHDRAWING.contains(change.to())) {
      int withdrawn = store.revokePartner(change.partnerCode(), now(), "partner " + change.to().name().toLowerCase(Locale.ROOT));
      if (withdrawn > 0) {
        evidence.append(EvidenceRecord.of("PARTNER_LINKS_WITHDRAWN").partner(change.partnerCode())
            .payload(Map.of("links", withdrawn, "reason", "partner " + change.to().name())));
      }
    }
  }

  // ---- the outbox asks when it sends ----

  @Override
  public String prefix() {
    return PLACEHOLDER;
  }

  /**
   * A fresh token for the link, committed before the mail goes out; a link already used or withdrawn gets none. A mail
   * sent again (a retry) carries a new token, and the one before stops working.
   */
  @Override
  public Optional<String> resolve(String argument) {
    long id;
    try {
      id = Long.parseLong(argument);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return ownTransaction.execute(status -> {
      Optional<PartnerLink> link = store.find(id, true);
      if (link.isEmpty() || link.get().usedAt() != null || link.get().revokedAt() != null) {
        return Optional.<String>empty();
      }
      String token = LinkTokens.generate();
      Instant now = now();
      store.issue(id, LinkTokens.hash(token), now, now.plus(properties.linkValidity()));
      return Optional.of(token);
    });
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
  }
}
