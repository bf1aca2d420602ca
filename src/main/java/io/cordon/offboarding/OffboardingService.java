package io.cordon.offboarding;

import io.cordon.disclosure.DisclosureService;
import io.cordon.disclosure.DisclosureStatus;
import io.cordon.disclosure.DisclosureView;
import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.identity.CurrentUser;
import io.cordon.nda.CertificateService;
import io.cordon.nda.NdaLifecycle;
import io.cordon.offboarding.OffboardingView.Item;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.platform.ConflictException;
import io.cordon.platform.CordonAct;
import io.cordon.platform.InvalidInputException;
import io.cordon.platform.NotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What offboarding does to the register, one method per step of {@code bpmn/OffboardingProcess.bpmn}; the delegates
 * only move variables. Every step appends its evidence, naming the secrets concerned, in the step's transaction.
 */
@Service
public class OffboardingService {

  static final String PROCESS = "OffboardingProcess";
  static final Set<String> OUTCOMES = Set.of(DisclosureStatus.RETURNED.name(), DisclosureStatus.DESTROYED.name());

  private final PartnerService partners;
  private final DisclosureService disclosures;
  private final CertificateService certificates;
  private final NdaLifecycle ndas;
  private final OffboardingStore store;
  private final EvidenceChain evidence;
  private final CurrentUser currentUser;
  private final ApplicationEventPublisher events;
  private final RuntimeService runtime;

  OffboardingService(PartnerService partners, DisclosureService disclosures, CertificateService certificates, NdaLifecycle ndas,
      OffboardingStore store, EvidenceChain evidence, CurrentUser currentUser, ApplicationEventPublisher events,
      RuntimeService runtime) {
    this.partners = partners;
    this.disclosures = disclosures;
    this.certificates = certificates;
    this.ndas = ndas;
    this.store = store;
    this.evidence = evidence;
    this.currentUser = currentUser;
    this.events = events;
    this.runtime = runtime;
  }

