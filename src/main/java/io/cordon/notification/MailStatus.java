package io.cordon.notification;

/**
 * A message's state in the outbox: {@code PENDING} (waiting, maybe backing off) → {@code SENDING} (claimed by one
 * node's sweep) → {@code SENT}, or back to {@code PENDING} after a failure, or {@code FAILED} after the last attempt.
 */
public enum MailStatus {
  PENDING, SENDING, SENT, FAILED
}
