package io.cordon.onboarding;

import io.cordon.disclosure.ApprovalMatrix;
import io.cordon.nda.NdaLifecycle;
import io.cordon.nda.NdaRecords;
import io.cordon.nda.NdaService;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.platform.ConflictException;
import io.cordon.secret.Classification;
import io.cordon.secret.SecretRef;
import io.cordon.secret.SecretService;
import io.cordon.secret.SecretStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Is one more secret within the scope of the partner's executed NDA? The NDA must be in force (executed, term not
 * ended), and its clauses must carry the secret's classification: the clauses {@code RequiredNdaClauses.dmn} requires
 * for it (a crown jewel: audit rights and sub-tier flow-down, the clauses the selection table adds for crown jewels).
 * Otherwise legal must amend the NDA first.
 */
@Service
public class DisclosureScope {

  /** The answer, with the partner's recorded risk tier (shown to the approvers). */
  public record Scope(boolean inScope, String ndaReference, Integer ndaVersion, String reason, String riskTier) {
  }

  private final PartnerService partners;
  private final SecretService secrets;
  private final NdaLifecycle ndaLifecycle;
  private final NdaService ndas;
  private final ApprovalMatrix matrix;

  DisclosureScope(PartnerService partners, SecretService secrets, NdaLifecycle ndaLifecycle, NdaService ndas,
      ApprovalMatrix matrix) {
    this.partners = partners;
    this.secrets = secrets;
    this.ndaLifecycle = ndaLifecycle;
    this.ndas = ndas;
    this.matrix = matrix;
  }

  @Transactional(readOnly = true)
  public Scope check(String partnerCode, String secretCode) {
    io.cordon.partner.PartnerRef partner = partners.resolve(partnerCode);
    String tier = String.valueOf(partner.riskTier());
    PartnerStatus status = partner.status();
    if (status != PartnerStatus.ACTIVE) {
      throw new ConflictException("Partner " + partnerCode + " is " + status + ": only active partners receive more secrets.");
    }
    SecretRef secret = secrets.resolve(List.of(secretCode)).get(secretCode);
    if (secret.status() != SecretStatus.ACTIVE) {
      throw new ConflictException("Trade secret " + secretCode + " is " + secret.status() + ": it cannot be disclosed.");
    }
    Optional<NdaLifecycle.Execution> nda = ndaLifecycle.inForceFor(partnerCode);
    if (nda.isEmpty()) {
      return new Scope(false, null, null, "Partner " + partnerCode + " has no executed NDA in force: a new NDA is needed.", tier);
    }
    NdaLifecycle.Execution executed = nda.get();
    if (nda.get().secretCodes().contains(secretCode)) {
      return new Scope(true, executed.reference(), executed.version(), secretCode + " is already listed in Schedule A of " + executed.reference() + ".", tier);
    }
    List<String> required = matrix.requiredClauses(secret.classification());
    if (!required.isEmpty()) {
      List<String> clauses = ndas.version(executed.reference(), executed.version()).clauses().stream()
          .map(NdaRecords.UsedClause::key).toList();
      List<String> missing = required.stream().filter(key -> !clauses.contains(key)).toList();
      if (!missing.isEmpty()) {
        String protects = secret.classification() == Classification.CROWN_JEWEL ? "crown jewels"
            : secret.classification() + " secrets";
        return new Scope(false, executed.reference(), executed.version(), executed.reference()
            + " does not protect " + protects + " (no " + String.join(", ", missing) + " clause): legal must amend it first.", tier);
      }
    }
    return new Scope(true, executed.reference(), executed.version(), executed.reference() + " is in force until "
        + executed.expiresOn() + " and covers " + secret.classification() + " secrets.", tier);
  }
}
