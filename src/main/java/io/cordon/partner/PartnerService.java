package io.cordon.partner;

import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.identity.CurrentUser;
import io.cordon.platform.CodeSequences;
import io.cordon.platform.ConflictException;
import io.cordon.platform.Countries;
import io.cordon.platform.InvalidInputException;
import io.cordon.platform.InvalidInputException.Violation;
import io.cordon.platform.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hibernate.Session;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.Valid;

/** The register of partners. Every change appends its evidence event in the same transaction. */
@Service
@Validated
public class PartnerService {

  static final String CODE_PREFIX = "P-";
  static final String SEQUENCE = "partner";

  private final PartnerRepository partners;
  private final CodeSequences codes;
  private final EvidenceChain evidence;
  private final DueDiligenceRepository dueDiligence;
  private final CurrentUser currentUser;
  private final EntityManager entityManager;
  private final ApplicationEventPublisher events;

  PartnerService(PartnerRepository partners, CodeSequences codes, EvidenceChain evidence,
      DueDiligenceRepository dueDiligence, CurrentUser currentUser, EntityManager entityManager,
      ApplicationEventPublisher events) {
    this.events = events;
    this.partners = partners;
    this.codes = codes;
    this.evidence = evidence;
    this.dueDiligence = dueDiligence;
    this.currentUser = currentUser;
    this.entityManager = entityManager;
  }

  /** Stores a due-diligence review of the partner (onboarding), by the current user. */
  @Transactional
  public long recordDueDiligence(String code, String processInstanceId, @Valid DueDiligenceAnswers answers) {
    return recordDueDiligence(code, processInstanceId, answers, null);
  }

  /**
   * Stores a due-diligence review of the partner, by the current user; {@code answeredBy} (evidence only) says whose
   * words the answers are: the partner contact's own, or procurement's on the partner's behalf.
   */
  @Transactional
  public long recordDueDiligence(String code, String processInstanceId, @Valid DueDiligenceAnswers answers,
      Map<String, Object> answeredBy) {
    Partner partner = find(code);
    DueDiligence review = dueDiligence.save(new DueDiligence(partner.getId(), processInstanceId, answers,
        currentUser.get().id(), now()));
    Map<String, Object> payload = new java.util.LinkedHashMap<>(Map.of("dueDiligenceId", review.getId(),
        "accessControlInPlace", answers.accessControlInPlace(), "usesSubcontractors", answers.usesSubcontractors(),
        "incidentsLastFiveYears", answers.incidentsLastFiveYears(), "staffTurnover", answers.staffTurnover(),
        "securityCertified", answers.securityCertified()));
    if (answeredBy != null) {
      payload.put("answeredBy", answeredBy);
    }
    evidence.append(EvidenceRecord.of("DUE_DILIGENCE_RECORDED").partner(code).payload(payload));
    return review.getId();
  }

  /** The partner's latest due-diligence answers as recorded, the facts its risk tier is decided on. */
  @Transactional(readOnly = true)
  public java.util.Optional<DueDiligenceAnswers> latestDueDiligence(String code) {
    return dueDiligence.findFirstByPartnerIdOrderByIdDesc(find(code).getId()).map(DueDiligence::answers);
  }

  @Transactional
  public PartnerView register(@Valid PartnerDetails details) {
    validate(details);
    String code = CodeSequences.format(CODE_PREFIX, codes.reserve(SEQUENCE, 1));
    Partner partner = partners.save(new Partner(code, details, parentOf(details, null), now()));
    evidence.append(registered(partner));
    return PartnerView.of(partner);
  }

  @Transactional
  public PartnerView update(String code, long expectedVersion, @Valid PartnerDetails details) {
    Partner partner = find(code);
    if (partner.getVersion() != expectedVersion) {
      throw new ConflictException("Partner " + code + " was changed by someone else (version " + partner.getVersion()
          + ", you sent " + expectedVersion + "). Reload it and apply your change again.");
    }
    validate(details);
    partner.apply(details, parentOf(details, partner), now());
    partners.saveAndFlush(partner);
    evidence.append(EvidenceRecord.of("PARTNER_CHANGED").partner(code)
        .payload(Map.of("legalName", details.legalName(), "country", details.country(), "type", details.type().name(),
            "version", partner.getVersion())));
    return PartnerView.of(partner);
  }

  @Transactional
  public PartnerView changeStatus(String code, PartnerStatus to, String reason) {
    Partner partner = find(code);
    PartnerStatus from = partner.getStatus();
    partner.changeStatus(to, now());
    partners.saveAndFlush(partner);
    evidence.append(EvidenceRecord.of("PARTNER_STATUS_CHANGED").partner(code)
        .payload(Map.of("from", from.name(), "to", to.name(), "reason", reason == null ? "" : reason)));
    // Listeners act in this transaction (the portal withdraws the partner's links when it is suspended or offboarded).
    events.publishEvent(new PartnerStatusChanged(code, from, to));
    return PartnerView.of(partner);
  }

