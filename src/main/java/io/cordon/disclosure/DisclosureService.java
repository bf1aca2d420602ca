package io.cordon.disclosure;

import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.identity.CordonGroups;
import io.cordon.identity.CordonUser;
import io.cordon.identity.CurrentUser;
import io.cordon.partner.Partner;
import io.cordon.partner.PartnerRef;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.platform.ConflictException;
import io.cordon.platform.InvalidInputException;
import io.cordon.platform.NotFoundException;
import io.cordon.secret.Classification;
import io.cordon.secret.SecretRef;
import io.cordon.secret.SecretService;
import io.cordon.secret.SecretStatus;
import io.cordon.secret.TradeSecret;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.Valid;

/**
 * Disclosures and the lineage. The only way to {@code DISCLOSED} is {@link #disclose}, the gate: the secret is
 * active, the partner is active, and the NDA named on the disclosure is in force for that partner.
 */
@Service
@Validated
public class DisclosureService {

  private final DisclosureRepository disclosures;
  private final SecretService secrets;
  private final PartnerService partners;
  private final NdaCheck ndaCheck;
  private final EvidenceChain evidence;
  private final CurrentUser currentUser;
  private final EntityManager entityManager;
  private final ApprovalMatrix matrix;

  DisclosureService(DisclosureRepository disclosures, SecretService secrets, PartnerService partners, NdaCheck ndaCheck,
      EvidenceChain evidence, CurrentUser currentUser, EntityManager entityManager, ApprovalMatrix matrix) {
    this.matrix = matrix;
    this.disclosures = disclosures;
    this.secrets = secrets;
    this.partners = partners;
    this.ndaCheck = ndaCheck;
    this.evidence = evidence;
    this.currentUser = currentUser;
    this.entityManager = entityManager;
  }

  @Transactional
  public DisclosureView request(@Valid DisclosureRequest request) {
    SecretRef secret = secrets.resolve(List.of(request.secretCode())).get(request.secretCode());
    PartnerRef partner = partners.resolve(request.partnerCode());
    if (secret.status() != SecretStatus.ACTIVE) {
      throw new ConflictException("Trade secret " + secret.code() + " is " + secret.status() + ": only active secrets can be disclosed.");
    }
    if (EnumSet.of(PartnerStatus.SUSPENDED, PartnerStatus.OFFBOARDED, PartnerStatus.REJECTED).contains(partner.status())) {
      throw new ConflictException("Partner " + partner.code() + " is " + partner.status() + ": no new disclosures to it.");
    }
    if (disclosures.existsOpen(secret.id(), partner.id(), DisclosureStatus.OPEN)) {
      throw new ConflictException("Partner " + partner.code() + " already has an open disclosure of " + secret.code() + ".");
    }
    Disclosure d = disclosures.save(new Disclosure(entityManager.getReference(TradeSecret.class, secret.id()),
        entityManager.getReference(Partner.class, partner.id()), request, now()));
    evidence.append(record("DISCLOSURE_REQUESTED", d, secret.code(), partner.code())
        .payload(Map.of("disclosureId", d.getId(), "purpose", request.purpose(), "permittedRecipients", request.permittedRecipients())));
    return DisclosureView.of(d);
  }

  /** The secret's owner (or security, admins) approves or declines; a decline revokes the request. */
  @Transactional
  public DisclosureView decide(long id, Approval.Decision decision, String comment) {
    Disclosure d = find(id);
    CordonUser user = currentUser.get();
    String role = approverRole(user, d.getSecret());
    d.decide(new Approval(user.id(), role, decision, now(), comment));
    disclosures.saveAndFlush(d);
    evidence.append(record(decision == Approval.Decision.APPROVED ? "DISCLOSURE_APPROVED" : "DISCLOSURE_DECLINED", d,
        d.getSecret().getCode(), d.getPartner().getCode())
        .payload(Map.of("disclosureId", id, "role", role, "comment", comment == null ? "" : comment)));
    return DisclosureView.of(d);
  }

