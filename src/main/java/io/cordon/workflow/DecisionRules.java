package io.cordon.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Notes which rules of a decision table matched while {@link Decisions#explain} asks it, so a decision can say why
 * (the rules' descriptions), not only what. Outside such a call it records nothing.
 */
@Component
class DecisionRules extends AbstractProcessEnginePlugin implements DmnDecisionTableEvaluationListener {

  /** A matched rule: the deployed decision it belongs to and its id in that model. */
  record Matched(String decisionDefinitionId, String ruleId) {
  }

  private static final ThreadLocal<List<Matched>> MATCHED = new ThreadLocal<>();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    List<DmnDecisionTableEvaluationListener> listeners = new ArrayList<>();
    if (dmn.getCustomPostDecisionTableEvaluationListeners() != null) {
      listeners.addAll(dmn.getCustomPostDecisionTableEvaluationListeners());
    }
    listeners.add(this);
    dmn.setCustomPostDecisionTableEvaluationListeners(listeners);
  }

  @Override
  public void notify(DmnDecisionTableEvaluationEvent event) {
    List<Matched> matched = MATCHED.get();
    if (matched == null || !(event.getDecision() instanceof DecisionDefinition definition)) {
      return;
    }
    for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
      matched.add(new Matched(definition.getId(), rule.getId()));
    }
  }

  static void start() {
    MATCHED.set(new ArrayList<>());
  }

  static List<Matched> stop() {
    List<Matched> matched = MATCHED.get();
    MATCHED.remove();
    return matched == null ? List.of() : matched;
  }
}
