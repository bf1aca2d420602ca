package io.cordon.platform;

/** The request itself is wrong in a way bean validation cannot express. Mapped to 400. */
public class InvalidInputException extends RuntimeException {

  public InvalidInputException(String message) {
    super(message);
  }
}
