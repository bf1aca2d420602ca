package io.cordon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebappErrorMessagesTest {

  @Test
  void tasklistShowsTheSentenceWithoutTaskIdOrEngineCode() {
    assertThat(WebappErrorMessages.sentence("Cannot submit task form c7d083e9-5a1b-11ef-8f0e-0242ac120002: "
        + "Write each fallback as clause-key=fallback-key, not 'x'.")).isEqualTo("Write each fallback as clause-key=fallback-key, not 'x'.");
    assertThat(WebappErrorMessages.sentence("Cannot submit task form 42ab19cd: ENGINE-16004 Exception while completing the task: "
        + "Give the reason for rejecting the partner.")).doesNotContain("ENGINE-", "42ab19cd")
        .endsWith("Give the reason for rejecting the partner.");
    assertThat(WebappErrorMessages.sentence("The task's form has no field 'riskTier'.")).isEqualTo("The task's form has no field 'riskTier'.");
  }
}
