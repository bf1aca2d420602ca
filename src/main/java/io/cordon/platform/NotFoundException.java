package io.cordon.platform;

/** A requested record does not exist (or is not visible to the caller). Mapped to 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
