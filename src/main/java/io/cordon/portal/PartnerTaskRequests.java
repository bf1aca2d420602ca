package io.cordon.portal;

import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.notification.MailRequest;
import io.cordon.notification.Notifications;
import io.cordon.notification.Recipient;
import io.cordon.notification.TaskReminderListener;
import io.cordon.partner.Contact;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.partner.PartnerView;
import io.cordon.platform.ConflictException;
import io.cordon.platform.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner requests that wait at a user task ({@link PartnerTaskRequest}), in the engine's transaction: the task is
 * created, so the partner's contacts get their links by mail ({@code PARTNER_REQUEST_SENT}); the task completes or is
 * cancelled, so the links still open are withdrawn; a reminder of the task sends each contact whose link is still
 * open the same link with a fresh token; procurement can send new links.
 */
@Service
public class PartnerTaskRequests implements TaskReminderListener {

  /** The process variable that names the partner, as every model keeps it. */
  static final String PARTNER_CODE = "partnerCode";
  private static final Set<PartnerStatus> CLOSED = Set.of(PartnerStatus.SUSPENDED, PartnerStatus.OFFBOARDED,
      PartnerStatus.REJECTED);

  private final Map<String, PartnerTaskRequest> byTask = new HashMap<>();
  private final Map<String, PartnerTaskRequest> byKind = new HashMap<>();
  private final TaskRequestStore store;
  private final PartnerLinks links;
  private final PartnerService partners;
  private final Notifications notifications;
  private final EvidenceChain evidence;
  private final Respondents respondents;

  PartnerTaskRequests(List<PartnerTaskRequest> types, TaskRequestStore store, PartnerLinks links,
      PartnerService partners, Notifications notifications, EvidenceChain evidence, Respondents respondents) {
    this.respondents = respondents;
    types.forEach(t -> byTask.put(t.processKey() + "#" + t.taskKey(), t));
    types.forEach(t -> byKind.put(t.kind(), t));
    this.store = store;
    this.links = links;
    this.partners = partners;
    this.notifications = notifications;
    this.evidence = evidence;
  }

  /** Whether a partner can answer this task of this model. */
  public boolean answerable(String processKey, String taskKey) {
    return byTask.containsKey(processKey + "#" + taskKey);
  }

  /** The task was created: the request goes to the partner's contacts (none if the partner cannot be asked now). */
  @Transactional
  public void opened(String processKey, DelegateTask task) {
    PartnerTaskRequest type = byTask.get(processKey + "#" + task.getTaskDefinitionKey());
    if (type == null || !(task.getVariable(PARTNER_CODE) instanceof String partnerCode) || partnerCode.isBlank()) {
      return;
    }
    PartnerView partner = partners.get(partnerCode);
    if (CLOSED.contains(partner.status())) {
      return;
    }
    long id = store.insert(type.kind(), partnerCode, task.getProcessInstanceId(), task.getId(),
        task.getTaskDefinitionKey(), PartnerLinks.now());
    send(type, id, partner, task.getProcessInstanceId(), due(task), "sent");
  }

  /** The task completed or was cancelled: its request's links still open stop working. */
  @Transactional
  public void ended(DelegateTask task, boolean completed) {
    String reason = !completed ? "the request was cancelled" : respondents.current().isPresent()
        ? "answered by another contact" : "answered in Tasklist on the partner's behalf";
    store.ofTask(task.getId()).filter(TaskRequestStore.TaskRequest::open).ifPresent(r -> {
      store.close(r.id(), PartnerLinks.now(), reason);
      links.withdraw(r.kind(), r.id(), reason);
    });
  }

