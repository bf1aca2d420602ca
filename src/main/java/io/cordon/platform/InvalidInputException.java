package io.cordon.platform;

import java.util.List;

/** The request itself is wrong in ways bean validation cannot see (unknown owner, invalid country). Mapped to 400. */
public class InvalidInputException extends RuntimeException {

  public record Violation(String field, String message) {
  }

  private final List<Violation> violations;

  public InvalidInputException(String message) {
    this(message, List.of());
  }

  public InvalidInputException(String message, List<Violation> violations) {
    super(message);
    this.violations = List.copyOf(violations);
  }

  public static InvalidInputException of(List<Violation> violations) {
    return new InvalidInputException("The request has " + violations.size() + " invalid value(s); see 'errors'.", violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