  /**
   * The gate, and the only way to {@code DISCLOSED}, for the processes and the REST API alike: makes an approved (or
   * suspended) disclosure real, optionally naming the executed NDA that covers it. Everything it decides on is read
   * from the register here: secret and partner active; every approval the approval matrix demands for the secret's
   * classification and the partner's recorded tier; an executed NDA in force with this partner that covers the secret
   * (in its Schedule A, or with the clauses a crown jewel needs). A refusal names every missing piece.
   */
  @Transactional
  public DisclosureView disclose(long id, String ndaReference, Integer ndaVersion) {
    Disclosure d = find(id);
    if (d.getStatus() == DisclosureStatus.REQUESTED) {
      throw new ConflictException("Disclosure " + id + " is not approved yet: the secret's owner decides first.");
    }
    if (ndaReference != null) {
      d.coverBy(ndaReference, ndaVersion);
    }
    TradeSecret secret = d.getSecret();
    Partner partner = d.getPartner();
    if (secret.getStatus() != SecretStatus.ACTIVE) {
      throw new ConflictException("Trade secret " + secret.getCode() + " is " + secret.getStatus() + ": it cannot be disclosed.");
    }
    if (partner.getStatus() != PartnerStatus.ACTIVE) {
      throw new ConflictException("Partner " + partner.getCode() + " is " + partner.getStatus()
          + ": secrets are disclosed only to active partners.");
    }
    List<String> missing = new java.util.ArrayList<>(missingApprovals(d));
    missing.addAll(missingCover(d));
    if (!missing.isEmpty()) {
      throw new ConflictException("Disclosure " + id + " of " + secret.getCode() + " to " + partner.getCode()
          + " cannot be made yet: " + String.join("; ", missing) + ".");
    }
    DisclosureStatus from = d.getStatus();
    d.moveTo(DisclosureStatus.DISCLOSED, now());
    disclosures.saveAndFlush(d);
    evidence.append(record(from == DisclosureStatus.SUSPENDED ? "DISCLOSURE_REINSTATED" : "SECRET_DISCLOSED", d,
        secret.getCode(), partner.getCode()).payload(Map.of("disclosureId", id, "permittedRecipients", d.getPermittedRecipients())));
    return DisclosureView.of(d);
  }

  /** The approvals the matrix demands that the disclosure does not have, as phrases ("the owner's approval"). */
  private List<String> missingApprovals(Disclosure d) {
    Set<String> approvedIn = new java.util.HashSet<>();
    for (Approval a : d.getApprovals()) {
      if (a.getDecision() == Approval.Decision.APPROVED) {
        approvedIn.add(a.getApproverRole());
      }
    }
    List<String> missing = new java.util.ArrayList<>();
    for (String approver : matrix.approvers(d.getSecret().getClassification(), d.getPartner().getRiskTier())) {
      boolean given = ApprovalMatrix.OWNER.equals(approver) ? approvedIn.contains("owner")
          : approvedIn.contains(CordonGroups.SECURITY);
      if (!given) {
        missing.add(ApprovalMatrix.OWNER.equals(approver) ? "the approval of the secret's owner"
            : "the approval of security (" + d.getSecret().getClassification() + " to a " + d.getPartner().getRiskTier()
                + "-risk partner)");
      }
    }
    return missing;
  }

  /** Why the NDA named on the disclosure does not cover it, if it does not. */
  private List<String> missingCover(Disclosure d) {
    if (d.getNdaReference() == null) {
      return List.of("an executed NDA that covers it (record the signed NDA first)");
    }
    NdaCheck.Coverage cover = ndaCheck.coverage(d.getNdaReference(), d.getPartner().getCode());
    if (cover.standing() != NdaCheck.Standing.IN_FORCE) {
      return List.of("NDA " + d.getNdaReference() + " does not cover it: " + explain(cover.standing()));
    }
    if (cover.scheduleA().contains(d.getSecret().getCode())) {
      return List.of();
    }
    Classification classification = d.getSecret().getClassification();
    List<String> clauses = matrix.missingClauses(classification, cover.clauseKeys());
    return clauses.isEmpty() ? List.of() : List.of("NDA " + d.getNdaReference() + " lacks the " + String.join(" and ", clauses)
        + " clauses " + (classification == Classification.CROWN_JEWEL ? "a crown jewel needs" : "a " + classification
        + " secret needs") + " (legal must amend it)");
  }

  /** Suspend, return, destroy or revoke. Reinstating a suspended disclosure goes through {@link #disclose}. */
  @Transactional
  public DisclosureView close(long id, DisclosureStatus to, String reason) {
    if (!EnumSet.of(DisclosureStatus.SUSPENDED, DisclosureStatus.RETURNED, DisclosureStatus.DESTROYED, DisclosureStatus.REVOKED).contains(to)) {
      throw new InvalidInputException("Use this to suspend, return, destroy or revoke a disclosure; " + to
          + " is reached through " + (to == DisclosureStatus.APPROVED ? "an approval." : "the disclosure gate."));
    }
    Disclosure d = find(id);
    DisclosureStatus from = d.getStatus();
    d.moveTo(to, now());
    disclosures.saveAndFlush(d);
    evidence.append(record("DISCLOSURE_" + to.name(), d, d.getSecret().getCode(), d.getPartner().getCode())
        .payload(Map.of("disclosureId", id, "from", from.name(), "reason", reason == null ? "" : reason)));
    return DisclosureView.of(d);
  }

