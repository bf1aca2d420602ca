package io.cordon.onboarding;

import io.cordon.disclosure.DisclosureRequest;
import io.cordon.disclosure.DisclosureService;
import io.cordon.disclosure.DisclosureStatus;
import io.cordon.disclosure.DisclosureView;
import io.cordon.disclosure.Approval;
import io.cordon.disclosure.ApprovalMatrix;
import io.cordon.workflow.Decisions;
import io.cordon.evidence.EvidenceChain;
import io.cordon.nda.NdaKind;
import io.cordon.nda.NdaLifecycle;
import io.cordon.nda.NdaRecords;
import io.cordon.nda.NdaService;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.partner.Contact;
import io.cordon.partner.DueDiligenceAnswers;
import io.cordon.partner.PartnerDetails;
import io.cordon.partner.PartnerRef;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.partner.PartnerType;
import io.cordon.partner.PartnerView;
import io.cordon.partner.RiskTier;
import io.cordon.portal.Respondent;
import io.cordon.portal.Respondents;
import io.cordon.identity.CurrentUser;
import java.util.Optional;
import io.cordon.platform.ConflictException;
import io.cordon.platform.InvalidInputException;
import io.cordon.secret.Classification;
import io.cordon.secret.SecretRef;
import io.cordon.secret.SecretService;
import io.cordon.secret.SecretStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What partner onboarding does to the register, step by step. Each method is one step of the model; the delegates
 * only move variables in and out.
 */
@Service
public class OnboardingService {

  private final PartnerService partners;
  private final SecretService secrets;
  private final DisclosureService disclosures;
  private final EvidenceChain evidence;
  private final ApplicationEventPublisher events;
  private final NdaService ndas;
  private final NdaLifecycle ndaLifecycle;
  private final ApprovalMatrix matrix;
  private final Decisions decisions;
  private final Respondents respondents;
  private final CurrentUser currentUser;

  OnboardingService(PartnerService partners, SecretService secrets, DisclosureService disclosures, EvidenceChain evidence,
      ApplicationEventPublisher events, NdaService ndas, NdaLifecycle ndaLifecycle, ApprovalMatrix matrix,
      Decisions decisions, Respondents respondents, CurrentUser currentUser) {
    this.respondents = respondents;
    this.currentUser = currentUser;
    this.matrix = matrix;
    this.decisions = decisions;
    this.partners = partners;
    this.secrets = secrets;
    this.disclosures = disclosures;
    this.evidence = evidence;
    this.events = events;
    this.ndas = ndas;
    this.ndaLifecycle = ndaLifecycle;
  }

  /** The template and clauses the NDA decision tables choose for this partner and these secrets. */
  @Transactional(readOnly = true)
  public NdaService.Selection selectClauses(String partnerCode, List<String> secretCodes, String kind, boolean individualsSign) {
    return ndas.preview(partnerCode, secretCodes, NdaKind.valueOf(kind), individualsSign);
  }

  /**
   * The first NDA for this onboarding, with the template and clauses selected in the step before (when given), or a
   * new version of it with legal's fallback positions.
   */
  @Transactional
  public NdaRecords.NdaVersionView generateNda(String existingReference, String partnerCode, List<String> secretCodes,
      String kind, String purpose, boolean individualsSign, Map<String, String> fallbacks, NdaService.Selection selected) {
    if (existingReference == null) {
      return ndas.generate(new NdaRecords.Generate(partnerCode, secretCodes, NdaKind.valueOf(kind), purpose, individualsSign,
          null, null, null, null, fallbacks), selected);
    }
    // A round's fallbacks come on top of those the current version already uses.
    Map<String, String> merged = new java.util.LinkedHashMap<>();
    NdaRecords.NdaView nda = ndas.get(existingReference);
    nda.versions().stream().filter(v -> v.version() == nda.latestVersion()).flatMap(v -> v.clauses().stream())
        .filter(c -> c.fallback() != null).forEach(c -> merged.put(c.key(), c.fallback()));
    merged.putAll(fallbacks);
    return ndas.regenerate(existingReference, new NdaRecords.Regenerate(null, null, null, null, null, merged));
  }

