package io.cordon.platform;

import java.util.Set;
import java.util.stream.Collectors;

/** Checks a status change against the allowed next states; a refusal names the ones that are allowed. */
public final class Transitions {

  private Transitions() {
  }

  public static <S extends Enum<S>> void check(String what, S from, S to, Set<S> allowed) {
    if (!allowed.contains(to)) {
      String options = allowed.isEmpty() ? "none (final state)"
          : allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
      throw new ConflictException(what + " cannot change from " + from + " to " + to + ". Allowed from " + from + ": " + options + ".");
    }
  }
}
