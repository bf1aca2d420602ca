package io.cordon.platform;

/** The request is valid but clashes with the current state (duplicate, illegal transition, stale version). Mapped to 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
