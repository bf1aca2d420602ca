package io.cordon.workflow;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * Cordon's decision tables, asked on Cordon's own authority: a decision is part of a step or a gate, not something the
 * user who triggered it needs a right to evaluate. The facts come from the register, never from the user.
 */
@Component
public class Decisions {

  /** A decision with why it was taken: the descriptions of the rules that matched, in the table's order. */
  public record Explained(DmnDecisionTableResult result, List<String> rules) {
  }

  private final DecisionService decisions;
  private final RepositoryService repository;
  private final ProcessEngineConfigurationImpl configuration;

  Decisions(ProcessEngine engine) {
    this.decisions = engine.getDecisionService();
    this.repository = engine.getRepositoryService();
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  public DmnDecisionTableResult table(String decisionKey, Map<String, Object> facts) {
    return withoutAuthorization(() -> decisions.evaluateDecisionTableByKey(decisionKey, facts));
  }

  /** As {@link #table}, with the rules that decided (a rule without a description is named by its id). */
  public Explained explain(String decisionKey, Map<String, Object> facts) {
    DecisionRules.start();
    DmnDecisionTableResult result;
    List<DecisionRules.Matched> matched;
    try {
      result = table(decisionKey, facts);
    } finally {
      matched = DecisionRules.stop();
    }
    List<String> rules = withoutAuthorization(() -> matched.stream().map(m -> {
      DmnModelInstance model = repository.getDmnModelInstance(m.decisionDefinitionId());
      Rule rule = model.getModelElementById(m.ruleId());
      return rule == null || rule.getDescription() == null || rule.getDescription().getTextContent().isBlank()
          ? m.ruleId() : rule.getDescription().getTextContent().trim();
    }).toList());
    return new Explained(result, rules);
  }

  private <T> T withoutAuthorization(Callable<T> call) {
    CommandContext step = Context.getCommandContext();
    if (step != null) {
      return step.runWithoutAuthorization(call);
    }
    return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(call));
  }
}
