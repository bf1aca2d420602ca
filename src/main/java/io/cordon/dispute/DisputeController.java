package io.cordon.dispute;

import io.cordon.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Evidence for disputes", description = "Evidence packs that verify without Cordon, and the reasonable-measures "
    + "scorecard per secret and jurisdiction (EU, US, PRC).")
class DisputeController {

  private static final String OWNER_LEGAL_SECURITY_ADMINS = "hasAnyRole('secret-owners','legal','security','admins')";
  private static final String LEGAL_SECURITY_ADMINS = "hasAnyRole('legal','security','admins')";

  private final EvidencePacks packs;
  private final Measures measures;
  private final EvidenceAccess access;

  DisputeController(EvidencePacks packs, Measures measures, EvidenceAccess access) {
    this.packs = packs;
    this.measures = measures;
    this.access = access;
  }

  @GetMapping("/api/evidence/packs/secrets/{code}")
  @PreAuthorize(OWNER_LEGAL_SECURITY_ADMINS)
  @Operation(summary = "Evidence pack of a secret (ZIP): the secret's owner, legal, security, admins; a crown jewel's only for its owner, security, admins")
  ResponseEntity<byte[]> secretPack(@PathVariable String code) {
    return download(packs.build(new EvidencePacks.Subject(EvidencePacks.Kind.SECRET, code)));
  }

  @GetMapping("/api/evidence/packs/partners/{code}")
  @PreAuthorize(LEGAL_SECURITY_ADMINS)
  @Operation(summary = "Evidence pack of a partner (ZIP); crown-jewel titles only for those entitled")
  ResponseEntity<byte[]> partnerPack(@PathVariable String code) {
    return download(packs.build(new EvidencePacks.Subject(EvidencePacks.Kind.PARTNER, code)));
  }

  @GetMapping("/api/evidence/packs/ndas/{reference}")
  @PreAuthorize(LEGAL_SECURITY_ADMINS)
  @Operation(summary = "Evidence pack of an NDA (ZIP)")
  ResponseEntity<byte[]> ndaPack(@PathVariable String reference) {
    return download(packs.build(new EvidencePacks.Subject(EvidencePacks.Kind.NDA, reference)));
  }

  @GetMapping("/api/secrets/{code}/measures")
  @PreAuthorize(OWNER_LEGAL_SECURITY_ADMINS)
  @Operation(summary = "Reasonable-measures scorecard of a secret per jurisdiction: documented, gap or not applicable, with the evidence events")
  Scorecard scorecard(@PathVariable String code) {
    access.checkSecret(code);
    return measures.forSecret(code);
  }

  @GetMapping("/api/measures/summary")
  @PreAuthorize(LEGAL_SECURITY_ADMINS)
  @Operation(summary = "Register-wide: how many secrets have gaps in their reasonable measures, of which kind, per jurisdiction")
  Measures.Summary summary() {
    return measures.summary();
  }

  private static ResponseEntity<byte[]> download(EvidencePacks.Pack pack) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pack.fileName()).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store").header("X-Manifest-SHA256", pack.manifestSha256()).body(pack.zip());
  }
}
