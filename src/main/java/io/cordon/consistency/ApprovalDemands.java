package io.cordon.consistency;

import io.cordon.partner.RiskTier;
import io.cordon.secret.Classification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * What the approval matrix ({@code DisclosureApprovalMatrix.dmn}, its latest version) demands, for every combination
 * of classification and partner risk tier, as a small derived table the checker joins: {@code (classification,
 * risk_tier, approver)}, with {@code '-'} for a partner without a tier and approver {@code ANY} where the matrix
 * demands nobody (the disclosure still passed through an approval, Cordon's own); the checker turns them into
 * conditions ({@link #demandedWhere}).
 */
@Component
class ApprovalDemands {

  static final String NO_TIER = "-";
  static final String ANY = "ANY";

  private final ProcessEngine engine;
  private final CommandExecutor commands;

  ApprovalDemands(ProcessEngine engine) {
    this.engine = engine;
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }

  record Demand(String classification, String riskTier, String approver) {
  }

  List<Demand> all() {
    List<String> tiers = new ArrayList<>();
    for (RiskTier tier : RiskTier.values()) {
      tiers.add(tier.name());
    }
    tiers.add(NO_TIER);
    List<Demand> demands = new ArrayList<>();
    for (Classification classification : Classification.values()) {
      for (String tier : tiers) {
        List<String> approvers = evaluate(classification.name(), NO_TIER.equals(tier) ? null : tier);
        if (approvers.isEmpty()) {
          demands.add(new Demand(classification.name(), tier, ANY));
        }
        approvers.forEach(a -> demands.add(new Demand(classification.name(), tier, a)));
      }
    }
    return demands;
  }

  /**
   * A condition on {@code s.classification} and {@code p.risk_tier} that is true where the matrix demands
   * {@code approver}: one pass over the disclosures tests every demand, instead of one join per matrix row. Only enum
   * names and the matrix's outputs go into it, each checked to be a plain word. {@code 1 = 0} if it demands it nowhere.
   */
  String demandedWhere(List<Demand> demands, String approver) {
    java.util.Map<String, List<String>> tiers = new java.util.TreeMap<>();
    for (Demand d : demands) {
      if (d.approver().equals(approver)) {
        tiers.computeIfAbsent(d.classification(), c -> new ArrayList<>()).add(literal(d.riskTier()));
      }
    }
    if (tiers.isEmpty()) {
      return "1 = 0";
    }
    List<String> terms = new ArrayList<>();
    tiers.forEach((classification, list) -> terms.add("(s.classification = " + literal(classification)
        + " and coalesce(p.risk_tier, '" + NO_TIER + "') in (" + String.join(", ", list) + "))"));
    return "(" + String.join(" or ", terms) + ")";
  }

  private List<String> evaluate(String classification, String riskTier) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("classification", classification);
    inputs.put("riskTier", riskTier);
    // Cordon's own reading of its rules: the caller (an auditor from security) needs no right to evaluate decisions.
    return commands.execute(context -> context.runWithoutAuthorization(() -> engine.getDecisionService()
        .evaluateDecisionTableByKey("DisclosureApprovalMatrix", inputs).collectEntries("approver")));
  }

  private static String literal(String word) {
    if (word == null || !word.matches("[A-Za-z_\\-]{1,32}")) {
      throw new IllegalStateException("The approval matrix returned an approver that is not a plain word: " + word);
    }
    return "'" + word + "'";
  }
}
