package io.cordon.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task of every model says for whom it is: "Review NDA — Acme Feinmechanik GmbH (P-0137)", and a leak
 * response's tasks which incident: "Decide legal action (LI-0007) — Acme Feinmechanik GmbH (P-0137)". Added to each
 * user task as a create listener after the model's own, so a model that names a task itself (the disclosure
 * approvals) keeps its name when it already names the partner.
 */
@Component
class TaskNamesPlugin extends AbstractProcessEnginePlugin {

  private static final String PARTNER_CODE = "partnerCode";
  /** A leak incident's code: the tasks of its response say which incident they are about. */
  private static final String INCIDENT_CODE = "incidentCode";

  private final ObjectProvider<TaskSubjects> subjects;

  TaskNamesPlugin(ObjectProvider<TaskSubjects> subjects) {
    this.subjects = subjects;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>(configuration.getCustomPostBPMNParseListeners() == null
        ? List.of() : configuration.getCustomPostBPMNParseListeners());
    TaskListener naming = this::name;
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, naming);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private void name(DelegateTask task) {
    if (task.getVariable(INCIDENT_CODE) instanceof String incident && task.getName() != null
        && !task.getName().contains(incident)) {
      task.setName(task.getName() + " (" + incident + ")");
    }
    TaskSubjects register = subjects.getIfAvailable();
    Object code = task.getVariable(PARTNER_CODE);
    String name = task.getName();
    if (register == null || !(code instanceof String partnerCode) || name == null || name.contains(partnerCode)) {
      return;
    }
    register.partnerName(partnerCode).filter(legalName -> !name.contains(legalName))
        .ifPresent(legalName -> task.setName(name + " — " + legalName + " (" + partnerCode + ")"));
  }
}
