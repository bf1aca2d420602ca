package io.cordon.partner;

import io.cordon.platform.NotFoundException;

import io.cordon.identity.Roles;
import io.cordon.platform.SortableProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/partners")
@Tag(name = "Partners", description = "Suppliers, contract manufacturers, distributors, R&D partners and service providers. "
    + "Status follows a state machine: PROSPECT → ONBOARDING → ACTIVE ⇄ SUSPENDED → OFFBOARDED (and REJECTED).")
class PartnerController {

  record PartnerUpdate(@NotNull Long version, @NotNull @Valid PartnerDetails details) {
  }

  record StatusChange(@NotNull PartnerStatus status, @Size(max = 500) String reason) {
  }

  static final SortableProperties SORTABLE = SortableProperties.of("code", "legalName", "nativeName", "country", "type",
      "status", "riskTier", "nextRecertification", "createdAt", "updatedAt");

  private final PartnerService service;

  PartnerController(PartnerService service) {
    this.service = service;
  }

  @GetMapping
  @PreAuthorize(Roles.ANY_MEMBER)
  Page<PartnerView> list(@RequestParam(required = false) PartnerStatus status, @RequestParam(required = false) PartnerType type,
      @RequestParam(required = false) String country, @RequestParam(required = false) RiskTier riskTier,
      @RequestParam(required = false) @Size(max = 100) String q,
      @PageableDefault(size = 50, sort = "code", direction = Sort.Direction.ASC) Pageable page) {
    return service.search(new PartnerFilter(status, type, country, riskTier, q), SORTABLE.check(page));
  }

  @GetMapping("/{code}")
  @PreAuthorize(Roles.ANY_MEMBER)
  PartnerView get(@PathVariable String code) {
    return service.get(code);
  }

  /** The latest due-diligence review: its answers, the risk tier and why (for the security review's form). */
  @GetMapping("/{code}/due-diligence")
  @PreAuthorize(Roles.ANY_MEMBER)
  DueDiligenceView dueDiligence(@PathVariable String code) {
    return service.dueDiligence(code).orElseThrow(() -> new NotFoundException(
        "Partner " + code + " has no due-diligence review yet: procurement records it in the onboarding."));
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(Roles.PARTNER_EDITORS)
  @Operation(summary = "Register a partner as PROSPECT; its code (P-0001, ...) is generated")
  ResponseEntity<PartnerView> register(@Valid @RequestBody PartnerDetails details) {
    PartnerView created = service.register(details);
    return ResponseEntity.created(URI.create("/api/partners/" + created.code())).body(created);
  }

  @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(Roles.PARTNER_EDITORS)
  @Operation(summary = "Change a partner's details; send the version you read (409 if it changed since)")
  PartnerView update(@PathVariable String code, @Valid @RequestBody PartnerUpdate update) {
    return service.update(code, update.version(), update.details());
  }

  @PostMapping(path = "/{code}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(Roles.PARTNER_EDITORS)
  @Operation(summary = "Change a partner's status; an illegal transition is a 409 naming the allowed ones")
  PartnerView changeStatus(@PathVariable String code, @Valid @RequestBody StatusChange change) {
    return service.changeStatus(code, change.status(), change.reason());
  }
}
