package io.cordon.evidence;

import io.cordon.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/evidence")
@Validated
@Tag(name = "Evidence", description = "The append-only, hash-chained record of every step. Each event's hash covers its "
    + "content and the previous event's hash, so any change, deletion, reordering or truncation is detected.")
class EvidenceController {

  private final ChainVerifier verifier;
  private final EvidenceChain chain;
  private final EvidenceRedaction redaction;
  private final ChainAnchors anchors;

  EvidenceController(ChainVerifier verifier, EvidenceChain chain, EvidenceRedaction redaction, ChainAnchors anchors) {
    this.verifier = verifier;
    this.chain = chain;
    this.redaction = redaction;
    this.anchors = anchors;
  }

  @GetMapping("/anchors/verify")
  @PreAuthorize(Roles.SECURITY_OR_ADMINS)
  @Operation(summary = "Walk the chain and check it against its anchors: the newest anchor it still matches, and any it no longer matches")
  AnchorVerification verifyAnchors() {
    return anchors.verify();
  }

  @PostMapping("/anchors")
  @PreAuthorize(Roles.SECURITY_OR_ADMINS)
  @Operation(summary = "Anchor the chain head now (time-stamped if a time-stamp authority is configured); 204 if nothing is new")
  ResponseEntity<AnchorVerification.Anchor> anchorNow() {
    return anchors.anchor().map(a -> ResponseEntity.ok(new AnchorVerification.Anchor(a.eventSeq(), a.anchoredSeq(),
        a.anchoredHash(), a.timestampedAt().orElse(a.recordedAt()), a.token() != null, a.tsa())))
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  @GetMapping("/verify")
  @PreAuthorize(Roles.SECURITY_OR_ADMINS)
  @Operation(summary = "Walk the whole chain now and report the first broken link, if any")
  ChainVerification verify() {
    return verifier.verify();
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('legal','security','admins')")
  @Operation(summary = "Events concerning a secret or a partner, newest first; or the chain in order after a sequence number")
  List<EvidenceEvent> events(@RequestParam(required = false) String secret, @RequestParam(required = false) String partner,
      @RequestParam(defaultValue = "0") @Min(0) long after, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    if (secret != null) {
      return redaction.forReader(chain.forSecret(secret, limit));
    }
    if (partner != null) {
      return redaction.forReader(chain.forPartner(partner, limit));
    }
    return redaction.forReader(chain.page(after, limit));
  }
}
