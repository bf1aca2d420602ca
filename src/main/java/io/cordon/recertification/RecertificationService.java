package io.cordon.recertification;

import io.cordon.disclosure.DisclosureService;
import io.cordon.disclosure.DisclosureStatus;
import io.cordon.disclosure.DisclosureView;
import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.identity.CurrentUser;
import io.cordon.nda.NdaLifecycle;
import io.cordon.notification.SecretLine;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerView;
import io.cordon.platform.ConflictException;
import io.cordon.platform.InvalidInputException;
import io.cordon.platform.NotFoundException;
import io.cordon.portal.PartnerLinks;
import io.cordon.portal.Respondent;
import io.cordon.portal.Respondents;
import io.cordon.secret.Classification;
import io.cordon.secret.SecretRef;
import io.cordon.secret.SecretService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What re-certification does to the register, step by step; each public method is one step of
 * {@code RecertificationProcess}, and each appends its evidence event in the caller's transaction.
 */
@Service
public class RecertificationService {

  /** Legal's decisions on a flagged attestation. */
  static final String ACCEPT = "ACCEPT";
  static final String END_FLAGGED = "END_FLAGGED";

  private final RecertificationStore store;
  private final RecertificationSchedule schedule;
  private final RecertificationMail mail;
  private final AttestationReader reader;
  private final Suspensions suspensions;
  private final PartnerService partners;
  private final SecretService secrets;
  private final DisclosureService disclosures;
  private final NdaLifecycle ndas;
  private final EvidenceChain evidence;
  private final CurrentUser currentUser;
  private final PartnerLinks links;
  private final Respondents respondents;

  RecertificationService(RecertificationStore store, RecertificationSchedule schedule, RecertificationMail mail,
      AttestationReader reader, Suspensions suspensions, PartnerService partners, SecretService secrets,
      DisclosureService disclosures, NdaLifecycle ndas, EvidenceChain evidence, CurrentUser currentUser,
      PartnerLinks links, Respondents respondents) {
    this.links = links;
    this.respondents = respondents;
    this.store = store;
    this.schedule = schedule;
    this.mail = mail;
    this.reader = reader;
    this.suspensions = suspensions;
    this.partners = partners;
    this.secrets = secrets;
    this.disclosures = disclosures;
    this.ndas = ndas;
    this.evidence = evidence;
    this.currentUser = currentUser;
  }

  /** The inputs of {@code RecertificationInterval.dmn}: the partner's tier now and the highest classification it holds. */
  public record Profile(String riskTier, String highestClassification) {
  }

  /** What the attestation found: the legal review's summary, and the disclosures the partner no longer needs. */
  public record Findings(boolean flagged, String summary, List<Long> flaggedDisclosures, List<Long> noLongerNeeded) {
  }

  /** The executed NDA re-certification watches, and when its renewal is asked for. */
  public record NdaWatch(String reference, RecertificationSchedule.NdaTimes times) {
  }

  @Transactional(readOnly = true)
  public Profile profile(String partnerCode) {
    PartnerView partner = partners.get(partnerCode);
    Classification highest = null;
    for (SecretRef s : secretsOf(current(partnerCode)).values()) {
      if (highest == null || s.classification().isAtLeast(highest)) {
        highest = s.classification();
      }
    }
    return new Profile(partner.riskTier() == null ? null : partner.riskTier().name(),
        highest == null ? null : highest.name());
  }

