package io.cordon.recertification;

/** A period's state as stored. The calendar derives DUE and LATE from {@code REQUESTED} and the clock. */
public enum RecertificationStatus {
  /** Planned; the request goes out at {@code requestAt}. */
  SCHEDULED,
  /** The request went out; the attestation is awaited. */
  REQUESTED,
  /** Not attested by the grace deadline: the partner and its disclosures are suspended. */
  LAPSED,
  /** Attested with findings; legal reviews them. */
  IN_REVIEW,
  /** Attested (and reviewed, if anything was flagged). */
  COMPLETED,
  /** Ended unattested because the partner was offboarded. */
  CANCELLED
}