  /**
   * Starts an offboarding and returns its process instance id (business key: the partner code). An empty (or null)
   * {@code disclosureIds} offboards the whole relationship: every current ({@code DISCLOSED}, {@code SUSPENDED})
   * disclosure, and the partner becomes {@code OFFBOARDED} at the end. Otherwise only those disclosures are offboarded
   * ("no longer needed") and the partner stays as it is.
   *
   * <p>Joins the caller's transaction, so a BPMN delegate of another process may call it: the instance starts and
   * runs up to its first asynchronous step (certificate generation) in that transaction. Called from a process step,
   * the start is made on Cordon's authority (the engine does not check the step's user); called from REST, the
   * engine checks the user's right to start {@value #PROCESS}. A refusal is thrown before anything is written and
   * leaves the caller's transaction usable.
   *
   * @throws NotFoundException     unknown partner
   * @throws ConflictException     partner not ACTIVE/SUSPENDED, a whole-relationship offboarding already running for it,
   *                               a disclosure already in a running offboarding, nothing to offboard
   * @throws InvalidInputException no reason, or disclosure ids that are not current disclosures of the partner
   */
  @Transactional(noRollbackFor = {NotFoundException.class, ConflictException.class, InvalidInputException.class})
  public String start(String partnerCode, List<Long> disclosureIds, String reason) {
    plan(partnerCode, disclosureIds, reason);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(OffboardingForms.Request.PARTNER_CODE.name(), partnerCode);
    variables.put(OffboardingForms.Request.REASON.name(), reason);
    variables.put(OffboardingForms.Request.DISCLOSURE_IDS.name(), disclosureIds == null ? "" : disclosureIds.stream().distinct()
        .map(String::valueOf).collect(Collectors.joining(",")));
    try {
      return CordonAct.run(() -> runtime.startProcessInstanceByKey(PROCESS, partnerCode, variables).getId());
    } catch (BadUserRequestException e) {
      // The first step checks again (a concurrent start may have won); report its refusal as the domain error it is.
      if (e.getCause() instanceof ConflictException | e.getCause() instanceof NotFoundException
          | e.getCause() instanceof InvalidInputException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    }
  }

  /** What an offboarding would close: the partner's current disclosures, all or those named. Refuses as {@link #start}. */
  private List<Item> plan(String partnerCode, List<Long> disclosureIds, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("Give the reason for the offboarding (e.g. contract ended, no longer needed).");
    }
    if (reason.length() > 500) {
      throw new InvalidInputException("The reason is longer than 500 characters.");
    }
    // exists() before resolve(): a NotFoundException thrown inside the register's own @Transactional method would mark
    // the caller's transaction rollback-only, and a refusal must leave it usable.
    if (partnerCode == null || !partners.exists(partnerCode)) {
      throw new NotFoundException("No partner with code " + partnerCode + ".");
    }
    PartnerStatus status = partners.resolve(partnerCode).status();
    if (status != PartnerStatus.ACTIVE && status != PartnerStatus.SUSPENDED) {
      throw new ConflictException("Partner " + partnerCode + " is " + status + ": only active or suspended partners are offboarded.");
    }
    store.runningWholeRelationship(partnerCode).ifPresent(pi -> {
      throw new ConflictException("Partner " + partnerCode + " is already being offboarded (process instance " + pi
          + "); that offboarding covers all its disclosures.");
    });
    List<DisclosureView> current = disclosures.ofPartner(partnerCode, DisclosureStatus.CURRENT);
    boolean whole = disclosureIds == null || disclosureIds.isEmpty();
    List<DisclosureView> chosen = current;
    if (!whole) {
      if (disclosureIds.stream().anyMatch(Objects::isNull)) {
        throw new InvalidInputException("A disclosure id is missing (null) in the list.");
      }
      List<Long> requested = disclosureIds.stream().distinct().toList();
      Set<Long> currentIds = current.stream().map(DisclosureView::id).collect(Collectors.toSet());
      List<Long> wrong = requested.stream().filter(id -> !currentIds.contains(id)).toList();
      if (!wrong.isEmpty()) {
        throw new InvalidInputException("Not current disclosures (DISCLOSED or SUSPENDED) of partner " + partnerCode + ": "
            + wrong.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ". See GET /api/partners/"
            + partnerCode + "/disclosures?status=DISCLOSED&status=SUSPENDED.");
      }
      List<Long> busy = store.runningDisclosures(requested);
      if (!busy.isEmpty()) {
        throw new ConflictException("Disclosure(s) " + busy.stream().map(String::valueOf).collect(Collectors.joining(", "))
            + " of partner " + partnerCode + " are already being offboarded.");
      }
      chosen = current.stream().filter(d -> requested.contains(d.id())).toList();
    }
    if (chosen.isEmpty()) {
      throw new ConflictException("Nothing to offboard: partner " + partnerCode + " holds no secret (no DISCLOSED or SUSPENDED "
          + "disclosure). To end the relationship anyway, change its status (POST /api/partners/" + partnerCode + "/status).");
    }
    List<String> uncovered = chosen.stream().filter(d -> d.ndaReference() == null).map(d -> String.valueOf(d.id())).toList();
    if (!uncovered.isEmpty()) {
      throw new ConflictException("Disclosure(s) " + String.join(", ", uncovered) + " name no NDA, so no certificate can cite one.");
    }
    return chosen.stream().map(d -> new Item(d.id(), d.secretCode(), d.ndaReference(), null)).toList();
  }

  /** Step Task_CheckRequest: records the offboarding (refusing as {@link #start}) and says what it covers. */
  @Transactional
  public Opened open(String partnerCode, List<Long> disclosureIds, String reason, String processInstanceId) {
    List<Item> items = plan(partnerCode, disclosureIds, reason);
    boolean whole = disclosureIds == null || disclosureIds.isEmpty();
    long id;
    try {
      id = store.insert(processInstanceId, partnerCode, whole, reason.strip(), now(), currentUser.get().id(), items);
    } catch (DuplicateKeyException e) {
      throw new ConflictException("Partner " + partnerCode + " or one of these disclosures is already being offboarded.");
    }
    evidence.append(EvidenceRecord.of("OFFBOARDING_STARTED").partner(partnerCode).secrets(codes(items))
        .payload(Map.of("offboardingId", id, "wholeRelationship", whole, "reason", reason.strip(),
            "disclosureIds", items.stream().map(Item::disclosureId).toList())));
    return new Opened(id, whole, items);
  }

  record Opened(long offboardingId, boolean wholeRelationship, List<Item> items) {
  }

  /**
   * Step Task_GenerateCertificate: one certificate of return or destruction per NDA the items were disclosed under
   * (the template names one agreement), dated today. Returns the NDA references, sorted.
   */
  @Transactional
  public List<String> generateCertificates(long offboardingId) {
    OffboardingView offboarding = running(offboardingId);
    Map<String, List<String>> byNda = new TreeMap<>();
    offboarding.items().forEach(i -> byNda.computeIfAbsent(i.ndaReference(), k -> new ArrayList<>()).add(i.secretCode()));
    byNda.forEach((reference, codes) -> store.putCertificate(offboardingId, certificates.generate(reference, codes, today())));
    return List.copyOf(byNda.keySet());
  }

