package io.cordon.dispute;

import io.cordon.identity.Roles;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Evidence for disputes", description = "Evidence packs that verify without Cordon, and the reasonable-measures "
    + "scorecard per secret and jurisdiction (EU, US, PRC).")
class DisputeController {

  private static final String OWNER_LEGAL_SECURITY_ADMINS = "hasAnyRole('secret-owners','legal','security','admins')";
  private static final String LEGAL_SECURITY_ADMINS = "hasAnyRole('legal','security','admins')";

  private final EvidencePacks packs;
  private final PackBuilds builds;
  private final Measures measures;
  private final EvidenceAccess access;

  DisputeController(EvidencePacks packs, PackBuilds builds, Measures measures, EvidenceAccess access) {
    this.packs = packs;
    this.builds = builds;
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

  @PostMapping("/api/evidence/packs/secrets/{code}")
  @PreAuthorize(OWNER_LEGAL_SECURITY_ADMINS)
  @Operation(summary = "Start building a secret's evidence pack in the background (202; same access as the download); "
      + "follow the Location to see its progress and download it")
  ResponseEntity<PackBuilds.BuildView> startSecretPack(@PathVariable String code) {
    return started(builds.start(new EvidencePacks.Subject(EvidencePacks.Kind.SECRET, code)));
  }

  @PostMapping("/api/evidence/packs/partners/{code}")
  @PreAuthorize(LEGAL_SECURITY_ADMINS)
  @Operation(summary = "Start building a partner's evidence pack in the background (202)")
  ResponseEntity<PackBuilds.BuildView> startPartnerPack(@PathVariable String code) {
    return started(builds.start(new EvidencePacks.Subject(EvidencePacks.Kind.PARTNER, code)));
  }

  @PostMapping("/api/evidence/packs/ndas/{reference}")
  @PreAuthorize(LEGAL_SECURITY_ADMINS)
  @Operation(summary = "Start building an NDA's evidence pack in the background (202)")
  ResponseEntity<PackBuilds.BuildView> startNdaPack(@PathVariable String reference) {
    return started(builds.start(new EvidencePacks.Subject(EvidencePacks.Kind.NDA, reference)));
  }

  @GetMapping("/api/evidence/packs/builds")
  @PreAuthorize(OWNER_LEGAL_SECURITY_ADMINS)
  @Operation(summary = "The caller's evidence pack builds, newest first (at most 50)")
  List<PackBuilds.BuildView> myBuilds() {
    return builds.mine(50);
  }

  @GetMapping("/api/evidence/packs/builds/{id}")
  @PreAuthorize(OWNER_LEGAL_SECURITY_ADMINS)
  @Operation(summary = "One of the caller's evidence pack builds: QUEUED, RUNNING (with the last finished phase), READY or FAILED")
  PackBuilds.BuildView build(@PathVariable String id) {
    return builds.get(id);
  }

  @GetMapping("/api/evidence/packs/builds/{id}/zip")
  @PreAuthorize(OWNER_LEGAL_SECURITY_ADMINS)
  @Operation(summary = "The ZIP of one of the caller's ready builds (409 while it is not ready)")
  ResponseEntity<byte[]> builtPack(@PathVariable String id) {
    PackBuilds.Download d = builds.download(id);
    return zip(d.fileName(), d.manifestSha256(), d.zip());
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
    return zip(pack.fileName(), pack.manifestSha256(), pack.zip());
  }

  private static ResponseEntity<byte[]> zip(String fileName, String manifestSha256, byte[] zip) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store").header("X-Manifest-SHA256", manifestSha256).body(zip);
  }

  private static ResponseEntity<PackBuilds.BuildView> started(PackBuilds.BuildView build) {
    return ResponseEntity.accepted().location(java.net.URI.create("/api/evidence/packs/builds/" + build.id()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store").body(build);
  }
}
