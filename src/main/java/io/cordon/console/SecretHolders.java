package io.cordon.console;

import io.cordon.disclosure.DisclosureService;
import io.cordon.disclosure.DisclosureStatus;
import io.cordon.disclosure.DisclosureView;
import io.cordon.disclosure.HolderView;
import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceEvent;
import io.cordon.identity.CordonGroups;
import io.cordon.identity.CurrentUser;
import io.cordon.recertification.RecertificationService;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Who holds a secret now and who held it before, each with the approvals of the disclosure and the partner's last
 * attestation; and the secret's evidence timeline for those the evidence API serves (legal, security, admins).
 */
@Component
class SecretHolders {

  static final int MAX_ROWS = 100;
  static final EnumSet<DisclosureStatus> BEFORE = EnumSet.complementOf(EnumSet.copyOf(DisclosureStatus.OPEN));
  /**
   * Newest disclosure first, in the order of the lineage index (secret_id, id, status), as the API pages: a page of a
   * widely held secret reads 100 rows. Sorting by the disclosure or closing date instead made the database join and
   * sort every disclosure of the secret (9,000 for the heaviest of the benchmark register) for each page.
   */
  static final PageRequest NEWEST_FIRST = PageRequest.of(0, MAX_ROWS, Sort.by(Sort.Direction.DESC, "id"));

  record Holder(HolderView holder, List<DisclosureView.ApprovalView> approvals, Instant lastAttestation) {
  }

  record Holders(List<Holder> now, long nowTotal, List<HolderView> pending, List<HolderView> before, long beforeTotal) {
  }

  private final DisclosureService disclosures;
  private final RecertificationService recertifications;
  private final EvidenceChain evidence;
  private final CurrentUser currentUser;

  SecretHolders(DisclosureService disclosures, RecertificationService recertifications, EvidenceChain evidence,
      CurrentUser currentUser) {
    this.disclosures = disclosures;
    this.recertifications = recertifications;
    this.evidence = evidence;
    this.currentUser = currentUser;
  }

  Holders of(String secretCode) {
    var current = disclosures.holders(secretCode, DisclosureStatus.CURRENT, NEWEST_FIRST);
    // The approvals and the last attestations of all the rows in one query each, not one per row.
    Map<Long, List<DisclosureView.ApprovalView>> approvals = disclosures.approvals(
        current.getContent().stream().map(HolderView::disclosureId).toList());
    Map<String, Instant> attested = recertifications.lastAttestations(
        current.getContent().stream().map(HolderView::partnerCode).distinct().toList());
    List<Holder> now = current.getContent().stream().map(h -> new Holder(h,
        approvals.getOrDefault(h.disclosureId(), List.of()), attested.get(h.partnerCode()))).toList();
    var pending = disclosures.holders(secretCode, EnumSet.of(DisclosureStatus.REQUESTED, DisclosureStatus.APPROVED),
        NEWEST_FIRST);
    var before = disclosures.holders(secretCode, BEFORE, NEWEST_FIRST);
    return new Holders(now, current.getTotalElements(), pending.getContent(), before.getContent(), before.getTotalElements());
  }

  /** Newest first; empty for callers the evidence API would refuse. */
  List<EvidenceEvent> timeline(String secretCode) {
    var me = currentUser.get();
    boolean allowed = me.isMemberOf(CordonGroups.LEGAL) || me.isMemberOf(CordonGroups.SECURITY) || me.isMemberOf(CordonGroups.ADMINS);
    return allowed ? evidence.forSecret(secretCode, MAX_ROWS) : List.of();
  }
}
