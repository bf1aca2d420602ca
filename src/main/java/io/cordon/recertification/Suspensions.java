package io.cordon.recertification;

import io.cordon.disclosure.DisclosureService;
import io.cordon.disclosure.DisclosureStatus;
import io.cordon.disclosure.DisclosureView;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.partner.PartnerView;
import io.cordon.secret.SecretRef;
import io.cordon.secret.SecretService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Suspends a partner's disclosures for a cause (a lapsed period, an expired NDA), records the cause, tells each
 * affected secret's owner, and lifts the suspension when its cause is resolved: a disclosure goes back through the
 * disclosure gate only when no cause is left open, and the partner is active again when none is left at all.
 * Runs in the caller's transaction.
 */
@Component
class Suspensions {

  private final RecertificationStore store;
  private final RecertificationMail mail;
  private final PartnerService partners;
  private final SecretService secrets;
  private final DisclosureService disclosures;

  Suspensions(RecertificationStore store, RecertificationMail mail, PartnerService partners, SecretService secrets,
      DisclosureService disclosures) {
    this.store = store;
    this.mail = mail;
    this.partners = partners;
    this.secrets = secrets;
    this.disclosures = disclosures;
  }

  // ---- suspension ----

  List<String> suspendAll(String partnerCode, RecertificationStore.Cause cause, Long periodId, String ndaReference,
      String why, String mailKey) {
    Instant now = RecertificationService.now();
    // A disclosure re-certification already holds gets this cause too, so lifting the other cause alone does not
    // reinstate it; one suspended by hand is left alone, so no cause of ours ever reinstates it.
    Set<Long> heldByUs = store.openSuspensions(partnerCode).stream().map(RecertificationStore.Suspension::disclosureId)
        .collect(Collectors.toSet());
    List<DisclosureView> affected = new ArrayList<>();
    for (DisclosureView d : disclosures.ofPartner(partnerCode, DisclosureStatus.CURRENT)) {
      if (ndaReference != null && !ndaReference.equals(d.ndaReference())) {
        continue;
      }
      if (d.status() == DisclosureStatus.DISCLOSED) {
        disclosures.close(d.id(), DisclosureStatus.SUSPENDED, why);
      } else if (!heldByUs.contains(d.id())) {
        continue;
      }
      store.suspend(partnerCode, d.id(), cause, periodId, ndaReference, now);
      affected.add(d);
    }
    PartnerView partner = partners.get(partnerCode);
    if (partner.status() == PartnerStatus.ACTIVE) {
      partner = partners.changeStatus(partnerCode, PartnerStatus.SUSPENDED, why);
    }
    Map<String, SecretRef> owned = affected.isEmpty() ? Map.of() : secrets.resolve(RecertificationService.codes(affected));
    mail.suspended(mailKey, partner, owned.values(), why);
    return RecertificationService.codes(affected);
  }

  /**
   * Lifts re-certification's open suspensions of one cause. A disclosure still held by another open cause stays
   * suspended; so does one in {@code ending}. The partner is reinstated when no open suspension is left.
   */
  void lift(String partnerCode, RecertificationStore.Cause cause, Set<Long> ending, String reason) {
    Instant now = RecertificationService.now();
    List<RecertificationStore.Suspension> open = store.openSuspensions(partnerCode);
    List<Long> lifted = new ArrayList<>();
    for (RecertificationStore.Suspension s : open) {
      if (s.cause() == cause) {
        store.lift(s.id(), now);
        lifted.add(s.disclosureId());
      }
    }
    if (lifted.isEmpty()) {
      return;
    }
    Set<Long> stillHeld = open.stream().filter(s -> s.cause() != cause).map(RecertificationStore.Suspension::disclosureId)
        .collect(Collectors.toSet());
    if (stillHeld.isEmpty() && partners.get(partnerCode).status() == PartnerStatus.SUSPENDED) {
      partners.changeStatus(partnerCode, PartnerStatus.ACTIVE, reason);
    }
    if (partners.get(partnerCode).status() != PartnerStatus.ACTIVE) {
      return;
    }
    for (long id : lifted) {
      if (!stillHeld.contains(id) && !ending.contains(id) && disclosures.get(id).status() == DisclosureStatus.SUSPENDED) {
        disclosures.disclose(id, null, null);
      }
    }
  }
}