  /** What the NDA from this template needs of the partner and the register lacks ("registered address", ...). */
  @Transactional(readOnly = true)
  public List<String> missingPartnerData(String partnerCode, String templateKey) {
    return ndas.missingPartnerData(partnerCode, templateKey);
  }

  /**
   * Records the partner data procurement completed for the NDA: a blank answer keeps what the register holds. Refused,
   * naming them, while data the NDA needs is still missing, so the task stays open.
   */
  @Transactional
  public void completePartnerData(String partnerCode, String templateKey, String address, String registrationId,
      String nativeName) {
    PartnerView current = partners.get(partnerCode);
    PartnerDetails details = new PartnerDetails(current.legalName(), keep(nativeName, current.nativeName()),
        current.country(), keep(registrationId, current.registrationId()), keep(address, current.address()),
        current.type(), current.parentCode(), current.contacts());
    partners.update(partnerCode, current.version(), details);
    List<String> missing = ndas.missingPartnerData(partnerCode, templateKey);
    if (!missing.isEmpty()) {
      throw new InvalidInputException("The NDA still needs the partner's " + listed(missing) + ". Fill in "
          + (missing.size() == 1 ? "that field" : "those fields") + " and complete the task again.");
    }
  }

  /** "a", "a and b", "a, b and c". */
  private static String listed(List<String> items) {
    return items.size() <= 1 ? String.join("", items)
        : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  private static String keep(String answer, String current) {
    return answer == null || answer.isBlank() ? current : answer.strip();
  }

  /** Refuses a fallback choice the NDA's clauses do not offer, while legal is still at the review form. */
  @Transactional(readOnly = true)
  public void checkFallbacks(String ndaReference, Map<String, String> fallbacks) {
    ndas.checkFallbacks(ndaReference, fallbacks);
  }

  @Transactional
  public void approveNda(String reference, int version) {
    ndaLifecycle.approve(reference, version);
  }

  /** Stores the signed copy; returns the secrets it covers (its Schedule A). */
  @Transactional
  public NdaLifecycle.Execution recordExecutedNda(String reference, byte[] content, String fileName, LocalDate signatureDate,
      String signatories) {
    return ndaLifecycle.recordExecuted(reference, content, fileName, signatureDate, signatories);
  }

  @Transactional(readOnly = true)
  public Set<String> coveredSecrets(String reference) {
    return ndaLifecycle.execution(reference).map(e -> Set.copyOf(e.secretCodes())).orElse(Set.of());
  }

  /**
   * Checks the request and puts the partner into ONBOARDING: every secret must exist and be active, and the partner
   * must not be onboarding already. A new partner is registered first. All or nothing.
   */
  @Transactional
  public OnboardingStarted start(OnboardingRequest request, String processInstanceId) {
    if (request.secretCodes().isEmpty()) {
      throw new InvalidInputException("Name at least one secret to be disclosed (codes such as TS-0001).");
    }
    Map<String, SecretRef> requested = secrets.resolve(request.secretCodes());
    List<String> inactive = requested.values().stream().filter(s -> s.status() != SecretStatus.ACTIVE)
        .map(s -> s.code() + " (" + s.status() + ")").sorted().toList();
    if (!inactive.isEmpty()) {
      throw new ConflictException("Only active secrets can be disclosed; not: " + String.join(", ", inactive) + ".");
    }
    boolean newPartner = request.partnerCode() == null || request.partnerCode().isBlank();
    String partnerCode = newPartner ? registerNewPartner(request) : request.partnerCode().trim();
    if (newPartner) {
      // Asked at the start: what every NDA prints. What only some templates print (the native name in a bilingual
      // one), and anything a partner registered earlier lacks, becomes a task for procurement at Generate NDA.
      List<String> missing = ndas.missingPartnerData(partnerCode);
      if (!missing.isEmpty()) {
        throw new InvalidInputException("The NDA for this partner prints its " + listed(missing)
            + ": fill in " + (missing.size() == 1 ? "that field" : "those fields") + ".");
      }
    }
    PartnerRef partner = partners.resolve(partnerCode);
    if (partner.status() == PartnerStatus.ONBOARDING) {
      throw new ConflictException("Partner " + partnerCode + " is already being onboarded.");
    }
    if (partner.status() != PartnerStatus.PROSPECT) {
      throw new ConflictException("Partner " + partnerCode + " is " + partner.status()
          + "; onboarding starts from a prospect. Active partners request more secrets through a disclosure request.");
    }
    partners.changeStatus(partnerCode, PartnerStatus.ONBOARDING, "onboarding " + processInstanceId);
    List<String> codes = List.copyOf(requested.keySet());
    Classification highest = requested.values().stream().map(SecretRef::classification)
        .max(Comparator.naturalOrder()).orElseThrow();
    evidence.append(EvidenceRecord.of("ONBOARDING_STARTED").partner(partnerCode).secrets(codes)
        .process(processInstanceId, "StartEvent_OnboardingRequested")
        .payload(Map.of("purpose", request.purpose(), "ndaKind", request.ndaKind())));
    return new OnboardingStarted(partnerCode, partner.country(), partner.type().name(), codes, highest.name());
  }

  /** A reviewer's decision (security review, legal review) as evidence, with the reviewer as actor. */
  @Transactional
  public void recordReviewDecision(String type, String partnerCode, List<String> secretCodes, String ndaReference,
      String decision, String comment) {
    evidence.append(EvidenceRecord.of(type).partner(partnerCode).secrets(secretCodes).nda(ndaReference, null)
        .payload(Map.of("decision", String.valueOf(decision), "comment", comment == null ? "" : comment)));
  }

  /**
   * Records the due-diligence answers and whose words they are: the partner contact's own, through its link, or
   * procurement's entry in Tasklist on the partner's behalf. Returns that as a sentence for the reviewers.
   */
  @Transactional
  public String recordDueDiligence(String partnerCode, String processInstanceId, DueDiligenceAnswers answers) {
    Optional<Respondent> respondent = respondents.current();
    Map<String, Object> answeredBy = new java.util.LinkedHashMap<>();
    if (respondent.isPresent()) {
      Respondent r = respondent.get();
      answeredBy.put("channel", "PARTNER_LINK");
      answeredBy.put("name", r.name());
      answeredBy.put("role", r.role());
      answeredBy.put("email", r.email());
      answeredBy.put("link", r.linkId());
    } else {
      answeredBy.put("channel", "ON_BEHALF_OF_PARTNER");
      answeredBy.put("recordedBy", currentUser.get().id());
    }
    partners.recordDueDiligence(partnerCode, processInstanceId, answers, answeredBy);
    return respondent.map(r -> "Answered by the partner: " + r.name() + " (" + r.role() + "), " + r.email()
        + ", through the partner link.").orElse("Recorded by " + currentUser.get().id() + " on the partner's behalf.");
  }

  /**
   * The partner's risk tier ({@code PartnerRiskTier.dmn}), decided on what the register holds now: the partner's
   * country and type, its latest due-diligence answers as recorded, and the highest classification of the requested
   * secrets. Stored on the partner; later steps read it from there. The same rule says whether security must review the
   * partner (the table's {@code securityReview}), so that rule stays editable without code.
   */
  @Transactional
  public RiskAssessment assessRisk(String partnerCode, List<String> secretCodes) {
    PartnerRef partner = partners.resolve(partnerCode);
    DueDiligenceAnswers answers = partners.latestDueDiligence(partnerCode).orElseThrow(() -> new ConflictException(
        "Partner " + partnerCode + " has no recorded due diligence: its risk tier cannot be decided."));
    Map<String, Object> facts = new java.util.HashMap<>();
    facts.put("country", partner.country());
    facts.put("partnerType", partner.type().name());
    String highest = highest(secretCodes).name();
    facts.put("highestClassification", highest);
    facts.put("securityCertified", answers.securityCertified());
    facts.put("accessControlInPlace", answers.accessControlInPlace());
    facts.put("usesSubcontractors", answers.usesSubcontractors());
    facts.put("incidentsLastFiveYears", answers.incidentsLastFiveYears());
    facts.put("staffTurnover", answers.staffTurnover());
    Decisions.Explained decided = decisions.explain("PartnerRiskTier", facts);
    RiskTier riskTier = RiskTier.valueOf(decided.result().getSingleResult().<String>getEntry("riskTier"));
    Boolean securityReview = decided.result().getSingleResult().getEntry("securityReview");
    partners.assess(partnerCode, riskTier, highest, decided.rules());
    // A rule that leaves the column empty asks for the review: unknown is not "no review needed".
    return new RiskAssessment(riskTier, securityReview == null || securityReview);
  }

  /** PartnerRiskTier.dmn's answer: the tier, and whether security reviews the partner before the NDA. */
  public record RiskAssessment(RiskTier tier, boolean securityReview) {
  }

  /**
   * Months until the first re-certification ({@code RecertificationInterval.dmn}), on the partner's recorded tier and
   * the highest classification of the secrets as the register holds them now.
   */
  @Transactional(readOnly = true)
  public int recertificationMonths(String partnerCode, List<String> secretCodes) {
    RiskTier tier = partners.resolve(partnerCode).riskTier();
    Number months = decisions.table("RecertificationInterval",
        Map.<String, Object>of("riskTier", String.valueOf(tier), "highestClassification", highest(secretCodes).name())).getSingleEntry();
    return months.intValue();
  }

  private Classification highest(List<String> secretCodes) {
    return secrets.resolve(secretCodes).values().stream().map(SecretRef::classification)
        .max(Comparator.naturalOrder()).orElseThrow(() -> new ConflictException("No secrets requested."));
  }

  /** Ends the onboarding with the partner rejected (security or legal said no). */
  @Transactional
  public void reject(String partnerCode, String by, String reason) {
    revokeOpenDisclosures(partnerCode, "onboarding rejected by " + by);
    partners.changeStatus(partnerCode, PartnerStatus.REJECTED, "rejected by " + by + (reason == null ? "" : ": " + reason));
  }

  /** Procurement withdrew the onboarding: the partner is a prospect again and nothing was disclosed. */
  @Transactional
  public void withdraw(String partnerCode, String reason) {
    revokeOpenDisclosures(partnerCode, "onboarding withdrawn");
    partners.changeStatus(partnerCode, PartnerStatus.PROSPECT, "onboarding withdrawn" + (reason == null ? "" : ": " + reason));
  }

  /**
   * Requests one disclosure per secret, under the approved NDA, and says who must approve each: items
   * {@code disclosureId:OWNER:userId} or {@code disclosureId:SECURITY}, the approvers (OWNER, SECURITY) of each secret
   * being what the approval matrix says for its classification and the partner's recorded tier. A secret that needs no
   * approval (no approver in the matrix) is approved on the register's authority right away.
   */
  @Transactional
  public Requested requestDisclosures(String partnerCode, List<String> secretCodes, String ndaReference,
      String purpose, List<String> recipients) {
    Map<String, SecretRef> refs = secrets.resolve(secretCodes);
    RiskTier tier = partners.resolve(partnerCode).riskTier();
    Function<SecretRef, List<String>> approversOf = secret -> matrix.approvers(secret.classification(), tier);
    List<ApprovalItem> items = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (String code : secretCodes) {
      List<String> approvers = approversOf.apply(refs.get(code));
      DisclosureView d = disclosures.request(new DisclosureRequest(code, partnerCode, ndaReference, null, purpose, recipients, null));
      ids.add(d.id());
      if (approvers.isEmpty()) {
        disclosures.decide(d.id(), Approval.Decision.APPROVED, "no approval required for " + refs.get(code).classification());
      }
      for (String approver : approvers) {
        items.add("OWNER".equals(approver) ? ApprovalItem.owner(d.id(), refs.get(code).ownerId())
            : ApprovalItem.security(d.id()));
      }
    }
    return new Requested(ids, items);
  }

  record Requested(List<Long> disclosureIds, List<ApprovalItem> approvals) {
  }

  /** Discloses, through the gate, those of the given disclosures that were approved; returns their secret codes. */
  @Transactional
  public List<String> discloseApproved(List<Long> disclosureIds, String ndaReference, Integer ndaVersion) {
    List<String> disclosed = new ArrayList<>();
    for (long id : disclosureIds) {
      DisclosureView d = disclosures.get(id);
      if (d.status() == DisclosureStatus.APPROVED) {
        disclosures.disclose(id, ndaReference, ndaVersion);
        disclosed.add(d.secretCode());
      }
    }
    return disclosed;
  }

  @Transactional(readOnly = true)
  public String secretOf(long disclosureId) {
    return disclosures.get(disclosureId).secretCode();
  }

  @Transactional
  public void decideDisclosure(long disclosureId, boolean approved, String comment) {
    disclosures.decide(disclosureId, approved ? Approval.Decision.APPROVED : Approval.Decision.DECLINED, comment);
  }

  /**
   * The last step: the partner becomes active, and every approved disclosure whose secret the executed NDA covers
   * goes through the disclosure gate. Declined or uncovered secrets are not disclosed (uncovered ones are revoked).
   */
  @Transactional
  public PartnerOnboarded activate(String partnerCode, String ndaReference, Integer ndaVersion, Set<String> coveredSecrets,
      int recertificationMonths) {
    partners.changeStatus(partnerCode, PartnerStatus.ACTIVE, "onboarding complete under " + ndaReference);
    List<String> disclosed = new ArrayList<>();
    for (DisclosureView d : disclosures.ofPartner(partnerCode, EnumSet.of(DisclosureStatus.APPROVED))) {
      if (coveredSecrets.contains(d.secretCode())) {
        disclosures.disclose(d.id(), ndaReference, ndaVersion);
        disclosed.add(d.secretCode());
      } else {
        disclosures.close(d.id(), DisclosureStatus.REVOKED, "not covered by the executed NDA " + ndaReference);
      }
    }
    LocalDate next = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).plusMonths(recertificationMonths);
    String tier = String.valueOf(partners.scheduleRecertification(partnerCode, next).riskTier());
    PartnerOnboarded onboarded = new PartnerOnboarded(partnerCode, tier, ndaReference, next, List.copyOf(disclosed));
    events.publishEvent(onboarded);
    return onboarded;
  }

