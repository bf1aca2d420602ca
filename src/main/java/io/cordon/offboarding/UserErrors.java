package io.cordon.offboarding;

import io.cordon.platform.ConflictException;
import io.cordon.platform.InvalidInputException;
import io.cordon.platform.NotFoundException;
import io.cordon.platform.UnsupportedContentException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A step that runs while a user waits (starting from Tasklist, completing the upload form) reports what was wrong with
 * the input as a bad request, which Tasklist shows as the message; nothing of the step is kept. The domain exception
 * stays the cause, so {@link OffboardingService#start} can rethrow it as a problem detail.
 */
final class UserErrors {

  private UserErrors() {
  }

  static <T> T reported(Supplier<T> step) {
    try {
      return step.get();
    } catch (NotFoundException | ConflictException | InvalidInputException | UnsupportedContentException e) {
      throw new BadUserRequestException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException(e.getMessage(), new InvalidInputException(e.getMessage()));
    }
  }

  static void run(Runnable step) {
    reported(() -> {
      step.run();
      return null;
    });
  }
}
