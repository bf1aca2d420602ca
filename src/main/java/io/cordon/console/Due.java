package io.cordon.console;

import io.cordon.nda.NdaLifecycle;
import io.cordon.partner.PartnerService;
import io.cordon.recertification.CalendarState;
import io.cordon.recertification.Period;
import io.cordon.recertification.RecertificationService;
import io.cordon.recertification.RecertificationStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What is due: open re-certification periods as a month view and a list (with the calendar API's states), and NDAs
 * whose term ends within 90 days. Dates are UTC, like the register's.
 */
@Component
class Due {

  static final Set<RecertificationStatus> OPEN = EnumSet.of(RecertificationStatus.SCHEDULED, RecertificationStatus.REQUESTED,
      RecertificationStatus.LAPSED, RecertificationStatus.IN_REVIEW);
  static final int MAX_ROWS = 10_000;
  static final int NDA_DAYS = 90;

  record Entry(String partnerCode, String partnerName, int periodNo, CalendarState state, LocalDate due, long daysLate) {
  }

  record Day(LocalDate date, boolean inMonth, List<Entry> entries) {
  }

  record Month(YearMonth month, List<Day> days) {
  }

  record ExpiringNda(NdaLifecycle.NdaSummary nda, String partnerName, long daysLeft) {
  }

  private final RecertificationService recertifications;
  private final PartnerService partners;
  private final NdaLifecycle ndas;

  Due(RecertificationService recertifications, PartnerService partners, NdaLifecycle ndas) {
    this.recertifications = recertifications;
    this.partners = partners;
    this.ndas = ndas;
  }

  /** Open periods due from a year back to 90 days ahead, by due date; only the given states when some are given. */
  List<Entry> list(Set<CalendarState> states) {
    Instant now = RecertificationService.now();
    return entries(now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(90)), states, now);
  }

  /** The month as weeks from Monday, each day with the open periods due that day. */
  Month month(YearMonth month) {
    Instant now = RecertificationService.now();
    LocalDate first = month.atDay(1);
    LocalDate start = first.minusDays(first.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
    LocalDate last = month.atEndOfMonth();
    LocalDate end = last.plusDays(DayOfWeek.SUNDAY.getValue() - last.getDayOfWeek().getValue());
    Map<LocalDate, List<Entry>> byDay = new HashMap<>();
    for (Entry e : entries(start.atStartOfDay().toInstant(ZoneOffset.UTC), end.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
        Set.of(), now)) {
      byDay.computeIfAbsent(e.due(), d -> new ArrayList<>()).add(e);
    }
    List<Day> days = new ArrayList<>();
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      days.add(new Day(d, YearMonth.from(d).equals(month), byDay.getOrDefault(d, List.of())));
    }
    return new Month(month, days);
  }

  List<ExpiringNda> expiringNdas() {
    LocalDate today = LocalDate.ofInstant(RecertificationService.now(), ZoneOffset.UTC);
    Map<String, String> names = new HashMap<>();
    return ndas.expiring(today, today.plusDays(NDA_DAYS), 500).stream().map(n -> new ExpiringNda(n,
        names.computeIfAbsent(n.partnerCode(), c -> partners.resolve(c).legalName()),
        Duration.between(today.atStartOfDay(), n.expiresOn().atStartOfDay()).toDays())).toList();
  }

  private List<Entry> entries(Instant from, Instant to, Set<CalendarState> states, Instant now) {
    Map<String, String> names = new HashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (Period p : recertifications.calendar(OPEN, from, to, MAX_ROWS)) {
      CalendarState state = CalendarState.of(p, now);
      if (!states.isEmpty() && !states.contains(state)) {
        continue;
      }
      long late = state == CalendarState.LATE || state == CalendarState.SUSPENDED ? Duration.between(p.dueAt(), now).toDays() : 0;
      entries.add(new Entry(p.partnerCode(), names.computeIfAbsent(p.partnerCode(), c -> partners.resolve(c).legalName()),
          p.periodNo(), state, LocalDate.ofInstant(p.dueAt(), ZoneOffset.UTC), late));
    }
    return entries;
  }
}
