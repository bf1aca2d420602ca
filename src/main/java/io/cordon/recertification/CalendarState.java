package io.cordon.recertification;

import java.time.Instant;

/** A period as the calendar shows it: {@code REQUESTED} becomes DUE or LATE by the clock, {@code LAPSED} is SUSPENDED. */
public enum CalendarState {
  SCHEDULED, DUE, LATE, SUSPENDED, IN_REVIEW, COMPLETED, CANCELLED;

  public static CalendarState of(Period p, Instant now) {
    return switch (p.status()) {
      case SCHEDULED -> SCHEDULED;
      case REQUESTED -> now.isAfter(p.dueAt()) ? LATE : DUE;
      case LAPSED -> SUSPENDED;
      case IN_REVIEW -> IN_REVIEW;
      case COMPLETED -> COMPLETED;
      case CANCELLED -> CANCELLED;
    };
  }
}
