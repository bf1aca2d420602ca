package io.cordon.leak;

import io.cordon.disclosure.CurrentHolder;
import io.cordon.disclosure.DisclosureService;
import io.cordon.disclosure.DisclosureStatus;
import io.cordon.dispute.EvidencePacks;
import io.cordon.dispute.LegalHolds;
import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.identity.CordonGroups;
import io.cordon.identity.CordonUser;
import io.cordon.identity.CurrentUser;
import io.cordon.offboarding.OffboardingService;
import io.cordon.platform.CodeSequences;
import io.cordon.platform.ConflictException;
import io.cordon.platform.InvalidInputException;
import io.cordon.platform.NotFoundException;
import io.cordon.secret.ProtectionMeasure;
import io.cordon.secret.SecretRef;
import io.cordon.secret.SecretService;
import io.cordon.secret.SecretStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the leak response does to the register, one method per step of {@code bpmn/LeakResponseProcess.bpmn}; the
 * delegates only move variables. Every step appends evidence naming the incident, its secrets and the partners
 * concerned, in the step's transaction.
 */
@Service
public class LeakService {

  static final String PROCESS = "LeakResponseProcess";
  static final String CODE_PREFIX = "LI-";
  static final String SEQUENCE = "incident";

  /** Where an incident stands. */
  public enum Status { REPORTED, ASSESSED, PRESERVED, CONTAINED, NOTIFIED, CLOSED, CANCELLED }

  /** The assessment of legal and security. */
  public enum Assessment { CONFIRMED, NOT_CONFIRMED, UNKNOWN }

  /** Whose disclosures the containment suspends. */
  public enum Scope { SUSPECTED_PARTNERS, ALL_HOLDERS, NONE }

  /** What the data-protection assessment found. */
  public enum DpaOutcome { REGULATOR_NOTIFIED, NOT_REPORTABLE }

  /** Legal action against one suspected partner. */
  public enum Action { CEASE_AND_DESIST, DEMAND_RETURN_OR_DESTRUCTION, INJUNCTION, PRESERVATION_ORDER, NONE }

  /** A report as received: from the start form or the REST API. */
  record Report(List<String> secretCodes, String noticedHow, String suspected, LocalDate since, boolean personalData) {
  }

  record Opened(long id, String code, List<String> secretCodes, boolean personalData, int holders) {
  }

  record Assessed(boolean contain, List<String> suspectedPartners) {
  }

  record Notified(String regime, Instant deadline, Instant reminder) {
  }

  private final LeakStore store;
  private final LeakSnapshot snapshot;
  private final SecretService secrets;
  private final DisclosureService disclosures;
  private final EvidencePacks packs;
  private final LegalHolds holds;
  private final LeakMail mail;
  private final RegulatorDeadlines regulators;
  private final CodeSequences codes;
  private final EvidenceChain evidence;
  private final CurrentUser currentUser;
  private final RuntimeService runtime;
  private final OffboardingService offboardings;
  private final LeakLetters letters;

  LeakService(LeakStore store, LeakSnapshot snapshot, SecretService secrets, DisclosureService disclosures,
      EvidencePacks packs, LegalHolds holds, LeakMail mail, RegulatorDeadlines regulators, CodeSequences codes,
      EvidenceChain evidence, CurrentUser currentUser, RuntimeService runtime, OffboardingService offboardings,
      LeakLetters letters) {
    this.offboardings = offboardings;
    this.letters = letters;
    this.store = store;
    this.snapshot = snapshot;
    this.secrets = secrets;
    this.disclosures = disclosures;
    this.packs = packs;
    this.holds = holds;
    this.mail = mail;
    this.regulators = regulators;
    this.codes = codes;
    this.evidence = evidence;
    this.currentUser = currentUser;
    this.runtime = runtime;
  }

