package io.cordon.identity;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: lets a client check its credentials and see the groups Cordon will apply. */
@RestController
@RequestMapping("/api/me")
class MeController {

  record Me(String userId, List<String> groups) {
  }

  @GetMapping
  Me me(@AuthenticationPrincipal CordonUser user) {
    return new Me(user.id(), user.groupIds());
  }
}