  /** Records the risk tier decided by due diligence (onboarding process). */
  @Transactional
  public PartnerView assess(String code, RiskTier tier) {
    return assess(code, tier, null, List.of());
  }

  /**
   * Records the risk tier with why: the highest classification the decision was asked with and the descriptions of the
   * decision table's rules that matched, kept with the latest due-diligence review.
   */
  @Transactional
  public PartnerView assess(String code, RiskTier tier, String highestClassification, List<String> rules) {
    Partner partner = find(code);
    partner.assess(tier, now());
    dueDiligence.findFirstByPartnerIdOrderByIdDesc(partner.getId())
        .ifPresent(review -> review.tier(tier, highestClassification, rules));
    evidence.append(EvidenceRecord.of("PARTNER_RISK_ASSESSED").partner(code).payload(Map.of("riskTier", tier.name())));
    return PartnerView.of(partner);
  }

  /** Sets the next re-certification date (re-certification process). */
  @Transactional
  public PartnerView scheduleRecertification(String code, LocalDate date) {
    Partner partner = find(code);
    partner.scheduleRecertification(date, now());
    evidence.append(EvidenceRecord.of("RECERTIFICATION_SCHEDULED").partner(code).payload(Map.of("due", date.toString())));
    return PartnerView.of(partner);
  }

  @Transactional(readOnly = true)
  public PartnerView get(String code) {
    return PartnerView.of(find(code));
  }

  /** The partner's latest due-diligence review, with the tier it led to (if assessed yet). */
  @Transactional(readOnly = true)
  public java.util.Optional<DueDiligenceView> dueDiligence(String code) {
    return dueDiligence.findFirstByPartnerIdOrderByIdDesc(find(code).getId()).map(DueDiligence::view);
  }

  @Transactional(readOnly = true)
  public boolean exists(String code) {
    return partners.findByCode(code).isPresent();
  }

  @Transactional(readOnly = true)
  public PartnerRef resolve(String code) {
    return PartnerRef.of(find(code));
  }

  @Transactional(readOnly = true)
  public Page<PartnerView> search(PartnerFilter filter, Pageable page) {
    return partners.findAll(matching(filter), page).map(PartnerView::of);
  }

  /** By code; a partner this transaction has already loaded or registered is taken from the persistence context. */
  Partner find(String code) {
    return entityManager.unwrap(Session.class).bySimpleNaturalId(Partner.class).loadOptional(code)
        .orElseThrow(() -> new NotFoundException("No partner with code " + code + "."));
  }

  List<Violation> violations(PartnerDetails details) {
    List<Violation> violations = new ArrayList<>();
    if (details.country() != null && !Countries.isValid(details.country())) {
      violations.add(new Violation("country", "'" + details.country() + "' is not an ISO 3166 country code"));
    }
    return violations;
  }

  private void validate(PartnerDetails details) {
    List<Violation> violations = violations(details);
    if (!violations.isEmpty()) {
      throw InvalidInputException.of(violations);
    }
  }

  /** The parent named in the details; refuses a parent that would make the partner its own ancestor. */
  private Partner parentOf(PartnerDetails details, Partner self) {
    if (details.parentCode() == null) {
      return null;
    }
    Partner parent = partners.findByCode(details.parentCode()).orElseThrow(() -> InvalidInputException.of(
        List.of(new Violation("parentCode", "no partner with code " + details.parentCode()))));
    for (Partner p = parent; p != null && self != null; p = p.getParent()) {
      if (p.getId().equals(self.getId())) {
        throw InvalidInputException.of(List.of(new Violation("parentCode",
            details.parentCode() + " is " + self.getCode() + " itself or one of its subsidiaries")));
      }
    }
    return parent;
  }

  static EvidenceRecord registered(Partner p) {
    return EvidenceRecord.of("PARTNER_REGISTERED").partner(p.getCode())
        .payload(Map.of("legalName", p.getLegalName(), "country", p.getCountry(), "type", p.getType().name()));
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static Specification<Partner> matching(PartnerFilter f) {
    return (root, query, cb) -> {
      List<Predicate> all = new ArrayList<>();
      if (f.status() != null) all.add(cb.equal(root.get("status"), f.status()));
      if (f.type() != null) all.add(cb.equal(root.get("type"), f.type()));
      if (f.country() != null) all.add(cb.equal(root.get("country"), f.country()));
      if (f.riskTier() != null) all.add(cb.equal(root.get("riskTier"), f.riskTier()));
      if (f.q() != null && !f.q().isBlank()) {
        String like = "%" + f.q().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        all.add(cb.or(cb.like(cb.lower(root.get("code")), like, '\\'), cb.like(cb.lower(root.get("legalName")), like, '\\'),
            cb.like(root.get("nativeName"), "%" + f.q() + "%")));
      }
      return cb.and(all.toArray(Predicate[]::new));
    };
  }
}