  /** A partner's disclosures in the given states, oldest first (for processes acting on all of them). */
  @Transactional(readOnly = true)
  public List<DisclosureView> ofPartner(String partnerCode, Collection<DisclosureStatus> statuses) {
    PartnerRef partner = partners.resolve(partnerCode);
    return disclosures.findByPartner(partner.id(), orAll(statuses)).stream().map(DisclosureView::of).toList();
  }

  /**
   * Everyone who holds these secrets now ({@code DISCLOSED} or {@code SUSPENDED}), with the NDA and the permitted
   * recipients of each disclosure, in one query: the lineage a leak response snapshots.
   */
  @Transactional(readOnly = true)
  public List<CurrentHolder> currentHolders(Collection<String> secretCodes) {
    return secretCodes.isEmpty() ? List.of() : disclosures.currentHolders(secretCodes, DisclosureStatus.CURRENT);
  }

  @Transactional(readOnly = true)
  public DisclosureView get(long id) {
    return DisclosureView.of(find(id));
  }

  /** The approvals of these disclosures by disclosure id, in one query (a page listing many holders). */
  @Transactional(readOnly = true)
  public Map<Long, List<DisclosureView.ApprovalView>> approvals(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, List<DisclosureView.ApprovalView>> byDisclosure = new HashMap<>();
    for (ApprovalRow a : disclosures.approvalsOf(ids)) {
      byDisclosure.computeIfAbsent(a.disclosureId(), id -> new java.util.ArrayList<>())
          .add(new DisclosureView.ApprovalView(a.approverId(), a.role(), a.decision(), a.decidedAt(), a.comment()));
    }
    return byDisclosure;
  }

  /** Disclosures requested per calendar month (UTC) since {@code from}, oldest month first: "yyyy-MM" to count. */
  @Transactional(readOnly = true)
  public java.util.SortedMap<String, Long> requestedPerMonth(Instant from) {
    java.util.SortedMap<String, Long> months = new java.util.TreeMap<>();
    for (Object[] row : disclosures.countRequestedPerMonth(from)) {
      months.put(String.format("%04d-%02d", ((Number) row[0]).intValue(), ((Number) row[1]).intValue()), ((Number) row[2]).longValue());
    }
    return months;
  }

  /** Who holds (or held) secret X: paged, filtered by status (all statuses when none are given). */
  @Transactional(readOnly = true)
  public Page<HolderView> holders(String secretCode, Collection<DisclosureStatus> statuses, Pageable page) {
    SecretRef secret = secrets.resolve(List.of(secretCode)).get(secretCode);
    return disclosures.holders(secret.id(), orAll(statuses), page);
  }

  /** What partner P holds (or held): paged, filtered by status; crown-jewel titles only for those entitled. */
  @Transactional(readOnly = true)
  public Page<HoldingView> holdings(String partnerCode, Collection<DisclosureStatus> statuses, Pageable page) {
    PartnerRef partner = partners.resolve(partnerCode);
    Map<String, Boolean> visible = new HashMap<>();
    return disclosures.holdings(partner.id(), orAll(statuses), page).map(h -> visible.computeIfAbsent(h.secretCode(),
        code -> secrets.canSeeDetails(new SecretRef(0, code, null, h.classification(), h.ownerId(), null))) ? h : h.redacted());
  }

  private Disclosure find(long id) {
    return disclosures.findById(id).orElseThrow(() -> new NotFoundException("No disclosure with id " + id + "."));
  }

  private static String approverRole(CordonUser user, TradeSecret secret) {
    if (CurrentUser.isSystem(user)) {
      return "system";
    }
    if (user.id().equals(secret.getOwnerId())) {
      return "owner";
    }
    if (user.isMemberOf(CordonGroups.SECURITY)) {
      return CordonGroups.SECURITY;
    }
    if (user.isMemberOf(CordonGroups.ADMINS)) {
      return CordonGroups.ADMINS;
    }
    throw new AccessDeniedException("Only the owner of " + secret.getCode() + ", security or admins decide on its disclosure");
  }

  private static String explain(NdaCheck.Standing standing) {
    return switch (standing) {
      case IN_FORCE -> "it is in force.";
      case UNKNOWN -> "Cordon knows no such NDA.";
      case NOT_EXECUTED -> "it has not been signed (executed) yet.";
      case EXPIRED -> "its term has ended.";
      case TERMINATED -> "it was terminated.";
      case OTHER_PARTNER -> "it was concluded with another partner.";
    };
  }

  private static Set<DisclosureStatus> orAll(Collection<DisclosureStatus> statuses) {
    return statuses == null || statuses.isEmpty() ? EnumSet.allOf(DisclosureStatus.class) : EnumSet.copyOf(statuses);
  }

  private static EvidenceRecord record(String type, Disclosure d, String secretCode, String partnerCode) {
    return EvidenceRecord.of(type).partner(partnerCode).secrets(List.of(secretCode)).nda(d.getNdaReference(), null);
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
  }
}
