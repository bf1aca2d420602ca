package io.cordon.platform;

/** The request carries content Cordon does not accept (attachments, wrong file type). Mapped to 415. */
public class UnsupportedContentException extends RuntimeException {

  public UnsupportedContentException(String message) {
    super(message);
  }
}
