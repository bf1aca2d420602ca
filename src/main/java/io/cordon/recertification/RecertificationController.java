package io.cordon.recertification;

import io.cordon.disclosure.DisclosureView;
import io.cordon.identity.CurrentUser;
import io.cordon.identity.Roles;
import io.cordon.notification.Recipients;
import io.cordon.partner.PartnerService;
import io.cordon.platform.InvalidInputException;
import io.cordon.secret.SecretRef;
import io.cordon.secret.SecretService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The re-certification calendar (who is due when, who is late, who is suspended), a partner's attestation history,
 * and what the attestation form shows. Instants are UTC ({@code dueAt}); {@code dueLocal} is the same instant in the
 * reader's zone: the {@code zone} parameter, else the user's Camunda user info {@code timezone}, else the company's.
 */
@RestController
@Tag(name = "Re-certification", description = "Periodic re-certification of active partners: calendar and history.")
class RecertificationController {

  /** How a period stands now. */
  record CalendarEntry(String partnerCode, String partnerName, int periodNo, CalendarState state, Instant requestAt, Instant dueAt,
      Instant graceUntil, String dueLocal, long daysLate) {
  }

  record PeriodView(long id, int periodNo, CalendarState state, int intervalMonths, String riskTier, Instant dueAt, String dueLocal,
      Instant requestedAt, Instant attestedAt, String attestedBy, boolean late, Instant lapsedAt, List<String> flags,
      String reviewDecision, String reviewedBy, String reviewComment, Instant closedAt, List<AttestationLine> answers) {
  }

  record FormDisclosure(long id, String secretCode, String classification, String ndaReference, Integer ndaVersion,
      List<String> permittedRecipients, AttestationLine lastAnswer) {
  }

  record AttestationForm(long id, String partnerCode, int periodNo, Instant dueAt, String dueLocal,
      List<FormDisclosure> disclosures) {
  }

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);
  private static final int MAX_ROWS = 5000;

  private final RecertificationService service;
  private final RecertificationSchedule schedule;
  private final PartnerService partners;
  private final SecretService secrets;
  private final IdentityService identity;
  private final CurrentUser currentUser;

  RecertificationController(RecertificationService service, RecertificationSchedule schedule, PartnerService partners,
      SecretService secrets, IdentityService identity, CurrentUser currentUser) {
    this.service = service;
    this.schedule = schedule;
    this.partners = partners;
    this.secrets = secrets;
    this.identity = identity;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/recertifications/calendar")
  @PreAuthorize(Roles.ANY_MEMBER)
  @Operation(summary = "Open periods due in [from, to) (default: the last year to the next 90 days), by due date; "
      + "state: SCHEDULED, DUE, LATE (past due, in grace), SUSPENDED (lapsed), IN_REVIEW")
  List<CalendarEntry> calendar(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
      @RequestParam(required = false) Set<CalendarState> state, @RequestParam(required = false) String zone) {
    Instant now = RecertificationService.now();
    Instant start = from != null ? from : now.minus(Duration.ofDays(365));
    Instant end = to != null ? to : now.plus(Duration.ofDays(90));
    if (!end.isAfter(start)) {
      throw new InvalidInputException("'to' must be after 'from'.");
    }
    ZoneId readerZone = zone(zone);
    Map<String, String> names = new HashMap<>();
    List<CalendarEntry> entries = new ArrayList<>();
    EnumSet<RecertificationStatus> open = EnumSet.of(RecertificationStatus.SCHEDULED, RecertificationStatus.REQUESTED,
        RecertificationStatus.LAPSED, RecertificationStatus.IN_REVIEW);
    for (Period p : service.calendar(open, start, end, MAX_ROWS)) {
      CalendarState s = CalendarState.of(p, now);
      if (state != null && !state.isEmpty() && !state.contains(s)) {
        continue;
      }
      String name = names.computeIfAbsent(p.partnerCode(), c -> partners.resolve(c).legalName());
      long late = s == CalendarState.LATE || s == CalendarState.SUSPENDED ? Duration.between(p.dueAt(), now).toDays() : 0;
      entries.add(new CalendarEntry(p.partnerCode(), name, p.periodNo(), s, p.requestAt(), p.dueAt(), p.graceUntil(),
          LOCAL.format(p.dueAt().atZone(readerZone)), late));
    }
    return entries;
  }

  @GetMapping("/api/partners/{code}/attestations")
  @PreAuthorize(Roles.ANY_MEMBER)
  @Operation(summary = "A partner's re-certification periods, newest first, with the attestation of each")
  List<PeriodView> history(@PathVariable String code, @RequestParam(required = false) String zone) {
    ZoneId readerZone = zone(zone);
    Instant now = RecertificationService.now();
    return service.periods(code).stream().map(p -> new PeriodView(p.id(), p.periodNo(), CalendarState.of(p, now), p.intervalMonths(),
        p.riskTier(), p.dueAt(), LOCAL.format(p.dueAt().atZone(readerZone)), p.requestedAt(), p.attestedAt(),
        p.attestedBy(), p.late(), p.lapsedAt(), p.flags() == null ? List.of() : List.of(p.flags().split(",")),
        p.reviewDecision(), p.reviewedBy(), p.reviewComment(), p.closedAt(), service.answers(p.id()))).toList();
  }

  @GetMapping("/api/recertifications/{id}/attestation-form")
  @PreAuthorize(Roles.ANY_MEMBER)
  @Operation(summary = "What the attestation form shows: the disclosures to attest and last period's answers")
  AttestationForm form(@PathVariable long id, @RequestParam(required = false) String zone) {
    Period period = service.period(id);
    Map<Long, AttestationLine> last = new HashMap<>();
    service.periods(period.partnerCode()).stream()
        .filter(p -> p.periodNo() < period.periodNo() && p.attestedAt() != null).findFirst()
        .ifPresent(p -> service.answers(p.id()).forEach(a -> last.put(a.disclosureId(), a)));
    List<DisclosureView> held = service.toAttest(period.partnerCode());
    Map<String, SecretRef> refs = held.isEmpty() ? Map.of() : secrets.resolve(held.stream().map(DisclosureView::secretCode).toList());
    List<FormDisclosure> items = held.stream().map(d -> new FormDisclosure(d.id(), d.secretCode(),
        refs.get(d.secretCode()).classification().name(), d.ndaReference(), d.ndaVersion(), d.permittedRecipients(),
        last.get(d.id())))
        .toList();
    return new AttestationForm(period.id(), period.partnerCode(), period.periodNo(), period.dueAt(),
        LOCAL.format(period.dueAt().atZone(zone(zone))), items);
  }

  /** How many contacts were sent a new link. */
  record LinksSent(int links) {
  }

  @PostMapping("/api/recertifications/{id}/partner-links")
  @PreAuthorize(Roles.PARTNER_EDITORS)
  @Operation(summary = "Send the partner's contacts new links to attest this requested period (the old ones stop working)")
  LinksSent sendNewLinks(@PathVariable long id) {
    return new LinksSent(service.sendNewLinks(id));
  }

  private ZoneId zone(String requested) {
    String name = requested;
    if (name == null || name.isBlank()) {
      String user = currentUser.get().id();
      name = identity.getUserInfo(user, Recipients.ZONE_INFO);
    }
    if (name == null || name.isBlank()) {
      return schedule.getZone();
    }
    try {
      return ZoneId.of(name.strip());
    } catch (DateTimeException e) {
      if (requested != null) {
        throw new InvalidInputException("Unknown time zone '" + requested + "': use a region such as Europe/Berlin.");
      }
      return schedule.getZone();
    }
  }
}
