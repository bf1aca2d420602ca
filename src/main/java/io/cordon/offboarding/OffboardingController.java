package io.cordon.offboarding;

import io.cordon.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/partners/{code}")
@Tag(name = "Offboarding", description = "The end of a relationship, or of single disclosures no longer needed: "
    + "certificates of return or destruction, closed disclosures, the survival of the NDA's obligations.")
class OffboardingController {

  static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  /** Without {@code disclosureIds} (or with an empty list), the whole relationship. */
  record StartOffboarding(@NotBlank @Size(max = 500) String reason, @Size(max = 1000) List<Long> disclosureIds) {
  }

  record Started(String processInstanceId) {
  }

  private final OffboardingService service;

  OffboardingController(OffboardingService service) {
    this.service = service;
  }

  @PostMapping(path = "/offboarding", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('procurement','admins')")
  @Operation(summary = "Start an offboarding: the whole relationship, or only the disclosures named")
  ResponseEntity<Started> start(@PathVariable String code, @Valid @RequestBody StartOffboarding request) {
    String processInstanceId = service.start(code, request.disclosureIds(), request.reason());
    return ResponseEntity.created(URI.create("/api/partners/" + code + "/offboardings")).body(new Started(processInstanceId));
  }

  @GetMapping("/offboardings")
  @PreAuthorize(Roles.ANY_MEMBER)
  @Operation(summary = "The partner's offboardings, newest first: status, items, certificate hashes, survival date")
  List<OffboardingView> history(@PathVariable String code) {
    return service.history(code);
  }

  @GetMapping("/offboardings/{id}/certificates/{ndaReference}.docx")
  @PreAuthorize(Roles.ANY_MEMBER)
  @Operation(summary = "The generated certificate of return or destruction for one NDA")
  ResponseEntity<byte[]> certificate(@PathVariable String code, @PathVariable long id, @PathVariable String ndaReference) {
    OffboardingService.Document d = service.document(code, id, ndaReference);
    return file(d, DOCX);
  }

  @GetMapping("/offboardings/{id}/signed-certificate")
  @PreAuthorize(Roles.ANY_MEMBER)
  @Operation(summary = "The certificate as the partner signed it (PDF or DOCX)")
  ResponseEntity<byte[]> signed(@PathVariable String code, @PathVariable long id) {
    OffboardingService.Document d = service.document(code, id, null);
    boolean pdf = d.content().length > 4 && d.content()[0] == '%' && d.content()[1] == 'P';
    return file(d, pdf ? MediaType.APPLICATION_PDF : DOCX);
  }

  private static ResponseEntity<byte[]> file(OffboardingService.Document d, MediaType type) {
    String name = d.fileName() == null ? d.sha256() : d.fileName();
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .header("X-Document-SHA256", d.sha256()).body(d.content());
  }
}
