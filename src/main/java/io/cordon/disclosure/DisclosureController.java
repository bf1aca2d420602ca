package io.cordon.disclosure;

import io.cordon.identity.Roles;
import io.cordon.platform.SortableProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Disclosures and lineage", description = "Which partner received which secret, under which NDA, approved by whom. "
    + "A disclosure becomes DISCLOSED only through the gate, which checks that secret and partner are active and the NDA is in force.")
class DisclosureController {

  record Decision(@NotNull Approval.Decision decision, @Size(max = 500) String comment) {
  }

  record Gate(@Size(max = 64) String ndaReference, @Positive Integer ndaVersion) {
  }

  record StatusChange(@NotNull DisclosureStatus status, @Size(max = 500) String reason) {
  }

  /** Sortable by the disclosure's own dates and state: never by an attribute of the secret or partner. */
  static final SortableProperties SORTABLE = SortableProperties.of("id", "status", "requestedAt", "disclosedAt", "closedAt");

  private final DisclosureService service;

  DisclosureController(DisclosureService service) {
    this.service = service;
  }

  @PostMapping(path = "/api/disclosures", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(Roles.PARTNER_EDITORS)
  @Operation(summary = "Request the disclosure of a secret to a partner")
  ResponseEntity<DisclosureView> request(@Valid @RequestBody DisclosureRequest request) {
    DisclosureView created = service.request(request);
    return ResponseEntity.created(URI.create("/api/disclosures/" + created.id())).body(created);
  }

  @GetMapping("/api/disclosures/{id}")
  @PreAuthorize(Roles.ANY_MEMBER)
  DisclosureView get(@PathVariable long id) {
    return service.get(id);
  }

  @PostMapping(path = "/api/disclosures/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(Roles.SECRET_EDITORS)
  @Operation(summary = "Approve or decline (owner of the secret, security, admins); a decline revokes the request")
  DisclosureView decide(@PathVariable long id, @Valid @RequestBody Decision decision) {
    return service.decide(id, decision.decision(), decision.comment());
  }

  @PostMapping(path = "/api/disclosures/{id}/disclose", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(Roles.PARTNER_EDITORS)
  @Operation(summary = "The gate: record that the secret was disclosed (or reinstate a suspended disclosure)")
  DisclosureView disclose(@PathVariable long id, @Valid @RequestBody Gate gate) {
    return service.disclose(id, gate.ndaReference(), gate.ndaVersion());
  }

  @PostMapping(path = "/api/disclosures/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(Roles.PARTNER_EDITORS)
  @Operation(summary = "Suspend, return, destroy or revoke a disclosure")
  DisclosureView changeStatus(@PathVariable long id, @Valid @RequestBody StatusChange change) {
    return service.close(id, change.status(), change.reason());
  }

  @GetMapping("/api/secrets/{code}/holders")
  @PreAuthorize(Roles.ANY_MEMBER)
  @Operation(summary = "Who holds (or held) secret X; filter with status=DISCLOSED&status=SUSPENDED for current holders")
  Page<HolderView> holders(@PathVariable String code, @RequestParam(required = false) List<DisclosureStatus> status,
      @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable page) {
    return service.holders(code, status, SORTABLE.check(page));
  }

  @GetMapping("/api/partners/{code}/disclosures")
  @PreAuthorize(Roles.ANY_MEMBER)
  @Operation(summary = "What partner P holds (or held); filter by status")
  Page<HoldingView> holdings(@PathVariable String code, @RequestParam(required = false) List<DisclosureStatus> status,
      @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable page) {
    return service.holdings(code, status, SORTABLE.check(page));
  }
}
