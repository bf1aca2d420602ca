package io.cordon.portal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Partner requests without touching the models: every user task gets create, complete and delete listeners that ask
 * {@link PartnerTaskRequests} whether a partner answers that task of that model ({@link PartnerTaskRequest}); if so,
 * the request goes out when the task is created and its links are withdrawn when it ends.
 */
@Component
class PartnerTaskRequestsPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<PartnerTaskRequests> requests;

  PartnerTaskRequestsPlugin(ObjectProvider<PartnerTaskRequests> requests) {
    this.requests = requests;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>(configuration.getCustomPostBPMNParseListeners() == null
        ? List.of() : configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          String processKey = activity.getProcessDefinition() instanceof ProcessDefinitionEntity definitionEntity
              ? definitionEntity.getKey() : activity.getProcessDefinition().getId();
          var definition = behavior.getTaskDefinition();
          definition.addTaskListener(TaskListener.EVENTNAME_CREATE, task -> withRequests(processKey, task,
              r -> r.opened(processKey, task)));
          definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> withRequests(processKey, task,
              r -> r.ended(task, true)));
          definition.addTaskListener(TaskListener.EVENTNAME_DELETE, task -> withRequests(processKey, task,
              r -> r.ended(task, false)));
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private void withRequests(String processKey, DelegateTask task, java.util.function.Consumer<PartnerTaskRequests> work) {
    PartnerTaskRequests r = requests.getIfAvailable();
    if (r != null && r.answerable(processKey, task.getTaskDefinitionKey())) {
      work.accept(r);
    }
  }
}