  /**
   * Plans the next period: due {@code months} after the previous period's due date (the first one on the date
   * onboarding set), at the configured local time; a due date that is already near is pushed so the partner has the
   * full request lead. The partner's next re-certification date follows.
   */
  @Transactional
  public Period schedule(String partnerCode, String processInstanceId, int months, String riskTier, String highestClassification) {
    if (months < 1) {
      throw new IllegalArgumentException("RecertificationInterval.dmn gave " + months + " months for " + partnerCode);
    }
    Instant now = now();
    Optional<Period> last = store.last(partnerCode);
    LocalDate due = last.map(p -> schedule.dueDate(p.dueAt()).plusMonths(months))
        .orElseGet(() -> Optional.ofNullable(partners.get(partnerCode).nextRecertification())
            .orElse(schedule.dueDate(now).plusMonths(months)));
    LocalDate earliest = schedule.dueDate(now.plus(schedule.getRequestLead()));
    if (due.isBefore(earliest)) {
      due = earliest;
    }
    RecertificationSchedule.Times times = schedule.times(due, now);
    int periodNo = last.map(p -> p.periodNo() + 1).orElse(1);
    long id = store.insert(partnerCode, periodNo, processInstanceId, riskTier, highestClassification, months, times);
    partners.scheduleRecertification(partnerCode, due);
    evidence.append(EvidenceRecord.of("RECERTIFICATION_SCHEDULED").partner(partnerCode).secrets(codes(current(partnerCode)))
        .payload(facts("period", periodNo, "months", months, "riskTier", String.valueOf(riskTier),
            "requestAt", times.requestAt().toString(), "dueAt", times.dueAt().toString(),
            "graceUntil", times.graceUntil().toString())));
    return store.find(id, false).orElseThrow();
  }

  /** The instants of a stored period (reminders are derived from its request and due times). */
  public RecertificationSchedule.Times times(Period period) {
    return schedule.times(period);
  }

  /** The period opens: the partner and procurement are asked (mail), the period is REQUESTED. */
  @Transactional
  public int request(long periodId, String mailKey, String responsibleUser) {
    Period period = period(periodId, true);
    if (period.status() != RecertificationStatus.SCHEDULED) {
      return 0; // already requested (the step ran before and committed)
    }
    List<DisclosureView> held = current(period.partnerCode());
    List<SecretLine> lines = lines(held);
    store.requested(periodId, now());
    PartnerView partner = partners.get(period.partnerCode());
    List<PartnerLinks.Created> sent = links.create(AttestationRequest.KIND, periodId, partner.code(), partner.contacts(),
        period.processInstanceId());
    int queued = mail.request(mailKey, partner, period, lines, responsibleUser, sent, links.validity());
    evidence.append(EvidenceRecord.of("RECERTIFICATION_REQUESTED").partner(period.partnerCode())
        .secrets(codes(held)).payload(facts("period", period.periodNo(), "dueAt", period.dueAt().toString(),
            "disclosures", held.size(), "mails", queued, "partnerLinks", sent.size())));
    return queued;
  }

  /**
   * Procurement sends the partner's contacts new links for an open period (the old ones stop working): a contact
   * lost the mail, or its link expired.
   */
  @Transactional
  public int sendNewLinks(long periodId) {
    Period period = period(periodId, true);
    if (period.status() != RecertificationStatus.REQUESTED) {
      throw new ConflictException("Re-certification " + period.periodNo() + " of " + period.partnerCode() + " is "
          + period.status() + ": only a requested period can be answered through a link.");
    }
    PartnerView partner = partners.get(period.partnerCode());
    if (partner.status() != io.cordon.partner.PartnerStatus.ACTIVE) {
      throw new ConflictException(partner.code() + " is " + partner.status() + ": links are sent to active partners only.");
    }
    if (partner.contacts().isEmpty()) {
      throw new ConflictException(partner.code() + " has no contact to send a link to: add one to the partner first.");
    }
    int withdrawn = links.withdraw(AttestationRequest.KIND, periodId, "a new link was sent");
    List<PartnerLinks.Created> sent = links.create(AttestationRequest.KIND, periodId, partner.code(), partner.contacts(),
        period.processInstanceId());
    int queued = mail.links("recertification:" + periodId + ":links:" + now().getEpochSecond(), partner, period,
        lines(current(period.partnerCode())), sent, links.validity());
    evidence.append(EvidenceRecord.of("PARTNER_LINKS_SENT").partner(partner.code())
        .process(period.processInstanceId(), null)
        .payload(facts("request", AttestationRequest.KIND, "period", period.periodNo(), "links", sent.size(),
            "withdrawn", withdrawn, "mails", queued)));
    return sent.size();
  }

