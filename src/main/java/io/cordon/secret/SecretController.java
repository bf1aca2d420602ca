package io.cordon.secret;

import io.cordon.identity.Roles;
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
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/secrets")
@Tag(name = "Trade secrets", description = "The register of trade secrets. Cordon stores a secret's metadata only "
    + "(code, title, non-revealing summary, classification, owner, where it is held, protection measures): never the "
    + "secret itself. Requests with attachments or unknown fields are refused.")
class SecretController {

  record SecretUpdate(@NotNull Long version, @NotNull @Valid SecretDetails details) {
  }

  record StatusChange(@NotNull SecretStatus status, @Size(max = 500) String reason) {
  }

  private final SecretService service;

  SecretController(SecretService service) {
    this.service = service;
  }

  @GetMapping
  @PreAuthorize(Roles.ANY_MEMBER)
  @Operation(summary = "List secrets, paged and filtered; crown jewels are redacted for callers not entitled to them")
  Page<SecretView> list(@RequestParam(required = false) SecretStatus status,
      @RequestParam(required = false) Classification classification, @RequestParam(required = false) SecretCategory category,
      @RequestParam(required = false) String owner, @RequestParam(required = false) @Size(max = 100) String q,
      @PageableDefault(size = 50, sort = "code", direction = Sort.Direction.ASC) Pageable page) {
    return service.search(new SecretFilter(status, classification, category, owner, q), SecretService.SORTABLE.check(page));
  }

  @GetMapping("/{code}")
  @PreAuthorize(Roles.ANY_MEMBER)
  SecretView get(@PathVariable String code) {
    return service.get(code);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(Roles.SECRET_EDITORS)
  @Operation(summary = "Register a secret; its code (TS-0001, ...) is generated")
  ResponseEntity<SecretView> register(@Valid @RequestBody SecretDetails details) {
    SecretView created = service.register(details);
    return ResponseEntity.created(URI.create("/api/secrets/" + created.code())).body(created);
  }

  @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(Roles.SECRET_EDITORS)
  @Operation(summary = "Change a secret's metadata; send the version you read (409 if it changed since)")
  SecretView update(@PathVariable String code, @Valid @RequestBody SecretUpdate update) {
    return service.update(code, update.version(), update.details());
  }

  @PostMapping(path = "/{code}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(Roles.SECRET_EDITORS)
  @Operation(summary = "Retire, revive or mark a secret compromised")
  SecretView changeStatus(@PathVariable String code, @Valid @RequestBody StatusChange change) {
    return service.changeStatus(code, change.status(), change.reason());
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Refused: Cordon never stores a secret's content or attachments")
  ResponseEntity<Void> refuseAttachments() {
    throw new AttachmentRefusedException();
  }

  @PutMapping(path = "/{code}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Void> refuseAttachmentsOnUpdate(@PathVariable String code) {
    throw new AttachmentRefusedException();
  }

  static class AttachmentRefusedException extends io.cordon.platform.UnsupportedContentException {
    AttachmentRefusedException() {
      super("Cordon never stores a trade secret's content or attachments: send the metadata as JSON only.");
    }
  }

}
