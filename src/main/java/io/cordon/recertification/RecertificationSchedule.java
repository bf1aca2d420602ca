package io.cordon.recertification;

import io.cordon.platform.TaskDeadlines;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * When a period's steps happen ({@code cordon.recertification.*}). A period is due on a calendar day at
 * {@code due-time} in {@code zone} (the company's zone), so a quarterly due date stays at 17:00 local time across a
 * daylight-saving change; every instant derived from it is stored and scheduled in UTC. The deadlines of the other
 * user tasks (legal review, late attestation, NDA renewal after expiry) are bound like the onboarding's, as
 * {@code cordon.recertification.deadlines.<Task_Id>} and used in the model as {@code ${recertificationSchedule.due(...)}}.
 */
@Component("recertificationSchedule")
@ConfigurationProperties("cordon.recertification")
public class RecertificationSchedule extends TaskDeadlines {

  private ZoneId zone = ZoneId.of("Europe/Berlin");
  private LocalTime dueTime = LocalTime.of(17, 0);
  private Duration requestLead = Duration.ofDays(30);
  private Duration firstReminder = Duration.ofDays(14);
  private Duration lastReminder = Duration.ofDays(3);
  private Duration grace = Duration.ofDays(14);
  private Duration ndaRenewalLead = Duration.ofDays(60);
  private Duration ndaRenewalReminder = Duration.ofDays(14);

  /** The instants of one period, all UTC. Reminders never come before the request. */
  public record Times(Instant requestAt, Instant firstReminderAt, Instant lastReminderAt, Instant dueAt, Instant graceUntil) {
  }

  /** The NDA watch: the renewal request, its reminder, and the expiry (the NDA is no longer in force from then on). */
  public record NdaTimes(Instant renewalAt, Instant renewalReminderAt, Instant expiresAt) {
  }

  Instant dueAt(LocalDate dueDate) {
    return ZonedDateTime.of(dueDate, dueTime, zone).toInstant();
  }

  LocalDate dueDate(Instant dueAt) {
    return dueAt.atZone(zone).toLocalDate();
  }

  Times times(LocalDate dueDate, Instant now) {
    Instant due = dueAt(dueDate);
    return times(latest(now, due.minus(requestLead)), due, due.plus(grace));
  }


  Times times(Period period) {
    return times(period.requestAt(), period.dueAt(), period.graceUntil());
  }

  private Times times(Instant request, Instant due, Instant graceUntil) {
    return new Times(request, latest(request, due.minus(firstReminder)), latest(request, due.minus(lastReminder)), due,
        graceUntil);
  }


  /** An NDA expires at the start of its {@code expiresOn} day, UTC (as the disclosure gate reads it). */
  NdaTimes ndaTimes(LocalDate expiresOn, Instant now) {
    Instant expires = expiresOn.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    Instant renewal = latest(now, expires.minus(ndaRenewalLead));
    return new NdaTimes(renewal, latest(renewal, expires.minus(ndaRenewalReminder)), expires);
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  public ZoneId getZone() {
    return zone;
  }

  public void setZone(ZoneId zone) {
    this.zone = zone;
  }

  public LocalTime getDueTime() {
    return dueTime;
  }

  public void setDueTime(LocalTime dueTime) {
    this.dueTime = dueTime;
  }

  public Duration getRequestLead() {
    return requestLead;
  }

  public void setRequestLead(Duration requestLead) {
    this.requestLead = requestLead;
  }

  public Duration getFirstReminder() {
    return firstReminder;
  }

  public void setFirstReminder(Duration firstReminder) {
    this.firstReminder = firstReminder;
  }

  public Duration getLastReminder() {
    return lastReminder;
  }

  public void setLastReminder(Duration lastReminder) {
    this.lastReminder = lastReminder;
  }

  public Duration getGrace() {
    return grace;
  }

  public void setGrace(Duration grace) {
    this.grace = grace;
  }

  public Duration getNdaRenewalLead() {
    return ndaRenewalLead;
  }

  public void setNdaRenewalLead(Duration ndaRenewalLead) {
    this.ndaRenewalLead = ndaRenewalLead;
  }

  public Duration getNdaRenewalReminder() {
    return ndaRenewalReminder;
  }

  public void setNdaRenewalReminder(Duration ndaRenewalReminder) {
    this.ndaRenewalReminder = ndaRenewalReminder;
  }
}
