package io.cordon.consistency;

import io.cordon.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/consistency")
@Tag(name = "Consistency", description = "Cordon's invariants checked against the live data: each broken one with the "
    + "ids of the records that break it.")
class ConsistencyController {

  private final ConsistencyChecker checker;

  ConsistencyController(ConsistencyChecker checker) {
    this.checker = checker;
  }

  @GetMapping
  @PreAuthorize(Roles.SECURITY_OR_ADMINS)
  @Operation(summary = "Check every invariant now and list the records that break one")
  ConsistencyReport check() {
    return checker.check();
  }
}
