package io.cordon.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.platform.ConflictException;
import io.cordon.platform.Transitions;
import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PartnerStatusTest {

  @ParameterizedTest
  @EnumSource(PartnerStatus.class)
  void everyTransitionOutsideTheMachineIsRefusedNamingTheAllowedOnes(PartnerStatus from) {
    for (PartnerStatus to : EnumSet.complementOf(EnumSet.copyOf(from.next()))) {
      assertThatThrownBy(() -> Transitions.check("Partner P-0001", from, to, from.next()))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("from " + from + " to " + to)
          .satisfies(e -> from.next().forEach(allowed -> assertThat(e.getMessage()).contains(allowed.name())));
    }
  }

  @ParameterizedTest
  @EnumSource(PartnerStatus.class)
  void allowedTransitionsPass(PartnerStatus from) {
    from.next().forEach(to -> Transitions.check("Partner P-0001", from, to, from.next()));
  }

  @org.junit.jupiter.api.Test
  void onlyAnOnboardingOrSuspendedPartnerBecomesActive() {
    assertThat(EnumSet.allOf(PartnerStatus.class).stream().filter(s -> s.next().contains(PartnerStatus.ACTIVE)))
        .containsExactlyInAnyOrder(PartnerStatus.ONBOARDING, PartnerStatus.SUSPENDED);
  }
}
