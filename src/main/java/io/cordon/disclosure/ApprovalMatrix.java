package io.cordon.disclosure;

import io.cordon.partner.RiskTier;
import io.cordon.secret.Classification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.cordon.workflow.Decisions;
import org.springframework.stereotype.Component;

/**
 * Who must approve a disclosure ({@code bpmn/DisclosureApprovalMatrix.dmn}), and what an NDA must contain for a crown
 * jewel, asked with facts from the register: the secret's classification and the partner's recorded risk tier. The
 * processes and the REST gate ask the same table, so there is one rule.
 */
@Component
public class ApprovalMatrix {

  public static final String OWNER = "OWNER";
  public static final String SECURITY = "SECURITY";

  /** The clauses without which an NDA does not protect a crown jewel (see bpmn/NdaClauseSelection.dmn). */
  public static final Set<String> CROWN_JEWEL_CLAUSES = Set.of("audit-rights", "sub-tier-flow-down");

  private final Decisions decisions;

  ApprovalMatrix(Decisions decisions) {
    this.decisions = decisions;
  }

  /**
   * The approvers ({@link #OWNER}, {@link #SECURITY}) a secret of this classification needs for a partner of this tier.
   * A partner whose risk was never assessed counts as {@link RiskTier#CRITICAL}: unknown risk is not low risk.
   */
  public List<String> approvers(Classification classification, RiskTier partnerTier) {
    RiskTier tier = partnerTier == null ? RiskTier.CRITICAL : partnerTier;
    List<String> approvers = decisions.table("DisclosureApprovalMatrix",
        Map.<String, Object>of("classification", classification.name(), "riskTier", tier.name()))
        .collectEntries("approver");
    return approvers.stream().distinct().toList();
  }

  /** The crown-jewel clauses an NDA with these clause keys lacks for a secret of this classification (sorted). */
  public static List<String> missingClauses(Classification classification, java.util.Collection<String> clauseKeys) {
    if (classification != Classification.CROWN_JEWEL) {
      return List.of();
    }
    return CROWN_JEWEL_CLAUSES.stream().filter(c -> !clauseKeys.contains(c)).sorted().toList();
  }
}
