package io.cordon.disclosure;

import io.cordon.partner.RiskTier;
import io.cordon.secret.Classification;
import io.cordon.workflow.Decisions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who must approve a disclosure ({@code bpmn/DisclosureApprovalMatrix.dmn}), and which clauses an NDA must contain for
 * a secret of a classification ({@code bpmn/RequiredNdaClauses.dmn}), asked with facts from the register: the secret's
 * classification and the partner's recorded risk tier. The processes and the REST gate ask the same tables, so there is
 * one rule.
 */
@Component
public class ApprovalMatrix {

  public static final String OWNER = "OWNER";
  public static final String SECURITY = "SECURITY";

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

  /** The clause keys an NDA must contain for a secret of this classification (RequiredNdaClauses.dmn), sorted. */
  public List<String> requiredClauses(Classification classification) {
    List<Object> keys = decisions.table("RequiredNdaClauses", Map.<String, Object>of("classification", classification.name()))
        .collectEntries("clauseKey");
    return keys.stream().map(String::valueOf).distinct().sorted().toList();
  }

  /** The required clauses an NDA with these clause keys lacks for a secret of this classification (sorted). */
  public List<String> missingClauses(Classification classification, Collection<String> clauseKeys) {
    return requiredClauses(classification).stream().filter(c -> !clauseKeys.contains(c)).toList();
  }
}
