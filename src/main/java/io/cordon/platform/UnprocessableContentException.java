package io.cordon.platform;

/**
 * The request is well-formed but its content cannot be used: a document that fails validation, data that lacks a
 * value a document needs. Mapped to 422 with the machine-readable {@code reason}.
 */
public class UnprocessableContentException extends RuntimeException {

  private final String reason;

  public UnprocessableContentException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