  /**
   * Records procurement's entry of the partner's attestation (the form's JSON: one answer per current disclosure).
   * Holders not among a disclosure's permitted recipients, onward disclosures and incidents are flagged for legal.
   * A disclosure that names no permitted recipients is governed by the NDA's clause alone; its holders are not flagged.
   */
  @Transactional
  public Findings attest(long periodId, String answersJson) {
    Period period = period(periodId, true);
    if (period.status() != RecertificationStatus.REQUESTED && period.status() != RecertificationStatus.LAPSED) {
      throw new ConflictException("Re-certification " + period.periodNo() + " of " + period.partnerCode() + " is "
          + period.status() + ": it cannot be attested now.");
    }
    List<AttestationAnswer> answers = reader.parse(answersJson);
    Map<Long, DisclosureView> held = new LinkedHashMap<>();
    current(period.partnerCode()).forEach(d -> held.put(d.id(), d));
    List<AttestationLine> lines = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (AttestationAnswer a : answers) {
      if (a.disclosureId() == null || !held.containsKey(a.disclosureId())) {
        throw new InvalidInputException("Disclosure " + a.disclosureId() + " is not one of " + period.partnerCode()
            + "'s current disclosures.");
      }
      if (!seen.add(a.disclosureId())) {
        throw new InvalidInputException("Disclosure " + a.disclosureId() + " is answered twice.");
      }
      lines.add(reader.line(held.get(a.disclosureId()), a));
    }
    List<String> missing = held.values().stream().filter(d -> !seen.contains(d.id()))
        .map(DisclosureView::secretCode).toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException("Answer for every disclosure; missing: " + String.join(", ", missing) + ".");
    }
    Set<String> flags = new TreeSet<>();
    lines.forEach(l -> flags.addAll(l.flags()));
    boolean late = period.status() == RecertificationStatus.LAPSED || now().isAfter(period.dueAt());
    store.insertAnswers(periodId, lines);
    store.attested(periodId, flags.isEmpty() ? period.status() : RecertificationStatus.IN_REVIEW, now(),
        currentUser.get().id(), late, List.copyOf(flags));
    // Whose words these are: the partner contact's own (through its link), or procurement's on the partner's behalf.
    Optional<Respondent> respondent = respondents.current();
    Map<String, Object> answeredBy = respondent.<Map<String, Object>>map(r -> facts("channel", "PARTNER_LINK",
        "name", r.name(), "role", r.role(), "email", r.email(), "link", r.linkId()))
        .orElseGet(() -> facts("channel", "ON_BEHALF_OF_PARTNER", "recordedBy", currentUser.get().id()));
    evidence.append(EvidenceRecord.of("RECERTIFICATION_ATTESTED").partner(period.partnerCode())
        .secrets(lines.stream().map(AttestationLine::secretCode).toList())
        .payload(facts("period", period.periodNo(), "late", late, "flags", List.copyOf(flags),
            "noLongerNeeded", lines.stream().filter(l -> !l.stillNeeded()).map(AttestationLine::secretCode).toList(),
            "answeredBy", answeredBy)));
    links.withdraw(AttestationRequest.KIND, periodId, respondent.isPresent() ? "answered by another contact"
        : "answered by procurement on the partner's behalf");
    List<Long> flagged = lines.stream().filter(l -> !l.flags().isEmpty()).map(AttestationLine::disclosureId).toList();
    List<Long> unneeded = lines.stream().filter(l -> !l.stillNeeded()).map(AttestationLine::disclosureId).toList();
    String summary = AttestationReader.summary(lines);
    if (!summary.isEmpty()) {
      summary = respondent.map(r -> "Answered by the partner: " + r.name() + " (" + r.role() + "), " + r.email()
          + ", through the partner link.").orElse("Recorded by " + currentUser.get().id() + " on the partner's behalf.")
          + "\n" + summary;
    }
    return new Findings(!flags.isEmpty(), summary, flagged, unneeded);
  }

  /** Legal's decision on a flagged attestation: accept it, or end the flagged disclosures (return or destroy). */
  @Transactional
  public List<Long> review(long periodId, String decision, String comment) {
    Period period = period(periodId, true);
    if (!ACCEPT.equals(decision) && !END_FLAGGED.equals(decision)) {
      throw new InvalidInputException("Decide " + ACCEPT + " or " + END_FLAGGED + ".");
    }
    if (comment == null || comment.isBlank()) {
      throw new InvalidInputException("Give a reason for the decision.");
    }
    String text = comment.strip();
    store.reviewed(periodId, now(), currentUser.get().id(), decision, text.substring(0, Math.min(AttestationReader.MAX_TEXT, text.length())));
    List<AttestationLine> flagged = store.answers(periodId).stream().filter(l -> !l.flags().isEmpty()).toList();
    evidence.append(EvidenceRecord.of("RECERTIFICATION_REVIEWED").partner(period.partnerCode())
        .secrets(flagged.stream().map(AttestationLine::secretCode).toList())
        .payload(facts("period", period.periodNo(), "decision", decision, "comment", text)));
    return END_FLAGGED.equals(decision) ? flagged.stream().map(AttestationLine::disclosureId).toList() : List.of();
  }

  /**
   * Completes the period. A lapse of this period is lifted: its suspended disclosures are reinstated through the
   * disclosure gate (except those about to be returned or destroyed), and the partner is active again when nothing
   * else keeps it suspended.
   */
  @Transactional
  public void complete(long periodId, Collection<Long> ending) {
    Period period = period(periodId, true);
    suspensions.lift(period.partnerCode(), RecertificationStore.Cause.LAPSE, Set.copyOf(ending),
        "re-certification " + period.periodNo() + " attested");
    store.closed(periodId, RecertificationStatus.COMPLETED, now());
    evidence.append(EvidenceRecord.of("RECERTIFICATION_COMPLETED").partner(period.partnerCode())
        .secrets(codes(current(period.partnerCode())))
        .payload(facts("period", period.periodNo(), "late", period.late(), "ending", List.copyOf(ending))));
  }

  /**
   * The grace deadline passed unattested: every disclosed secret of the partner is suspended, the partner too, and
   * each affected secret's owner is told.
   */
  @Transactional
  public List<String> lapse(long periodId, String mailKey) {
    Period period = period(periodId, true);
    if (period.status() != RecertificationStatus.REQUESTED) {
      throw new ConflictException("Re-certification " + period.periodNo() + " of " + period.partnerCode() + " is "
          + period.status() + ": it cannot lapse.");
    }
    store.lapsed(periodId, now());
    links.withdraw(AttestationRequest.KIND, periodId, "the period lapsed");
    String why = "re-certification " + period.periodNo() + " was not attested by " + period.graceUntil();
    List<String> suspended = suspensions.suspendAll(period.partnerCode(), RecertificationStore.Cause.LAPSE, periodId, null, why, mailKey);
    evidence.append(EvidenceRecord.of("RECERTIFICATION_LAPSED").partner(period.partnerCode()).secrets(suspended)
        .payload(facts("period", period.periodNo(), "dueAt", period.dueAt().toString(),
            "graceUntil", period.graceUntil().toString())));
    return suspended;
  }

  /** The partner's latest executed NDA and the times of its watch; empty if the partner has none. */
  @Transactional(readOnly = true)
  public Optional<NdaWatch> ndaWatch(String partnerCode) {
    return ndas.latestExecutedFor(partnerCode)
        .map(e -> new NdaWatch(e.reference(), schedule.ndaTimes(e.expiresOn(), now())));
  }

  /** The NDA's term ended: the disclosures under it are suspended like on a lapse. */
  @Transactional
  public List<String> ndaExpired(String partnerCode, String ndaReference, String mailKey) {
    String why = "NDA " + ndaReference + " has expired";
    List<String> suspended = suspensions.suspendAll(partnerCode, RecertificationStore.Cause.NDA_EXPIRY, null, ndaReference, why, mailKey);
    evidence.append(EvidenceRecord.of("NDA_EXPIRED").partner(partnerCode).secrets(suspended).nda(ndaReference, null)
        .payload(facts("suspended", suspended.size())));
    return suspended;
  }

  /**
   * Procurement records the signed renewal; the NDA runs until {@code expiresOn}. If its end had passed, the
   * suspension it caused is lifted.
   */
  @Transactional
  public void renewNda(String partnerCode, String ndaReference, byte[] content, String fileName, LocalDate signatureDate,
      String signatories, LocalDate expiresOn) {
    ndas.renew(ndaReference, content, fileName, signatureDate, signatories, expiresOn);
    suspensions.lift(partnerCode, RecertificationStore.Cause.NDA_EXPIRY, Set.of(), "NDA " + ndaReference + " renewed");
  }

  /** The partner was offboarded: an open period is cancelled; nothing else is left to watch. */
  @Transactional
  public void end(String partnerCode, String reason) {
    store.last(partnerCode).filter(p -> p.closedAt() == null).ifPresent(p -> {
      store.closed(p.id(), RecertificationStatus.CANCELLED, now());
      links.withdraw(AttestationRequest.KIND, p.id(), "re-certification cancelled: " + reason);
    });
    evidence.append(EvidenceRecord.of("RECERTIFICATION_ENDED").partner(partnerCode)
        .secrets(codes(disclosures.ofPartner(partnerCode, List.of()))).payload(facts("reason", reason)));
  }

  // ---- reading ----

  @Transactional(readOnly = true)
  public Period period(long periodId) {
    return period(periodId, false);
  }

  @Transactional(readOnly = true)
  public List<Period> periods(String partnerCode) {
    partners.resolve(partnerCode);
    return store.ofPartner(partnerCode);
  }

  /** The latest attestation of each of these partners that has one: partner code to when it was attested. */
  @Transactional(readOnly = true)
  public java.util.Map<String, Instant> lastAttestations(java.util.Collection<String> partnerCodes) {
    return store.lastAttestations(partnerCodes);
  }

  /** The holders a disclosure's latest attestation named, and when it was attested. */
  public record AttestedHolders(List<String> holders, Instant attestedAt) {
  }

  /** For each of these disclosures that was ever attested: the holders its latest attestation named (a leak's snapshot). */
  @Transactional(readOnly = true)
  public java.util.Map<Long, AttestedHolders> lastAttestedHolders(Collection<Long> disclosureIds) {
    return store.lastAttestedHolders(disclosureIds);
  }

  @Transactional(readOnly = true)
  public List<AttestationLine> answers(long periodId) {
    return store.answers(periodId);
  }

  @Transactional(readOnly = true)
  public List<DisclosureView> toAttest(String partnerCode) {
    return current(partnerCode);
  }

  @Transactional(readOnly = true)
  public List<Period> calendar(Collection<RecertificationStatus> statuses, Instant from, Instant to, int limit) {
    return store.calendar(statuses, from, to, limit);
  }

  // ---- helpers ----

  private List<DisclosureView> current(String partnerCode) {
    return disclosures.ofPartner(partnerCode, DisclosureStatus.CURRENT);
  }

  private Map<String, SecretRef> secretsOf(List<DisclosureView> held) {
    return held.isEmpty() ? Map.of() : secrets.resolve(codes(held));
  }

  private List<SecretLine> lines(List<DisclosureView> held) {
    return secretsOf(held).values().stream().map(s -> new SecretLine(s.code(), s.classification(), null)).toList();
  }

  static List<String> codes(List<DisclosureView> held) {
    return held.stream().map(DisclosureView::secretCode).distinct().sorted().toList();
  }

  private Period period(long id, boolean lock) {
    return store.find(id, lock).orElseThrow(() -> new NotFoundException("No re-certification period " + id + "."));
  }

  private static Map<String, Object> facts(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  /** The engine's clock, to the second: what "now" is for due dates and lateness. */
  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
  }

}
