package io.cordon.workflow;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Cordon's decision tables, asked on Cordon's own authority: a decision is part of a step or a gate, not something the
 * user who triggered it needs a right to evaluate. The facts come from the register, never from the user.
 */
@Component
public class Decisions {

  private final DecisionService decisions;
  private final ProcessEngineConfigurationImpl configuration;

  Decisions(ProcessEngine engine) {
    this.decisions = engine.getDecisionService();
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  public DmnDecisionTableResult table(String decisionKey, Map<String, Object> facts) {
    CommandContext step = Context.getCommandContext();
    if (step != null) {
      return step.runWithoutAuthorization(() -> decisions.evaluateDecisionTableByKey(decisionKey, facts));
    }
    return configuration.getCommandExecutorTxRequired().execute(
        context -> context.runWithoutAuthorization(() -> decisions.evaluateDecisionTableByKey(decisionKey, facts)));
  }
}