  /**
   * Reports a leak (REST): starts {@value #PROCESS}, whose first step opens the incident, marks the secrets, blocks
   * their disclosure and takes the snapshot, all in this transaction. Returns the incident's id.
   *
   * @throws NotFoundException     a secret code that does not exist
   * @throws ConflictException     a secret already has an open incident (named, so the reporter adds to that one)
   * @throws InvalidInputException no secret, or no word on how the leak was noticed
   */
  @Transactional(noRollbackFor = {NotFoundException.class, ConflictException.class, InvalidInputException.class})
  public long report(List<String> secretCodes, String noticedHow, String suspected, LocalDate since, boolean personalData) {
    Report report = new Report(secretCodes == null ? List.of() : secretCodes, noticedHow, suspected, since, personalData);
    check(report);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(LeakForms.Report.SECRET_CODES.name(), String.join(",", report.secretCodes()));
    variables.put(LeakForms.Report.NOTICED_HOW.name(), noticedHow);
    variables.put(LeakForms.Report.SUSPECTED.name(), suspected);
    variables.put(LeakForms.Report.SINCE.name(), since == null ? null : since.toString());
    variables.put(LeakForms.Report.PERSONAL_DATA.name(), personalData);
    try {
      String pi = runtime.startProcessInstanceByKey(PROCESS, variables).getId();
      return store.byProcess(pi).orElseThrow().id();
    } catch (BadUserRequestException e) {
      if (e.getCause() instanceof ConflictException | e.getCause() instanceof NotFoundException
          | e.getCause() instanceof InvalidInputException | e.getCause() instanceof AccessDeniedException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    }
  }

  /** The secret codes a report names: comma- or space-separated, upper-cased, without duplicates. */
  static List<String> secretCodes(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
        .map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList();
  }

  /**
   * Step {@code Task_OpenIncident}, as the instance starts: records the incident, marks each secret {@code AT_RISK}
   * (a compromised one stays compromised), so the disclosure gate refuses new disclosures of it, and stores the
   * snapshot of its lineage. One transaction: the instance start, the marks and the snapshot commit together.
   */
  @Transactional
  Opened open(Report report, String processInstanceId) {
    List<SecretRef> refs = check(report);
    CordonUser user = currentUser.get();
    Instant now = now();
    String code = CodeSequences.format(CODE_PREFIX, codes.reserve(SEQUENCE, 1));
    long id = store.insert(code, user.id(), now, report.noticedHow().strip(), blankToNull(report.suspected()), report.since(),
        report.personalData());
    store.processInstance(id, processInstanceId);
    Map<String, String> before = new LinkedHashMap<>();
    refs.forEach(r -> before.put(r.code(), r.status().name()));
    store.insertSecrets(id, before);
    List<String> secretCodes = List.copyOf(before.keySet());
    evidence.append(EvidenceRecord.of("LEAK_REPORTED").secrets(secretCodes).payload(Map.of("incident", code,
        "personalData", report.personalData(), "since", report.since() == null ? "" : report.since().toString())));
    for (SecretRef ref : refs) {
      if (ref.status() != SecretStatus.AT_RISK && ref.status() != SecretStatus.COMPROMISED) {
        secrets.changeStatusAsCordon(ref.code(), SecretStatus.AT_RISK, "Leak incident " + code + " reported");
      }
    }
    List<LeakSnapshot.Holder> holders = snapshot.take(secretCodes);
    store.insertSnapshot(id, holders);
    Set<String> partners = holders.stream().map(LeakSnapshot.Holder::partnerCode).collect(Collectors.toCollection(TreeSet::new));
    evidence.append(EvidenceRecord.of("LEAK_LINEAGE_SNAPSHOT").secrets(secretCodes).payload(Map.of("incident", code,
        "holders", holders.size(), "partners", List.copyOf(partners))));
    return new Opened(id, code, secretCodes, report.personalData(), holders.size());
  }

  /** Refuses a report that cannot be opened, before anything is written. */
  private List<SecretRef> check(Report report) {
    if (report.secretCodes().isEmpty()) {
      throw new InvalidInputException("Name at least one secret by its code (e.g. TS-0001).");
    }
    if (report.secretCodes().size() > 100) {
      throw new InvalidInputException("Report at most 100 secrets at once.");
    }
    if (report.noticedHow() == null || report.noticedHow().isBlank()) {
      throw new InvalidInputException("Say how the leak was noticed (e.g. a design seen at a trade fair).");
    }
    if (report.since() != null && report.since().isAfter(LocalDate.ofInstant(now(), java.time.ZoneOffset.UTC))) {
      throw new InvalidInputException("'Since when' is a date in the future; give the day the leak began or leave it empty.");
    }
    List<String> unknown = report.secretCodes().stream().filter(c -> c.length() > 32 || !secrets.exists(c)).toList();
    if (!unknown.isEmpty()) {
      throw new NotFoundException("Unknown trade secret code(s): " + String.join(", ", unknown) + ".");
    }
    List<SecretRef> refs = List.copyOf(secrets.resolve(report.secretCodes()).values());
    CordonUser user = currentUser.get();
    boolean privileged = CurrentUser.isSystem(user) || user.isMemberOf(CordonGroups.SECURITY) || user.isMemberOf(CordonGroups.ADMINS);
    List<String> notOwned = refs.stream().filter(r -> !privileged && !user.id().equals(r.ownerId())).map(SecretRef::code).toList();
    if (!notOwned.isEmpty()) {
      throw new AccessDeniedException("Only the owner of " + String.join(", ", notOwned)
          + ", security or admins may report a leak of it; ask security to report it.");
    }
    Map<String, String> open = store.openIncidents(report.secretCodes());
    if (!open.isEmpty()) {
      throw new ConflictException("A leak incident is already open for " + open.entrySet().stream()
          .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))
          + ": add what you know to that incident instead of reporting a second one.");
    }
    return refs;
  }

  /**
   * Step after {@code Task_AssessLeak}: records the assessment; a confirmed leak marks the secrets {@code COMPROMISED}.
   * The suspected holders must be partners in the snapshot (a typing mistake is refused in the task).
   */
  @Transactional
  Assessed assess(long id, Assessment outcome, String suspectedText, String note) {
    LeakStore.Row incident = find(id);
    List<String> snapshotPartners = store.snapshot(id).stream().map(LeakSnapshot.Holder::partnerCode).distinct().toList();
    List<String> suspected = secretCodes(suspectedText);
    List<String> strangers = suspected.stream().filter(p -> !snapshotPartners.contains(p)).toList();
    if (!strangers.isEmpty()) {
      throw new InvalidInputException("Not holders of the secrets when the leak was reported: " + String.join(", ", strangers)
          + ". Name partners from the incident's snapshot (" + (snapshotPartners.isEmpty() ? "it has no holders"
          : String.join(", ", snapshotPartners.stream().limit(20).toList())) + ").");
    }
    List<String> secretCodes = secretCodesOf(id);
    store.assessed(id, outcome.name(), blankToNull(note), currentUser.get().id(), suspected);
    if (outcome == Assessment.CONFIRMED) {
      for (String code : secretCodes) {
        if (secrets.resolve(List.of(code)).get(code).status() != SecretStatus.COMPROMISED) {
          secrets.changeStatusAsCordon(code, SecretStatus.COMPROMISED, "Leak incident " + incident.code() + " confirmed");
        }
      }
    }
    evidence.append(EvidenceRecord.of("LEAK_ASSESSED").secrets(secretCodes).payload(Map.of("incident", incident.code(),
        "assessment", outcome.name(), "suspectedPartners", suspected)));
    for (String partner : suspected) {
      evidence.append(EvidenceRecord.of("LEAK_PARTNER_SUSPECTED").secrets(secretCodes).partner(partner)
          .payload(Map.of("incident", incident.code())));
    }
    return new Assessed(outcome != Assessment.NOT_CONFIRMED, suspected);
  }

  /**
   * Step {@code Task_PreserveEvidence} (a job, on Cordon's authority): builds each secret's evidence pack, keeps it with
   * the incident, and places a legal hold on the secret (an active hold is kept as it is).
   */
  @Transactional
  void preserve(long id) {
    LeakStore.Row incident = find(id);
    for (LeakStore.SecretRow s : store.secrets(id)) {
      EvidencePacks.Pack pack = packs.build(new EvidencePacks.Subject(EvidencePacks.Kind.SECRET, s.secretCode()));
      long holdId = holds.list(true).stream().filter(h -> h.kind() == LegalHolds.Kind.SECRET && h.code().equals(s.secretCode()))
          .findFirst().map(LegalHolds.Hold::id)
          .orElseGet(() -> holds.place(LegalHolds.Kind.SECRET, s.secretCode(), "Leak incident " + incident.code()).id());
      store.preserved(id, s.secretCode(), pack.manifestSha256(), pack.fileName(), pack.zip(), holdId);
      evidence.append(EvidenceRecord.of("LEAK_EVIDENCE_PRESERVED").secrets(List.of(s.secretCode())).nda(null, pack.manifestSha256())
          .payload(Map.of("incident", incident.code(), "pack", pack.fileName(), "holdId", holdId)));
    }
  }

  /**
   * Step after {@code Task_DecideContainment}: suspends the secrets' current disclosures to the suspected partners, or
   * to every holder, through the register's suspension with the incident as its cause, and tells the owners.
   */
  @Transactional
  int contain(long id, Scope scope, String note, String mailKey) {
    LeakStore.Row incident = find(id);
    List<String> suspected = store.partners(id).stream().map(LeakStore.PartnerRow::partnerCode).toList();
    if (scope == Scope.SUSPECTED_PARTNERS && suspected.isEmpty()) {
      throw new InvalidInputException("The assessment suspects no holder: suspend the disclosures to all holders, or none.");
    }
    List<String> secretCodes = secretCodesOf(id);
    String cause = "Leak incident " + incident.code() + (note == null || note.isBlank() ? "" : ": " + note.strip());
    int suspended = 0;
    Set<String> partners = new TreeSet<>();
    if (scope != Scope.NONE) {
      for (CurrentHolder h : disclosures.currentHolders(secretCodes)) {
        if (h.status() != DisclosureStatus.DISCLOSED || scope == Scope.SUSPECTED_PARTNERS && !suspected.contains(h.partnerCode())) {
          continue;
        }
        disclosures.close(h.disclosureId(), DisclosureStatus.SUSPENDED, cause);
        partners.add(h.partnerCode());
        suspended++;
      }
    }
    store.contained(id, scope.name(), blankToNull(note), suspended);
    evidence.append(EvidenceRecord.of("LEAK_CONTAINED").secrets(secretCodes).payload(Map.of("incident", incident.code(),
        "scope", scope.name(), "suspended", suspended, "partners", List.copyOf(partners))));
    mail.contained(mailKey, incident.code(), secretCodes, scope, suspended, partners.size());
    return suspended;
  }

  /**
   * Step {@code Task_NotifyOwners}: tells the owners and management; where personal data is involved, works out the
   * regulator deadline from the discovery (the report) with {@code RegulatorDeadline.dmn}.
   */
  @Transactional
  Notified notifyInternally(long id, String mailKey) {
    LeakStore.Row incident = find(id);
    List<String> secretCodes = secretCodesOf(id);
    RegulatorDeadlines.Deadline deadline = incident.personalData() ? regulators.earliest(secretCodes, incident.reportedAt()) : null;
    store.notified(id, deadline == null ? null : deadline.regime(), deadline == null ? null : deadline.due());
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("incident", incident.code());
    facts.put("personalData", incident.personalData());
    if (deadline != null) {
      facts.put("regime", deadline.regime());
      facts.put("regulatorDeadline", deadline.due().toString());
    }
    evidence.append(EvidenceRecord.of("LEAK_NOTIFIED").secrets(secretCodes).payload(facts));
    mail.notified(mailKey, incident.code(), secretCodes, incident.assessment(), deadline);
    return deadline == null ? new Notified(null, null, null)
        : new Notified(deadline.regime(), deadline.due(), regulators.reminder(deadline.due()));
  }

  /** Step after {@code Task_AssessDataProtection}. */
  @Transactional
  void recordDataProtection(long id, DpaOutcome outcome, String note) {
    LeakStore.Row incident = find(id);
    store.dataProtection(id, outcome.name(), blankToNull(note));
    evidence.append(EvidenceRecord.of("LEAK_DATA_PROTECTION_ASSESSED").secrets(secretCodesOf(id))
        .payload(Map.of("incident", incident.code(), "outcome", outcome.name(), "regime",
            incident.regulatorRegime() == null ? "" : incident.regulatorRegime())));
  }

  /** The partners a legal action is decided for, one task each: those the assessment suspects (read from the register). */
  @Transactional(readOnly = true)
  public List<String> suspectedPartners(long id) {
    return store.partners(id).stream().map(LeakStore.PartnerRow::partnerCode).toList();
  }

  /** Step after {@code Task_DecideLegalAction}: records the action decided for one suspected partner. */
  @Transactional
  void recordLegalAction(long id, String partnerCode, Action action, String note) {
    LeakStore.Row incident = find(id);
    if (suspectedPartners(id).stream().noneMatch(partnerCode::equals)) {
      throw new IllegalStateException("Partner " + partnerCode + " is not suspected in " + incident.code());
    }
    List<String> secretCodes = secretCodesOf(id);
    // The forum is the one of the partner's NDA(s), as the snapshot recorded their governing-law clause.
    List<String> forum = store.snapshot(id).stream().filter(h -> h.partnerCode().equals(partnerCode))
        .map(h -> h.ndaReference() + ": " + (h.governingLaw() == null ? "no governing-law clause" : h.governingLaw()))
        .distinct().toList();
    String offboarding = null;
    if (action == Action.DEMAND_RETURN_OR_DESTRUCTION) {
      List<Long> current = disclosures.currentHolders(secretCodes).stream().filter(h -> h.partnerCode().equals(partnerCode))
          .map(CurrentHolder::disclosureId).toList();
      if (!current.isEmpty()) {
        try {
          offboarding = offboardings.start(partnerCode, current, "Leak incident " + incident.code()
              + ": return or destruction demanded");
        } catch (ConflictException e) {
          // Already being offboarded (or returned meanwhile): the running offboarding's certificate covers the demand.
          note = (note == null ? "" : note + " ") + "(" + e.getMessage() + ")";
        }
      }
    }
    Instant decidedAt = now();
    // A cease and desist is a letter: generated from the snapshot in this step, so decision and letter commit together.
    io.cordon.nda.LetterService.Letter letter = action == Action.CEASE_AND_DESIST
        ? letters.ceaseAndDesist(incident, partnerCode, store.snapshot(id), decidedAt) : null;
    store.legalAction(id, partnerCode, action.name(), blankToNull(note), letter == null ? null : letter.sha256(),
        letter == null ? null : letter.content(), offboarding, currentUser.get().id(), decidedAt);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("incident", incident.code());
    facts.put("action", action.name());
    facts.put("forum", forum);
    if (offboarding != null) {
      facts.put("offboardingProcess", offboarding);
    }
    if (letter != null) {
      facts.put("letterSha256", letter.sha256());
      facts.put("template", letter.templateKey() + "@" + letter.templateVersion());
    }
    evidence.append(EvidenceRecord.of("LEAK_LEGAL_ACTION_DECIDED").secrets(secretCodes).partner(partnerCode).payload(facts));
  }

  /**
   * Step after {@code Task_CloseIncident}: records summary and lessons, adds the measures named to every secret of the
   * incident, and ends it: a secret still {@code AT_RISK} (the leak was not confirmed) goes back to its status before.
   */
  @Transactional
  void close(long id, String summary, String lessons, Set<ProtectionMeasure> measures) {
    LeakStore.Row incident = find(id);
    List<String> secretCodes = secretCodesOf(id);
    Map<String, List<String>> added = new LinkedHashMap<>();
    for (String code : secretCodes) {
      Set<ProtectionMeasure> now = secrets.addMeasuresAsCordon(code, measures, "Lesson of leak incident " + incident.code());
      if (!now.isEmpty()) {
        added.put(code, now.stream().map(Enum::name).sorted().toList());
      }
    }
    release(id, incident.code(), "closed");
    store.closed(id, Status.CLOSED, summary, blankToNull(lessons), currentUser.get().id(), now());
    evidence.append(EvidenceRecord.of("LEAK_CLOSED").secrets(secretCodes).payload(Map.of("incident", incident.code(),
        "assessment", incident.assessment() == null ? "" : incident.assessment(), "measuresAdded", added)));
  }

  /** End listener: an instance that ends without closing (cancelled in Cockpit) releases its secrets. */
  @Transactional
  void processEnded(String processInstanceId) {
    store.byProcess(processInstanceId).filter(i -> i.status() != Status.CLOSED && i.status() != Status.CANCELLED).ifPresent(i -> {
      release(i.id(), i.code(), "cancelled");
      store.closed(i.id(), Status.CANCELLED, null, null, currentUser.get().id(), now());
      evidence.append(EvidenceRecord.of("LEAK_CANCELLED").secrets(secretCodesOf(i.id())).payload(Map.of("incident", i.code())));
    });
  }

  /** A secret still at risk goes back to where it was before the report. */
  private void release(long id, String code, String how) {
    for (LeakStore.SecretRow s : store.secrets(id)) {
      SecretStatus now = secrets.resolve(List.of(s.secretCode())).get(s.secretCode()).status();
      SecretStatus before = SecretStatus.valueOf(s.statusBefore());
      if (now == SecretStatus.AT_RISK && before != SecretStatus.AT_RISK) {
        secrets.changeStatusAsCordon(s.secretCode(), before, "Leak incident " + code + " " + how + " without confirmation");
      }
    }
  }

  List<String> secretCodesOf(long id) {
    return store.secrets(id).stream().map(LeakStore.SecretRow::secretCode).toList();
  }

  LeakStore.Row find(long id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("No leak incident with id " + id + "."));
  }

  /** Measures named in the closing form (comma-separated); an unknown one is refused with the list of known ones. */
  static Set<ProtectionMeasure> measures(String text) {
    Set<ProtectionMeasure> measures = EnumSet.noneOf(ProtectionMeasure.class);
    for (String name : secretCodes(text)) {
      try {
        measures.add(ProtectionMeasure.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("'" + name + "' is not a protection measure; use "
            + Arrays.stream(ProtectionMeasure.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
      }
    }
    return measures;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
  }

  static List<String> list(LinkedHashSet<String> set) {
    return new ArrayList<>(set);
  }
}
