package io.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.CordonIntegrationTest;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Failed logins delay the next attempt (at most 60 s) but never lock a user for good (docs/security.md). */
@CordonIntegrationTest
class LoginPolicyIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void manyFailedLoginsDelayButNeverLockTheUser() {
    String id = "lockout" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setPassword("right-" + id);
    user.setEmail(id + "@cordon.example");
    identityService.saveUser(user);
    identityService.createMembership(id, "procurement");
    try {
      tryLogins(id);
    } finally {
      // Other tests mail the procurement group: this user must not stay in it.
      identityService.deleteUser(id);
    }
  }

  private void tryLogins(String id) {
    Date now = new Date();
    // 25 failures, each after the previous delay ran out, so every one counts (Camunda's default locks after 10).
    for (int i = 0; i < 25; i++) {
      now = new Date(now.getTime() + 61_000);
      ClockUtil.setCurrentTime(now);
      assertThat(status(id, "wrong")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    // Within the delay even the right password is refused: the delay is what slows a guesser down ...
    ClockUtil.setCurrentTime(new Date(now.getTime() + 1_000));
    assertThat(status(id, "right-" + id)).isEqualTo(HttpStatus.UNAUTHORIZED);
    // ... and it never exceeds a minute: then the user gets in, and the count starts again.
    ClockUtil.setCurrentTime(new Date(now.getTime() + 61_000));
    assertThat(status(id, "right-" + id)).isEqualTo(HttpStatus.OK);
    ClockUtil.setCurrentTime(new Date(now.getTime() + 62_000));
    assertThat(status(id, "wrong")).isEqualTo(HttpStatus.UNAUTHORIZED);
    ClockUtil.setCurrentTime(new Date(now.getTime() + 62_000 + 3_001));
    assertThat(status(id, "right-" + id)).as("after one failure the delay is 3 s again").isEqualTo(HttpStatus.OK);
  }

  private HttpStatus status(String user, String password) {
    return HttpStatus.valueOf(rest.withBasicAuth(user, password).getForEntity("/api/me", String.class).getStatusCode().value());
  }
}