  /**
   * Step Task_RecordSignedCertificate (runs as procurement completes the upload task): stores the signed certificate
   * with its hash, and what it certifies for each item. {@code outcomes} maps every item's secret code to RETURNED or
   * DESTROYED.
   */
  @Transactional
  public void recordSignedCertificate(long offboardingId, byte[] content, String fileName, LocalDate signatureDate,
      String signatory, Map<String, String> outcomes) {
    OffboardingView offboarding = running(offboardingId);
    List<String> problems = new ArrayList<>();
    LocalDate issued = offboarding.certificates().stream().map(OffboardingView.Certificate::certificateDate)
        .min(Comparator.naturalOrder()).orElse(null);
    if (signatureDate == null || signatureDate.isAfter(today())) {
      problems.add("give the date of the signature (not in the future)");
    } else if (issued != null && signatureDate.isBefore(issued)) {
      problems.add("the signature date " + signatureDate + " is before the certificate was issued (" + issued + ")");
    }
    if (signatory == null || signatory.isBlank()) {
      problems.add("name who signed for the partner");
    } else if (signatory.length() > 500) {
      problems.add("the signatory is longer than 500 characters");
    }
    List<Item> decided = new ArrayList<>();
    for (Item item : offboarding.items()) {
      String outcome = outcomes.get(item.secretCode());
      if (outcome == null || !OUTCOMES.contains(outcome)) {
        problems.add("choose RETURNED or DESTROYED for " + item.secretCode());
      } else {
        decided.add(new Item(item.disclosureId(), item.secretCode(), item.ndaReference(), outcome));
      }
    }
    Set<String> codes = Set.copyOf(codes(offboarding.items()));
    outcomes.keySet().stream().filter(code -> !codes.contains(code)).sorted()
        .forEach(code -> problems.add(code + " is not an item of this offboarding"));
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Please correct: " + String.join("; ", problems) + ".");
    }
    String sha256 = certificates.storeSigned(content);
    String name = fileName == null ? null : fileName.substring(0, Math.min(255, fileName.length()));
    store.recordSigned(offboardingId, new OffboardingView.SignedCertificate(sha256, name, signatureDate, signatory.strip(),
        currentUser.get().id()), decided);
    List<String> references = offboarding.certificates().stream().map(OffboardingView.Certificate::ndaReference).toList();
    evidence.append(EvidenceRecord.of("CERTIFICATE_SIGNED_RECORDED").partner(offboarding.partnerCode())
        .secrets(codes(offboarding.items())).nda(references.size() == 1 ? references.get(0) : null, sha256)
        .payload(Map.of("offboardingId", offboardingId, "signatureDate", signatureDate.toString(), "signatory",
            signatory.strip(), "fileName", name == null ? "" : name, "outcomes", new TreeMap<>(outcomes),
            "certificates", offboarding.certificates().stream().map(c -> c.ndaReference() + "=" + c.sha256()).toList())));
  }

  /**
   * Step Task_CloseDisclosures: each item becomes RETURNED or DESTROYED as certified (an item another offboarding
   * closed meanwhile keeps its state), and the survival of each NDA's obligations is recorded. Ends the offboarding.
   * Returns whether it offboards the whole relationship.
   */
  @Transactional
  public boolean closeDisclosures(long offboardingId) {
    OffboardingView offboarding = running(offboardingId);
    if (offboarding.signedCertificate() == null) {
      throw new ConflictException("Offboarding " + offboardingId + " has no signed certificate yet.");
    }
    String reason = "offboarding " + offboarding.processInstanceId() + ": " + offboarding.reason();
    Map<String, String> closed = new TreeMap<>();
    for (Item item : offboarding.items()) {
      DisclosureStatus now = disclosures.get(item.disclosureId()).status();
      if (DisclosureStatus.CURRENT.contains(now)) {
        disclosures.close(item.disclosureId(), DisclosureStatus.valueOf(item.outcome()), reason);
        closed.put(item.secretCode(), item.outcome());
      } else {
        store.recordItemOutcome(offboardingId, item.disclosureId(), now.name());
        closed.put(item.secretCode(), "already " + now.name());
      }
    }
    List<NdaLifecycle.Survival> survivals = offboarding.certificates().stream()
        .map(c -> ndas.survival(c.ndaReference())).toList();
    survivals.forEach(s -> store.recordSurvival(offboardingId, s.reference(), s.survivesUntil(), s.statement()));
    LocalDate until = survivals.stream().map(NdaLifecycle.Survival::survivesUntil).filter(Objects::nonNull)
        .max(Comparator.naturalOrder()).orElse(null);
    String statement = survivals.stream().map(NdaLifecycle.Survival::statement).collect(Collectors.joining(" "));
    store.end(offboardingId, OffboardingStatus.COMPLETED, until, statement.substring(0, Math.min(2000, statement.length())), now());
    evidence.append(EvidenceRecord.of("OFFBOARDING_COMPLETED").partner(offboarding.partnerCode())
        .secrets(codes(offboarding.items())).nda(null, offboarding.signedCertificate().sha256())
        .payload(Map.of("offboardingId", offboardingId, "closed", closed, "survivesUntil", until == null ? "" : until.toString(),
            "survival", statement)));
    return offboarding.wholeRelationship();
  }

  /** Step Task_OffboardPartner: the partner becomes OFFBOARDED, and {@link PartnerOffboarded} is published. */
  @Transactional
  public void offboardPartner(long offboardingId) {
    OffboardingView offboarding = find(offboardingId);
    if (partners.resolve(offboarding.partnerCode()).status() != PartnerStatus.OFFBOARDED) {
      partners.changeStatus(offboarding.partnerCode(), PartnerStatus.OFFBOARDED,
          "offboarding " + offboarding.processInstanceId() + ": " + offboarding.reason());
    }
    evidence.append(EvidenceRecord.of("PARTNER_OFFBOARDED").partner(offboarding.partnerCode())
        .secrets(codes(offboarding.items())).payload(Map.of("offboardingId", offboardingId,
            "survivesUntil", offboarding.survivesUntil() == null ? "" : offboarding.survivesUntil().toString())));
    events.publishEvent(new PartnerOffboarded(offboarding.partnerCode(), offboarding.processInstanceId()));
  }

  /** The process instance ended without completing (cancelled in Cockpit): the partner is free for a new offboarding. */
  @Transactional
  public void processEnded(String processInstanceId) {
    store.findByProcess(processInstanceId).filter(o -> o.status() == OffboardingStatus.RUNNING).ifPresent(o -> {
      store.end(o.id(), OffboardingStatus.CANCELLED, null, null, now());
      evidence.append(EvidenceRecord.of("OFFBOARDING_CANCELLED").partner(o.partnerCode()).secrets(codes(o.items()))
          .payload(Map.of("offboardingId", o.id())));
    });
  }

  /** The partner's offboardings, newest first. */
  @Transactional(readOnly = true)
  public List<OffboardingView> history(String partnerCode) {
    partners.resolve(partnerCode);
    return store.ofPartner(partnerCode);
  }

  /** A generated certificate's bytes, or the signed one's ({@code ndaReference} null). */
  @Transactional(readOnly = true)
  public Document document(String partnerCode, long offboardingId, String ndaReference) {
    OffboardingView o = find(offboardingId);
    if (!o.partnerCode().equals(partnerCode)) {
      throw new NotFoundException("Partner " + partnerCode + " has no offboarding " + offboardingId + ".");
    }
    if (ndaReference == null) {
      if (o.signedCertificate() == null) {
        throw new NotFoundException("Offboarding " + offboardingId + " has no signed certificate yet.");
      }
      return new Document(certificates.document(o.signedCertificate().sha256()), o.signedCertificate().sha256(),
          o.signedCertificate().fileName());
    }
    OffboardingView.Certificate c = o.certificates().stream().filter(x -> x.ndaReference().equals(ndaReference)).findFirst()
        .orElseThrow(() -> new NotFoundException("Offboarding " + offboardingId + " has no certificate for " + ndaReference + "."));
    return new Document(certificates.document(c.sha256()), c.sha256(), "certificate-" + ndaReference + "-" + offboardingId + ".docx");
  }

  record Document(byte[] content, String sha256, String fileName) {
  }

  @Transactional(readOnly = true)
  public OffboardingView get(long offboardingId) {
    return find(offboardingId);
  }

  private OffboardingView find(long id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("No offboarding " + id + "."));
  }

  private OffboardingView running(long id) {
    OffboardingView o = find(id);
    if (o.status() != OffboardingStatus.RUNNING) {
      throw new ConflictException("Offboarding " + id + " is " + o.status() + ".");
    }
    return o;
  }

  private static List<String> codes(List<Item> items) {
    return items.stream().map(Item::secretCode).distinct().sorted().toList();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }
}
