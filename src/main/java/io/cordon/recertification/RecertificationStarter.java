package io.cordon.recertification;

import io.cordon.offboarding.PartnerOffboarded;
import io.cordon.onboarding.PartnerOnboarded;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
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
    asCordon(() -> {
      String code = event.partnerCode();
      long running = runtime.createProcessInstanceQuery().processDefinitionKey(RecertificationVariables.PROCESS_KEY)
          .processInstanceBusinessKey(code).active().count();
      if (running > 0) {
        log.info("Re-certification of {} is already running", code);
        return null;
      }
      Map<String, Object> variables = new HashMap<>();
      variables.put(RecertificationVariables.PARTNER_CODE, code);
      variables.put(RecertificationVariables.RESPONSIBLE_USER, onboardedBy(code));
      runtime.startProcessInstanceByKey(RecertificationVariables.PROCESS_KEY, code, variables);
      return null;
    });
  }

  /** A whole-partner offboarding completed: the partner's re-certification ends (message {@code PartnerOffboarded}). */
  @EventListener
  void offboarded(PartnerOffboarded event) {
    asCordon(() -> runtime.createMessageCorrelation(RecertificationVariables.OFFBOARDED_MESSAGE)
        .processInstanceBusinessKey(event.partnerCode()).correlateAllWithResult().size());
  }

  /** Who started the partner's latest onboarding: the procurement user responsible for the relationship. */
  private String onboardedBy(String partnerCode) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(ONBOARDING_PROCESS)
        .processInstanceBusinessKey(partnerCode).orderByProcessInstanceStartTime().desc().listPage(0, 1).stream()
        .map(HistoricProcessInstance::getStartUserId).findFirst().orElse(null);
  }

  private static <T> T asCordon(Callable<T> work) {
    CommandContext context = Context.getCommandContext();
    try {
      return context == null ? work.call() : context.runWithoutAuthorization(work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
