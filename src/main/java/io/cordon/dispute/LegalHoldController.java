package io.cordon.dispute;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Legal holds", description = "While a hold is active, history cleanup removes nothing that concerns its secret, partner or NDA.")
class LegalHoldController {

  private static final String LEGAL_OR_ADMINS = "hasAnyRole('legal','admins')";

  record PlaceHold(@NotNull LegalHolds.Kind kind, @NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 1000) String reason) {
  }

  record Release(@NotBlank @Size(max = 1000) String reason) {
  }

  private final LegalHolds holds;

  LegalHoldController(LegalHolds holds) {
    this.holds = holds;
  }

  @PostMapping("/api/legal-holds")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(LEGAL_OR_ADMINS)
  @Operation(summary = "Place a legal hold on a secret, partner or NDA (recorded as evidence)")
  LegalHolds.Hold place(@Valid @RequestBody PlaceHold body) {
    return holds.place(body.kind(), body.code(), body.reason());
  }

  @PostMapping("/api/legal-holds/{id}/release")
  @PreAuthorize(LEGAL_OR_ADMINS)
  @Operation(summary = "Release a legal hold (recorded as evidence); history cleanup applies again to what no other hold covers")
  LegalHolds.Hold release(@PathVariable long id, @Valid @RequestBody Release body) {
    return holds.release(id, body.reason());
  }

  @GetMapping("/api/legal-holds")
  @PreAuthorize("hasAnyRole('legal','security','admins')")
  @Operation(summary = "Legal holds, active ones only unless all=true")
  List<LegalHolds.Hold> list(@RequestParam(defaultValue = "false") boolean all) {
    return holds.list(!all);
  }
}
