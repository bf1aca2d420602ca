package io.cordon.recertification;

import io.cordon.offboarding.PartnerOffboarded;
import io.cordon.onboarding.PartnerOnboarded;
import io.cordon.platform.CordonAct;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a partner's {@code RecertificationProcess} when its onboarding completes, in the same transaction: the
 * partner is active if and only if its re-certification runs. The start is Cordon's own act, not the user's, so it
 * does not depend on the user's rights to start processes. Ends it when the partner is offboarded.
 */
@Component
class RecertificationStarter {

  private static final Logger log = LoggerFactory.getLogger(RecertificationStarter.class);
  private static final String ONBOARDING_PROCESS = "PartnerOnboardingProcess";

  private final RuntimeService runtime;
  private final HistoryService history;

  RecertificationStarter(RuntimeService runtime, HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  @EventListener
  void onboarded(PartnerOnboarded event) {
    CordonAct.run(() -> {
      String code = event.partnerCode();
      long running = runtime.createProcessInstanceQuery().processDefinitionKey(RecertificationVariables.PROCESS_KEY)
          .processInstanceBusinessKey(code).active().count();
      if (running > 0) {
        log.info("Re-certification of {} is already running", code);
        return null;
      }
      Map<String, Object> variables = new HashMap<>();
      variables.put(RecertificationVariables.PARTNER_CODE.name(), code);
      variables.put(RecertificationVariables.RESPONSIBLE_USER.name(), onboardedBy(code));
      runtime.startProcessInstanceByKey(RecertificationVariables.PROCESS_KEY, code, variables);
      return null;
    });
  }

  /** A whole-partner offboarding completed: the partner's re-certification ends (message {@code PartnerOffboarded}). */
  @EventListener
  void offboarded(PartnerOffboarded event) {
    CordonAct.run(() -> runtime.createMessageCorrelation(RecertificationVariables.OFFBOARDED_MESSAGE)
        .processInstanceBusinessKey(event.partnerCode()).correlateAllWithResult().size());
  }

  /** Who started the partner's latest onboarding: the procurement user responsible for the relationship. */
  private String onboardedBy(String partnerCode) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(ONBOARDING_PROCESS)
        .processInstanceBusinessKey(partnerCode).orderByProcessInstanceStartTime().desc().listPage(0, 1).stream()
        .map(HistoricProcessInstance::getStartUserId).findFirst().orElse(null);
  }

}
