package io.cordon.platform;

/** A capability this server lacks or cannot reach right now (e.g. no PDF converter installed). Mapped to 503. */
public class ServiceUnavailableException extends RuntimeException {

  public ServiceUnavailableException(String message) {
    super(message);
  }
}
