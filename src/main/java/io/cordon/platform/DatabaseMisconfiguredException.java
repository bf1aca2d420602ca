package io.cordon.platform;

/** The database Cordon was pointed at cannot be used; carries the fix for the start-up failure report. */
public class DatabaseMisconfiguredException extends RuntimeException {

  private final String action;

  public DatabaseMisconfiguredException(String message, String action, Throwable cause) {
    super(message, cause);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
