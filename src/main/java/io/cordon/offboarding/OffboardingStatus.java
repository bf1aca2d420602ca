package io.cordon.offboarding;

/** An offboarding runs until its disclosures are closed, or until its process instance is cancelled. */
public enum OffboardingStatus {
  RUNNING, COMPLETED, CANCELLED
}
