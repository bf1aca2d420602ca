package io.cordon.portal;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The partner contact whose answer is being applied, while it is applied: the step that records the answer asks,
 * so that its evidence names the contact, and an answer recorded without one is procurement's on the partner's
 * behalf.
 */
@Component
public class Respondents {

  private static final ThreadLocal<Respondent> CURRENT = new ThreadLocal<>();

  public Optional<Respondent> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  <T> T during(Respondent respondent, Supplier<T> work) {
    Respondent outer = CURRENT.get();
    CURRENT.set(respondent);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }
}