  /**
   * A reminder of the task: each contact whose link is still open (not used, not withdrawn; expired is fine) gets the
   * request again with a fresh token for the same link, which extends it; the earlier token stops working. Nothing
   * for a task that is no partner request, or whose partner cannot be asked now.
   */
  @Override
  @Transactional
  public void reminded(String taskId, Instant due, String occasion) {
    Optional<TaskRequestStore.TaskRequest> request = store.ofTask(taskId).filter(TaskRequestStore.TaskRequest::open);
    PartnerTaskRequest type = request.map(r -> byKind.get(r.kind())).orElse(null);
    if (type == null) {
      return;
    }
    PartnerView partner = partners.get(request.get().partnerCode());
    if (CLOSED.contains(partner.status())) {
      return;
    }
    PartnerTaskRequest.Invitation invitation = type.invitation(partner, due, true);
    int queued = 0;
    for (PartnerLink link : links.ofRequest(type.kind(), request.get().id())) {
      if (link.usedAt() == null && link.revokedAt() == null) {
        Contact contact = new Contact(link.contactName(), link.contactEmail(), link.contactRole());
        queued += mail("partner-request:" + request.get().id() + ":" + link.id() + ":" + occasion, invitation, partner,
            new PartnerLinks.Created(link.id(), contact, links.url(link.id())));
      }
    }
    if (queued > 0) {
      evidence.append(EvidenceRecord.of("PARTNER_REQUEST_REMINDED").partner(partner.code())
          .process(request.get().processInstanceId(), request.get().taskKey())
          .payload(facts("request", type.kind(), "requestId", request.get().id(), "mails", queued, "occasion", occasion)));
    }
  }

  /** The links of the request waiting at this task, oldest first (empty if none waits there). */
  @Transactional(readOnly = true)
  public List<PartnerLink> linksOfTask(String taskId) {
    return store.ofTask(taskId).map(r -> links.ofRequest(r.kind(), r.id())).orElse(List.of());
  }

  /** Whether a partner request waits at this task (its links can be sent again). */
  @Transactional(readOnly = true)
  public boolean waitsAt(String taskId) {
    return store.ofTask(taskId).filter(TaskRequestStore.TaskRequest::open).isPresent();
  }

  /**
   * Procurement sends new links for the request waiting at this task: the old ones stop working, each contact as the
   * partner holds them now gets a new one. Returns the links sent.
   */
  @Transactional
  public int resend(String taskId, Instant due) {
    TaskRequestStore.TaskRequest request = store.ofTask(taskId).filter(TaskRequestStore.TaskRequest::open)
        .orElseThrow(() -> new NotFoundException("This task is not answered by the partner through a link."));
    PartnerTaskRequest type = byKind.get(request.kind());
    PartnerView partner = partners.get(request.partnerCode());
    if (CLOSED.contains(partner.status())) {
      throw new ConflictException(partner.code() + " is " + partner.status() + ": no links are sent to it.");
    }
    if (partner.contacts().isEmpty()) {
      throw new ConflictException(partner.code() + " has no contact to send a link to: add one to the partner first.");
    }
    int withdrawn = links.withdraw(type.kind(), request.id(), "a new link was sent");
    return send(type, request.id(), partner, request.processInstanceId(), due, "new links (" + withdrawn + " withdrawn)");
  }

  private int send(PartnerTaskRequest type, long requestId, PartnerView partner, String processInstanceId, Instant due,
      String what) {
    List<PartnerLinks.Created> sent = links.create(type.kind(), requestId, partner.code(), partner.contacts(),
        processInstanceId);
    PartnerTaskRequest.Invitation invitation = type.invitation(partner, due, false);
    int queued = 0;
    for (PartnerLinks.Created link : sent) {
      queued += mail("partner-request:" + requestId + ":" + link.id(), invitation, partner, link);
    }
    evidence.append(EvidenceRecord.of("PARTNER_REQUEST_SENT").partner(partner.code()).process(processInstanceId, null)
        .payload(facts("request", type.kind(), "requestId", requestId, "links", sent.size(), "mails", queued,
            "what", what)));
    return sent.size();
  }

  private int mail(String key, PartnerTaskRequest.Invitation invitation, PartnerView partner, PartnerLinks.Created link) {
    List<String> paragraphs = new ArrayList<>(invitation.paragraphs());
    paragraphs.add("The link is for you alone, works once and for " + links.validity().toDays() + " days. No account "
        + "is needed. If it no longer works, ask your contact at our procurement department for a new one.");
    Contact c = link.contact();
    return notifications.enqueue(MailRequest.notice(key, invitation.subject(), paragraphs,
            List.of(new Recipient(null, c.name(), c.email(), null)))
        .partner(partner.code(), partner.legalName()).action(invitation.action(), link.url()));
  }

  private static Instant due(DelegateTask task) {
    return task.getDueDate() == null ? null : task.getDueDate().toInstant();
  }

  private static Map<String, Object> facts(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
