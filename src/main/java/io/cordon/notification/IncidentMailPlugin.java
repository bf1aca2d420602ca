package io.cordon.notification;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A technical failure that ends as an incident (a job or external task out of retries) is also mailed to
 * {@code admins}, with the process instance, the step and the message, so it does not wait unseen in Cockpit. Business
 * mistakes a person can fix are tasks in the models, not incidents. The mail is queued in the transaction that records
 * the incident, once per incident (the outbox key is the incident's id).
 */
@Component
class IncidentMailPlugin extends AbstractProcessEnginePlugin {

  static final String ADMINS = "admins";

  private final ObjectProvider<Notifications> notifications;
  private final ObjectProvider<Recipients> recipients;

  IncidentMailPlugin(ObjectProvider<Notifications> notifications, ObjectProvider<Recipients> recipients) {
    this.notifications = notifications;
    this.recipients = recipients;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomIncidentHandlers(List.of(new Mailing(Incident.FAILED_JOB_HANDLER_TYPE),
        new Mailing(Incident.EXTERNAL_TASK_HANDLER_TYPE)));
  }

  private final class Mailing extends DefaultIncidentHandler {

    Mailing(String type) {
      super(type);
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
      Incident incident = super.handleIncident(context, message);
      Notifications outbox = notifications.getIfAvailable();
      Recipients people = recipients.getIfAvailable();
      if (outbox != null && people != null && incident != null) {
        List<Recipient> admins = people.group(ADMINS);
        if (!admins.isEmpty()) {
          outbox.enqueue(MailRequest.notice("incident:" + incident.getId(),
              "Cordon: step " + context.getActivityId() + " failed and needs an administrator",
              List.of("A step failed after its retries and now waits as an incident in Cockpit.",
                  "Process instance: " + incident.getProcessInstanceId() + " (definition " + context.getProcessDefinitionId() + ")",
                  "Step: " + context.getActivityId(),
                  "Message: " + (message == null ? "(none)" : message),
                  "Fix the cause, then retry the job in Cockpit (Processes → the instance → Incidents)."),
              admins));
        }
      }
      return incident;
    }
  }
}
