package io.cordon.dispute;

import java.util.Date;
import org.camunda.bpm.engine.impl.batch.history.HistoricBatchEntity;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A process instance that ends while a legal hold covers it gets no removal time, so history cleanup leaves its
 * history alone until the hold is released (which recalculates it). Instances that ended before the hold are
 * handled when it is placed ({@link LegalHolds#place}).
 */
@Component
class LegalHoldEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<LegalHolds> holds;

  LegalHoldEnginePlugin(ObjectProvider<LegalHolds> holds) {
    this.holds = holds;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    HistoryRemovalTimeProvider standard = configuration.getHistoryRemovalTimeProvider();
    configuration.setHistoryRemovalTimeProvider(new HistoryRemovalTimeProvider() {
      @Override
      public Date calculateRemovalTime(HistoricProcessInstanceEventEntity instance, ProcessDefinition definition) {
        Date removal = standard.calculateRemovalTime(instance, definition);
        return removal != null && holds.getObject().isHeld(instance.getProcessInstanceId(), instance.getRootProcessInstanceId())
            ? null : removal;
      }

      @Override
      public Date calculateRemovalTime(HistoricDecisionInstanceEntity decision, DecisionDefinition definition) {
        return standard.calculateRemovalTime(decision, definition);
      }

      @Override
      public Date calculateRemovalTime(HistoricBatchEntity batch) {
        return standard.calculateRemovalTime(batch);
      }
    });
  }
}
