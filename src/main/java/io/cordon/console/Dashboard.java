package io.cordon.console;

import io.cordon.disclosure.DisclosureService;
import io.cordon.partner.PartnerFilter;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.partner.RiskTier;
import io.cordon.recertification.CalendarState;
import io.cordon.recertification.Period;
import io.cordon.recertification.RecertificationService;
import io.cordon.secret.Classification;
import io.cordon.secret.SecretFilter;
import io.cordon.secret.SecretService;
import io.cordon.secret.SecretStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The figures behind the dashboard's charts, each counted by the service the list behind it uses (so the numbers are
 * the lists' totals), with the link to that list per bar.
 */
@Component
class Dashboard {

  /** One chart: a series per label; {@code links} open the list behind each label. */
  record Chart(String id, String title, List<String> labels, List<Series> series, List<String> links) {
  }

  record Series(String name, List<Long> values) {
  }

  static final PageRequest COUNT = PageRequest.of(0, 1);

  private final SecretService secrets;
  private final PartnerService partners;
  private final DisclosureService disclosures;
  private final RecertificationService recertifications;
  private final MessageSource messages;

  Dashboard(SecretService secrets, PartnerService partners, DisclosureService disclosures,
      RecertificationService recertifications, MessageSource messages) {
    this.secrets = secrets;
    this.partners = partners;
    this.disclosures = disclosures;
    this.recertifications = recertifications;
    this.messages = messages;
  }

  List<Chart> charts(Locale locale) {
    return List.of(secretsByClassification(locale), secretsByStatus(locale), partnersByTier(locale),
        partnersByStatus(locale), disclosuresPerMonth(locale), recertificationsPerMonth(locale));
  }

  Chart secretsByClassification(Locale locale) {
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    List<String> links = new ArrayList<>();
    for (Classification c : Classification.values()) {
      labels.add(text("classification." + c, locale));
      values.add(secrets.search(new SecretFilter(null, c, null, null, null), COUNT).getTotalElements());
      links.add("/console/secrets?classification=" + c);
    }
    return chart("secrets-by-classification", "dashboard.secretsByClassification", labels, values, links, locale);
  }

  Chart secretsByStatus(Locale locale) {
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    List<String> links = new ArrayList<>();
    for (SecretStatus s : SecretStatus.values()) {
      labels.add(text("secretStatus." + s, locale));
      values.add(secrets.search(new SecretFilter(s, null, null, null, null), COUNT).getTotalElements());
      links.add("/console/secrets?status=" + s);
    }
    return chart("secrets-by-status", "dashboard.secretsByStatus", labels, values, links, locale);
  }

  Chart partnersByTier(Locale locale) {
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    List<String> links = new ArrayList<>();
    for (RiskTier t : RiskTier.values()) {
      labels.add(text("tier." + t, locale));
      values.add(partners.search(new PartnerFilter(null, null, null, t, null), COUNT).getTotalElements());
      links.add("/console/partners?tier=" + t);
    }
    return chart("partners-by-tier", "dashboard.partnersByTier", labels, values, links, locale);
  }

  Chart partnersByStatus(Locale locale) {
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    List<String> links = new ArrayList<>();
    for (PartnerStatus s : PartnerStatus.values()) {
      labels.add(text("partnerStatus." + s, locale));
      values.add(partners.search(new PartnerFilter(s, null, null, null, null), COUNT).getTotalElements());
      links.add("/console/partners?status=" + s);
    }
    return chart("partners-by-status", "dashboard.partnersByStatus", labels, values, links, locale);
  }

  /** The last twelve months, the current one included, months without disclosures as zero. */
  Chart disclosuresPerMonth(Locale locale) {
    YearMonth current = YearMonth.from(RecertificationService.now().atZone(ZoneOffset.UTC));
    YearMonth first = current.minusMonths(11);
    Map<String, Long> counted = disclosures.requestedPerMonth(first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    List<String> links = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(current); m = m.plusMonths(1)) {
      labels.add(m.toString());
      values.add(counted.getOrDefault(m.toString(), 0L));
      links.add("/console/partners?status=ACTIVE");
    }
    return chart("disclosures-per-month", "dashboard.disclosuresPerMonth", labels, values, links, locale);
  }

  /** Open periods by month of their due date, from a year back to a year ahead: due (or scheduled) and late. */
  Chart recertificationsPerMonth(Locale locale) {
    Instant now = RecertificationService.now();
    TreeMap<String, long[]> months = new TreeMap<>();
    for (Period p : recertifications.calendar(Due.OPEN, now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(365)),
        Due.MAX_ROWS)) {
      CalendarState state = CalendarState.of(p, now);
      long[] counts = months.computeIfAbsent(YearMonth.from(p.dueAt().atZone(ZoneOffset.UTC)).toString(), m -> new long[2]);
      counts[state == CalendarState.LATE || state == CalendarState.SUSPENDED ? 1 : 0]++;
    }
    List<String> labels = new ArrayList<>(months.keySet());
    List<String> links = labels.stream().map(m -> "/console/due?month=" + m).toList();
    List<Long> due = months.values().stream().map(c -> c[0]).toList();
    List<Long> late = months.values().stream().map(c -> c[1]).toList();
    return new Chart("recertifications-per-month", text("dashboard.recertificationsPerMonth", locale), labels,
        List.of(new Series(text("dashboard.dueOrScheduled", locale), due), new Series(text("dashboard.lateOrSuspended", locale), late)),
        links);
  }

  private Chart chart(String id, String titleKey, List<String> labels, List<Long> values, List<String> links, Locale locale) {
    return new Chart(id, text(titleKey, locale), labels, List.of(new Series(text("dashboard.count", locale), values)), links);
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