  private String registerNewPartner(OnboardingRequest r) {
    if (r.partnerName() == null || r.partnerName().isBlank() || r.partnerCountry() == null || r.partnerType() == null) {
      throw new InvalidInputException("Name an existing prospect (partner code) or give the new partner's legal name, "
          + "country and type.");
    }
    PartnerType type;
    try {
      type = PartnerType.valueOf(r.partnerType());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Unknown partner type '" + r.partnerType() + "'. Allowed: "
          + java.util.Arrays.toString(PartnerType.values()) + ".");
    }
    List<Contact> contacts = r.contactEmail() == null || r.contactEmail().isBlank() ? List.of()
        : List.of(new Contact(r.contactName() == null || r.contactName().isBlank() ? r.contactEmail() : r.contactName(),
            r.contactEmail(), "primary contact"));
    return partners.register(new PartnerDetails(r.partnerName().trim(), blankToNull(r.partnerNativeName()), r.partnerCountry().trim(),
        blankToNull(r.partnerRegistrationId()), blankToNull(r.partnerAddress()), type, null,
        contacts)).code();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private void revokeOpenDisclosures(String partnerCode, String reason) {
    Collection<DisclosureStatus> open = EnumSet.of(DisclosureStatus.REQUESTED, DisclosureStatus.APPROVED);
    for (DisclosureView d : disclosures.ofPartner(partnerCode, open)) {
      disclosures.close(d.id(), DisclosureStatus.REVOKED, reason);
    }
  }
}
