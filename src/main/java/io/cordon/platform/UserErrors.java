package io.cordon.platform;

import jakarta.validation.ConstraintViolationException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A step that runs while a user waits (starting from Tasklist, completing a form) reports what was wrong with the
 * user's input as a bad request, which Tasklist shows as the message; nothing of the step is kept.
 */
public final class UserErrors {

  private UserErrors() {
  }

  public static <T> T reported(Supplier<T> step) {
    try {
      return step.get();
    } catch (NotFoundException | ConflictException | InvalidInputException | UnsupportedContentException e) {
      throw new BadUserRequestException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      // A value the step could not take (an unknown choice, a malformed number): the user's input, not a defect.
      throw new BadUserRequestException(e.getMessage(), new InvalidInputException(e.getMessage()));
    } catch (ConstraintViolationException e) {
      String message = e.getConstraintViolations().stream()
          .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted()
          .reduce((a, b) -> a + "; " + b).orElse("invalid input");
      throw new BadUserRequestException("Please correct: " + message, e);
    }
  }

  public static void run(Runnable step) {
    reported(() -> {
      step.run();
      return null;
    });
  }

  private static String lastNode(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
