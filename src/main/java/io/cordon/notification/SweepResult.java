package io.cordon.notification;

/**
 * What one sweep did: rows released from expired claims, rows claimed, sent, put back for a later attempt, given up
 * (FAILED), and whether it stopped early because the SMTP server could not be reached.
 */
public record SweepResult(int released, int claimed, int sent, int retrying, int failed, boolean serverUnavailable) {
}
