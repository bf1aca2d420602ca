package io.cordon.console;

import io.cordon.disclosure.DisclosureService;
import io.cordon.disclosure.DisclosureStatus;
import io.cordon.disclosure.HoldingView;
import io.cordon.nda.NdaLifecycle;
import io.cordon.nda.NdaRecords;
import io.cordon.nda.NdaService;
import io.cordon.offboarding.OffboardingService;
import io.cordon.offboarding.OffboardingView;
import io.cordon.partner.DueDiligenceView;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerView;
import io.cordon.recertification.CalendarState;
import io.cordon.recertification.Period;
import io.cordon.recertification.RecertificationService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Everything a partner's page shows, each part from the service the API reads it from: the partner, its latest due
 * diligence and tier, its NDAs with their versions, what it holds (crown-jewel titles redacted as in the API), its
 * re-certification periods and its offboardings.
 */
@Component
class PartnerFile {

  static final int MAX_ROWS = 200;

  record Nda(NdaLifecycle.NdaSummary summary, List<NdaRecords.NdaVersionView> versions) {
  }

  record PeriodRow(Period period, CalendarState state) {
  }

  record File(PartnerView partner, Optional<DueDiligenceView> dueDiligence, List<Nda> ndas, List<HoldingView> holds,
      long holdsTotal, List<HoldingView> held, List<PeriodRow> periods, List<OffboardingView> offboardings) {
  }

  private final PartnerService partners;
  private final DisclosureService disclosures;
  private final NdaLifecycle ndaLifecycle;
  private final NdaService ndaService;
  private final RecertificationService recertifications;
  private final OffboardingService offboardings;

  PartnerFile(PartnerService partners, DisclosureService disclosures, NdaLifecycle ndaLifecycle, NdaService ndaService,
      RecertificationService recertifications, OffboardingService offboardings) {
    this.partners = partners;
    this.disclosures = disclosures;
    this.ndaLifecycle = ndaLifecycle;
    this.ndaService = ndaService;
    this.recertifications = recertifications;
    this.offboardings = offboardings;
  }

  File of(String code) {
    PartnerView partner = partners.get(code);
    List<Nda> ndas = ndaLifecycle.ofPartner(code).stream()
        .map(n -> new Nda(n, n.reference() == null ? List.of() : ndaService.get(n.reference()).versions())).toList();
    var holds = disclosures.holdings(code, DisclosureStatus.OPEN, page());
    var held = disclosures.holdings(code, SecretHolders.BEFORE, page());
    Instant now = RecertificationService.now();
    List<PeriodRow> periods = recertifications.periods(code).stream().map(p -> new PeriodRow(p, CalendarState.of(p, now))).toList();
    return new File(partner, partners.dueDiligence(code), ndas, holds.getContent(), holds.getTotalElements(),
        held.getContent(), periods, offboardings.history(code));
  }

  private static PageRequest page() {
    return PageRequest.of(0, MAX_ROWS, Sort.by(Sort.Direction.DESC, "id"));
  }
}
