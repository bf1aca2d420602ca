package io.cordon.onboarding;

import static io.cordon.portal.PartnerRequestType.completeAsTasklist;
import static io.cordon.portal.PartnerRequestType.value;

import io.cordon.onboarding.OnboardingForms.DueDiligence;
import io.cordon.partner.PartnerView;
import io.cordon.platform.ConflictException;
import io.cordon.portal.PartnerLink;
import io.cordon.portal.PartnerLinks;
import io.cordon.portal.PartnerTaskRequest;
import io.cordon.portal.Refusal;
import io.cordon.workflow.Field;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Due diligence at onboarding as a partner request: when {@code Task_ReviewDueDiligence} is created, the partner's
 * contacts get a link; the page asks the questions of the Tasklist form ({@link OnboardingForms.DueDiligence}) and the
 * contact's answer completes that task through the same form contract, form gate and step ({@code
 * Task_RecordDueDiligence}). Procurement can still answer in Tasklist on the partner's behalf. The page shows the
 * partner its own name and the purpose asked for, nothing of the register.
 */
@Component
class DueDiligenceRequest implements PartnerTaskRequest {

  static final String KIND = "DUE_DILIGENCE";
  static final String TASK = "Task_ReviewDueDiligence";
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  /** The questions, in the page's order; check boxes of the Tasklist form are yes/no choices here. */
  private static final List<Field<?>> QUESTIONS = List.of(DueDiligence.CERTIFICATIONS, DueDiligence.ACCESS_CONTROL,
      DueDiligence.SUBCONTRACTORS, DueDiligence.INCIDENTS, DueDiligence.DATA_LOCATION, DueDiligence.STAFF_TURNOVER,
      DueDiligence.PRIVACY_REGIME, DueDiligence.FINDINGS);

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final PartnerLinks links;

  DueDiligenceRequest(TaskService tasks, RuntimeService runtime, PartnerLinks links) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.links = links;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String processKey() {
    return OnboardingForms.ONBOARDING;
  }

  @Override
  public String taskKey() {
    return TASK;
  }

  @Override
  public Invitation invitation(PartnerView partner, Instant due, boolean reminder) {
    String by = due == null ? "" : " Please answer by " + UTC.format(due) + ".";
    return new Invitation((reminder ? "Reminder: " : "") + "Due diligence questionnaire for " + partner.legalName(),
        List.of((reminder ? "We have not received your answers yet. " : "")
                + "Before we share confidential information with you, we ask a few questions about how your company "
                + "protects confidential material: security certifications, access control, subcontractors, past "
                + "incidents, where data is held, staff turnover and the privacy regime." + by,
            "Answer through your personal link below; it takes a few minutes."),
        "Answer the questionnaire");
  }

  @Override
  public RequestPage page(PartnerLink link, Map<String, List<String>> form) {
    Map<String, Object> model = new HashMap<>();
    Map<String, String> values = new HashMap<>();
    for (Field<?> f : QUESTIONS) {
      values.put(f.name(), value(form, f.name()));
    }
    model.put("values", values);
    model.put("purpose", runtime.getVariable(link.processInstanceId(), OnboardingForms.Request.PURPOSE.name()));
    model.put("turnovers", DueDiligence.STAFF_TURNOVER.choices());
    return new RequestPage("due-diligence", model);
  }

  @Override
  public Answer submit(PartnerLink link, Map<String, List<String>> form) {
    Set<String> known = new TreeSet<>();
    QUESTIONS.forEach(f -> known.add(f.name()));
    for (Map.Entry<String, List<String>> field : form.entrySet()) {
      if (!known.contains(field.getKey()) || field.getValue().size() != 1) {
        throw Refusal.foreignFields();
      }
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    for (Field<?> f : QUESTIONS) {
      String v = value(form, f.name()).strip();
      switch (f.kind()) {
        case FLAG -> {
          if (!"yes".equals(v) && !"no".equals(v)) {
            throw new Refusal("portal.dd.error." + f.name(), "Answer yes or no: " + f.label() + ".");
          }
          answer.put(f.name(), "yes".equals(v));
        }
        case CHOICE -> {
          if (!f.choices().contains(v)) {
            throw new Refusal("portal.dd.error." + f.name(), "Choose the " + f.label() + ": "
                + String.join(", ", f.choices()) + ".");
          }
          answer.put(f.name(), v);
        }
        default -> {
          if (v.isEmpty() && f.isRequired()) {
            throw new Refusal("portal.dd.error." + f.name(), "Describe how your company protects confidential "
                + "material.");
          }
          answer.put(f.name(), v.isEmpty() ? null : v);
        }
      }
    }
    String taskId = links.openTask(link).orElseThrow(() -> new ConflictException(
        "This questionnaire no longer waits for an answer."));
    // The same completion as Tasklist's: the form gate checks it, Task_RecordDueDiligence records it.
    completeAsTasklist(tasks, taskId, new HashMap<>(answer));
    return new Answer(answer, List.of(), "Due diligence questionnaire of " + link.partnerCode());
  }
}
