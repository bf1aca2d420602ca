package io.cordon.recertification;

import static io.cordon.portal.PartnerRequestType.completeAsTasklist;
import static io.cordon.portal.PartnerRequestType.value;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.disclosure.DisclosureView;
import io.cordon.portal.PartnerLink;
import io.cordon.portal.PartnerRequestType;
import io.cordon.portal.Refusal;
import io.cordon.secret.SecretRef;
import io.cordon.secret.SecretService;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The attestation as a partner request: the partner's contact answers {@code Task_Attest} through its link, with the
 * same answers the Tasklist form takes ({@link RecertificationForms#ATTESTATION}), checked by the same form gate and
 * recorded by the same step. The page names each disclosure by its secret's code and classification and by what was
 * agreed with the partner (purpose, agreement, permitted recipients): never a secret's title, never another partner.
 */
@Component
class AttestationRequest implements PartnerRequestType {

  static final String KIND = "ATTESTATION";
  static final String TASK = "Task_Attest";
  private static final Set<String> PARTS = Set.of("needed", "holders", "incident", "onward");

  private final RecertificationService service;
  private final SecretService secrets;
  private final TaskService tasks;
  private final ObjectMapper json;
  private final DateTimeFormatter companyTime;

  AttestationRequest(RecertificationService service, SecretService secrets, TaskService tasks, ObjectMapper json,
      RecertificationSchedule schedule) {
    this.service = service;
    this.secrets = secrets;
    this.tasks = tasks;
    this.json = json;
    this.companyTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH).withZone(schedule.getZone());
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public boolean waiting(PartnerLink link) {
    Period period = service.period(link.requestId());
    return period.status() == RecertificationStatus.REQUESTED && task(link) != null;
  }

  /** One disclosure as the page shows it. */
  record Item(long id, String code, String classification, String purpose, String nda, List<String> permitted,
      String needed, String holders, String incident, String onward) {
  }

  @Override
  public RequestPage page(PartnerLink link, Map<String, List<String>> form) {
    Period period = service.period(link.requestId());
    List<DisclosureView> held = service.toAttest(link.partnerCode());
    Map<String, SecretRef> refs = held.isEmpty() ? Map.of()
        : secrets.resolve(held.stream().map(DisclosureView::secretCode).toList());
    Map<Long, AttestationLine> last = lastAnswers(period);
    List<Item> items = new ArrayList<>();
    for (DisclosureView d : held) {
      AttestationLine before = last.get(d.id());
      String holders = form.isEmpty() ? (before == null ? "" : String.join("\n", before.holders()))
          : value(form, "holders-" + d.id());
      items.add(new Item(d.id(), d.secretCode(), refs.get(d.secretCode()).classification().name(), d.purpose(),
          d.ndaReference(), d.permittedRecipients() == null ? List.of() : d.permittedRecipients(),
          form.isEmpty() ? "yes" : value(form, "needed-" + d.id()), holders, value(form, "incident-" + d.id()),
          value(form, "onward-" + d.id())));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("periodNo", period.periodNo());
    model.put("due", companyTime.format(period.dueAt()));
    model.put("items", items);
    return new RequestPage("attestation", model);
  }

  @Override
  public Answer submit(PartnerLink link, Map<String, List<String>> form) {
    Period period = service.period(link.requestId());
    List<DisclosureView> held = service.toAttest(link.partnerCode());
    Map<Long, DisclosureView> byId = new LinkedHashMap<>();
    held.forEach(d -> byId.put(d.id(), d));
    Set<String> unknown = new TreeSet<>();
    for (Map.Entry<String, List<String>> field : form.entrySet()) {
      String[] parts = field.getKey().split("-", 2);
      if (parts.length != 2 || !PARTS.contains(parts[0]) || !parts[1].matches("\\d{1,18}")
          || !byId.containsKey(Long.parseLong(parts[1])) || field.getValue().size() != 1) {
        unknown.add(field.getKey());
      }
    }
    if (!unknown.isEmpty()) {
      throw Refusal.foreignFields();
    }
    List<AttestationAnswer> answers = new ArrayList<>();
    List<Map<String, Object>> kept = new ArrayList<>();
    for (DisclosureView d : held) {
      String needed = value(form, "needed-" + d.id());
      if (!"yes".equals(needed) && !"no".equals(needed)) {
        throw new Refusal("portal.recert.stillNeeded", "Say whether you still need " + d.secretCode() + ".",
            d.secretCode());
      }
      List<String> holders = Arrays.stream(value(form, "holders-" + d.id()).split("\\R")).map(String::strip)
          .filter(h -> !h.isEmpty()).toList();
      String incident = blankToNull(value(form, "incident-" + d.id()));
      String onward = blankToNull(value(form, "onward-" + d.id()));
      answers.add(new AttestationAnswer(d.id(), holders, "yes".equals(needed), incident, onward));
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("disclosureId", d.id());
      line.put("secretCode", d.secretCode());
      line.put("stillNeeded", "yes".equals(needed));
      line.put("holders", holders);
      line.put("incident", incident);
      line.put("onwardDisclosure", onward);
      kept.add(line);
    }
    Task task = task(link);
    if (task == null) {
      throw new Refusal("portal.recert.closed", "This re-certification no longer waits for an answer.");
    }
    String answer;
    try {
      answer = json.writeValueAsString(answers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The attestation cannot be written as JSON", e);
    }
    // The same completion as Tasklist's: the form gate checks it, Task_RecordAttestation records it.
    completeAsTasklist(tasks, task.getId(), Map.of(RecertificationForms.ATTESTATION.name(), answer));
    return new Answer(kept, held.stream().map(DisclosureView::secretCode).distinct().sorted().toList(),
        "Re-certification " + period.periodNo() + " of " + link.partnerCode());
  }

  private Task task(PartnerLink link) {
    return tasks.createTaskQuery().processInstanceId(link.processInstanceId()).taskDefinitionKey(TASK).singleResult();
  }

  private Map<Long, AttestationLine> lastAnswers(Period period) {
    Map<Long, AttestationLine> last = new HashMap<>();
    service.periods(period.partnerCode()).stream()
        .filter(p -> p.periodNo() < period.periodNo() && p.attestedAt() != null).findFirst()
        .ifPresent(p -> service.answers(p.id()).forEach(a -> last.put(a.disclosureId(), a)));
    return last;
  }


  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
