package io.cordon.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceEvent;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.notification.MailRequest;
import io.cordon.notification.Notifications;
import io.cordon.notification.Recipient;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.partner.PartnerView;
import io.cordon.platform.NotFoundException;
import io.cordon.platform.PlainText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a link can do: show its request, take the contact's answer once. A submission is one transaction: the link is
 * locked, the answer applied (the process goes on), the submission kept exactly as hashed, its evidence event chained,
 * the link used, the request's other links withdrawn and the receipt queued; anything refused leaves nothing changed.
 */
@Service
class PortalService {

  static final String NAME = "respondentName";
  static final String ROLE = "respondentRole";
  static final String CONFIRM = "confirm";
  /** Fields the portal itself takes; everything else belongs to the request. */
  static final Set<String> OWN_FIELDS = Set.of(NAME, ROLE, CONFIRM, "lang");
  static final int MAX_NAME = 100;
  static final int MAX_ROLE = 60;

  private final PartnerLinkStore store;
  private final TaskRequestStore requests;
  private final Map<String, PartnerRequestType> types = new HashMap<>();
  private final PartnerService partners;
  private final EvidenceChain evidence;
  private final Notifications notifications;
  private final Respondents respondents;
  private final ObjectMapper canonical;

  PortalService(PartnerLinkStore store, TaskRequestStore requests, List<PartnerRequestType> types, PartnerService partners, EvidenceChain evidence,
      Notifications notifications, Respondents respondents) {
    this.store = store;
    this.requests = requests;
    types.forEach(t -> this.types.put(t.kind(), t));
    this.partners = partners;
    this.evidence = evidence;
    this.notifications = notifications;
    this.respondents = respondents;
    // Canonical: keys sorted, no indentation, so the same answer always gives the same bytes and hash.
    this.canonical = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  /** The link a token names, whatever its state (empty for a token that was never issued or was replaced). */
  @Transactional(readOnly = true)
  public Optional<PartnerLink> known(String token) {
    return LinkTokens.wellFormed(token) ? store.byHash(LinkTokens.hash(token), false) : Optional.empty();
  }

  /** A request's page, to answer. */
  @Transactional(readOnly = true)
  public Page page(String token, Map<String, List<String>> form) {
    PartnerLink link = usable(token, false);
    PartnerView partner = partners.get(link.partnerCode());
    return new Page(link, partner.legalName(), type(link).page(link, form));
  }

  record Page(PartnerLink link, String partnerName, PartnerRequestType.RequestPage request) {
  }

  /**
   * A document the request's page offers (the agreement to sign), while the link can still be answered; a name the
   * page does not offer is not found.
   */
  @Transactional(readOnly = true)
  public PartnerRequestType.Download download(String token, String fileName) {
    PartnerLink link = usable(token, false);
    PartnerRequestType type = type(link);
    if (!type.documents(link).contains(fileName)) {
      throw new NotFoundException("This request offers no document of that name.");
    }
    return type.document(link, fileName)
        .orElseThrow(() -> new NotFoundException("This request offers no document of that name."));
  }

  /** What the contact gets back: the page and the mail show the same. */
  record Receipt(PartnerLink link, String partnerName, String title, Respondent respondent, String sha256,
      long evidenceSeq, Instant submittedAt) {
  }

  @Transactional
  public Receipt submit(String token, Map<String, List<String>> form) {
    return submit(token, form, Map.of());
  }

  @Transactional
  public Receipt submit(String token, Map<String, List<String>> form, Map<String, PartnerRequestType.Upload> files) {
    PartnerLink link = usable(token, true);
    Respondent respondent = respondent(link, form);
    Map<String, List<String>> answer = new TreeMap<>(form);
    answer.keySet().removeAll(OWN_FIELDS);
    PartnerRequestType type = type(link);
    PartnerRequestType.Answer applied = respondents.during(respondent, () -> type.submit(link, answer, files));
    Instant now = PartnerLinks.now();
    Map<String, Object> kept = new LinkedHashMap<>();
    kept.put("request", Map.of("kind", link.kind(), "id", link.requestId(), "partner", link.partnerCode()));
    kept.put("respondent", Map.of("name", respondent.name(), "role", respondent.role(), "email", respondent.email()));
    kept.put("submittedAt", now.toString());
    kept.put("answer", applied.content());
    String content;
    try {
      content = canonical.writeValueAsString(kept);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("The answer of link " + link.id() + " cannot be written as JSON", e);
    }
    String sha256 = LinkTokens.sha256(content.getBytes(StandardCharsets.UTF_8));
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("request", link.kind());
    facts.put("requestId", link.requestId());
    facts.put("link", link.id());
    facts.put("respondent", Map.of("name", respondent.name(), "role", respondent.role(), "email", respondent.email()));
    facts.put("sha256", sha256);
    List<EvidenceEvent> chained = evidence.appendAll(List.of(EvidenceRecord.of("PARTNER_RESPONSE_RECEIVED")
        .partner(link.partnerCode()).secrets(applied.secretCodes()).process(link.processInstanceId(), null)
        .payload(facts)));
    long seq = chained.get(chained.size() - 1).seq();
    store.insertSubmission(link, respondent, content, sha256, seq, now);
    store.used(link.id(), now);
    store.revokeRequest(link.kind(), link.requestId(), link.id(), now, "answered by " + respondent.name());
    PartnerView partner = partners.get(link.partnerCode());
    Receipt receipt = new Receipt(link, partner.legalName(), applied.title(), respondent, sha256, seq, now);
    notifications.enqueue(MailRequest.notice("partner-receipt:" + link.id(), "Receipt: " + applied.title(),
            List.of("Thank you. We received your answer to: " + applied.title() + ".",
                "Submitted on " + now + " (UTC) by " + respondent.name() + " (" + respondent.role() + ").",
                "SHA-256 of your submission: " + sha256,
                "Position in our evidence chain: event " + seq + ".",
                "Keep this message: with it you can later show what you declared and when."),
            List.of(new Recipient(null, link.contactName(), link.contactEmail(), null)))
        .partner(partner.code(), partner.legalName()));
    return receipt;
  }

  /** The submission a used link made (for its receipt). */
  @Transactional(readOnly = true)
  public Optional<Submission> submission(long linkId) {
    return store.submission(linkId);
  }

  private PartnerLink usable(String token, boolean lock) {
    PartnerLink link = (LinkTokens.wellFormed(token) ? store.byHash(LinkTokens.hash(token), lock) : Optional.<PartnerLink>empty())
        .orElseThrow(() -> new LinkUnavailableException(PartnerLink.State.REVOKED));
    PartnerLink.State state = link.state(PartnerLinks.now());
    if (state != PartnerLink.State.OPEN) {
      throw new LinkUnavailableException(state);
    }
    PartnerStatus status = partners.get(link.partnerCode()).status();
    PartnerRequestType type = type(link);
    if (status == PartnerStatus.SUSPENDED || status == PartnerStatus.OFFBOARDED || status == PartnerStatus.REJECTED
        || (type instanceof PartnerTaskRequest && !taskOpen(link)) || !type.waiting(link)) {
      throw new LinkUnavailableException(PartnerLink.State.REVOKED);
    }
    return link;
  }

  /** A request waiting at a task: the task is still open (not completed, not cancelled). */
  private boolean taskOpen(PartnerLink link) {
    return requests.find(link.requestId()).filter(r -> r.open() && r.kind().equals(link.kind())).isPresent();
  }

  private PartnerRequestType type(PartnerLink link) {
    PartnerRequestType type = types.get(link.kind());
    if (type == null) {
      throw new LinkUnavailableException(PartnerLink.State.REVOKED);
    }
    return type;
  }

  /** The contact confirms with its own name and role; the address is the link's. */
  private static Respondent respondent(PartnerLink link, Map<String, List<String>> form) {
    List<String> problems = new ArrayList<>();
    String name = single(form, NAME);
    String role = single(form, ROLE);
    if (name == null || name.length() > MAX_NAME || !PlainText.Validator.isPlain(name, false)
        || PlainText.Validator.hasBidiControl(name)) {
      problems.add("portal.error.name");
    }
    if (role == null || role.length() > MAX_ROLE || !PlainText.Validator.isPlain(role, false)
        || PlainText.Validator.hasBidiControl(role)) {
      problems.add("portal.error.role");
    }
    if (!"yes".equals(single(form, CONFIRM))) {
      problems.add("portal.error.confirm");
    }
    if (!problems.isEmpty()) {
      throw new ConfirmationIncomplete(problems);
    }
    return new Respondent(name, role, link.contactEmail(), link.id());
  }

  /** One value of a field, stripped; null when absent, blank or sent twice (a tampered form). */
  static String single(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    if (values == null || values.size() != 1 || values.get(0) == null || values.get(0).isBlank()) {
      return null;
    }
    return values.get(0).strip();
  }

  /** The contact's name, role or confirmation is missing or not plain text: message keys of the page. */
  static final class ConfirmationIncomplete extends RuntimeException {

    private final List<String> keys;

    ConfirmationIncomplete(List<String> keys) {
      super(String.join(", ", keys));
      this.keys = List.copyOf(keys);
    }

    List<String> keys() {
      return keys;
    }
  }
}
