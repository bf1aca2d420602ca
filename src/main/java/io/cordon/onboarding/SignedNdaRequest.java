package io.cordon.onboarding;

import static io.cordon.portal.PartnerRequestType.completeAsTasklist;
import static io.cordon.portal.PartnerRequestType.value;

import io.cordon.nda.NdaService;
import io.cordon.onboarding.OnboardingForms.SignedNda;
import io.cordon.partner.PartnerView;
import io.cordon.platform.ConflictException;
import io.cordon.portal.PartnerLink;
import io.cordon.portal.PartnerLinks;
import io.cordon.portal.PartnerTaskRequest;
import io.cordon.portal.Refusal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The signed NDA as a partner request: when {@code Task_RecordSignedNda} is created, the partner's contacts get a link
 * to upload the NDA their company signed (PDF or DOCX), with the date of the last signature and who signed. The
 * upload completes that task as procurement's "signed" answer would, through the same form contract, form gate and
 * step (the file is checked and stored with its SHA-256 as from Tasklist). Withdrawing the onboarding stays
 * procurement's decision in Tasklist.
 */
@Component
class SignedNdaRequest implements PartnerTaskRequest {

  static final String KIND = "SIGNED_NDA";
  static final String TASK = "Task_RecordSignedNda";
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final Set<String> FIELDS = Set.of(SignedNda.SIGNATURE_DATE.name(), SignedNda.SIGNATORIES.name());

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final PartnerLinks links;
  private final NdaService ndas;

  SignedNdaRequest(TaskService tasks, RuntimeService runtime, PartnerLinks links, NdaService ndas) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.links = links;
    this.ndas = ndas;
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
    String by = due == null ? "" : " Please upload it by " + UTC.format(due) + ".";
    return new Invitation((reminder ? "Reminder: " : "") + "Please upload the signed NDA: " + partner.legalName(),
        List.of((reminder ? "We have not received the signed agreement yet. " : "")
                + "Our non-disclosure agreement with you has been approved. The page behind your personal link below offers it "
                + "as approved; once your company has signed it, upload the signed copy (PDF or Word) there, with the "
                + "date of the last signature and who signed." + by,
            "We disclose nothing under the agreement before we have the signed copy."),
        "Upload the signed NDA");
  }

  @Override
  public RequestPage page(PartnerLink link, Map<String, List<String>> form) {
    Map<String, Object> model = new HashMap<>();
    model.put("ndaReference", runtime.getVariable(link.processInstanceId(), OnboardingVariables.NDA_REFERENCE.name()));
    model.put("signatureDate", value(form, SignedNda.SIGNATURE_DATE.name()));
    model.put("signatories", value(form, SignedNda.SIGNATORIES.name()));
    model.put("fileField", SignedNda.FILE.name());
    model.put("documents", documents(link));
    return new RequestPage("signed-nda", model);
  }

  /** The NDA as legal approved it, to sign: {@code <reference>-v<version>.docx}. */
  @Override
  public List<String> documents(PartnerLink link) {
    Object reference = runtime.getVariable(link.processInstanceId(), OnboardingVariables.NDA_REFERENCE.name());
    Object version = runtime.getVariable(link.processInstanceId(), OnboardingVariables.NDA_VERSION.name());
    return reference == null || version == null ? List.of() : List.of(reference + "-v" + version + ".docx");
  }

  @Override
  public Optional<Download> document(PartnerLink link, String fileName) {
    Object reference = runtime.getVariable(link.processInstanceId(), OnboardingVariables.NDA_REFERENCE.name());
    Object version = runtime.getVariable(link.processInstanceId(), OnboardingVariables.NDA_VERSION.name());
    if (reference == null || version == null || !fileName.equals(reference + "-v" + version + ".docx")
        || !ndas.get(reference.toString()).partnerCode().equals(link.partnerCode())) {
      // Only the link's own partner's NDA, whatever the process holds.
      return Optional.empty();
    }
    return Optional.of(new Download(fileName, DOCX, ndas.document(reference.toString(), ((Number) version).intValue())));
  }

  @Override
  public Answer submit(PartnerLink link, Map<String, List<String>> form) {
    return submit(link, form, Map.of());
  }

  @Override
  public Answer submit(PartnerLink link, Map<String, List<String>> form, Map<String, Upload> files) {
    if (!FIELDS.containsAll(form.keySet()) || form.values().stream().anyMatch(v -> v.size() != 1)
        || !Set.of(SignedNda.FILE.name()).containsAll(files.keySet())) {
      throw Refusal.foreignFields();
    }
    Upload file = files.get(SignedNda.FILE.name());
    if (file == null) {
      throw new Refusal("portal.nda.error.file", "Choose the signed NDA to upload (PDF or Word file).");
    }
    String date = value(form, SignedNda.SIGNATURE_DATE.name()).strip();
    String signatories = value(form, SignedNda.SIGNATORIES.name()).strip();
    if (date.isEmpty()) {
      throw new Refusal("portal.nda.error.date", "Give the date of the last signature.");
    }
    if (signatories.isEmpty()) {
      throw new Refusal("portal.nda.error.signatories", "Name who signed the NDA.");
    }
    String taskId = links.openTask(link).orElseThrow(() -> new ConflictException(
        "This request no longer waits for the signed NDA."));
    // Read before completing: the onboarding may end with this answer.
    Object reference = runtime.getVariable(link.processInstanceId(), OnboardingVariables.NDA_REFERENCE.name());
    Map<String, Object> variables = new HashMap<>();
    variables.put(SignedNda.DECISION.name(), "SIGNED");
    variables.put(SignedNda.FILE.name(), Variables.fileValue(file.fileName() == null ? "signed-nda" : file.fileName())
        .file(file.content()).mimeType(file.contentType()).create());
    variables.put(SignedNda.SIGNATURE_DATE.name(), date);
    variables.put(SignedNda.SIGNATORIES.name(), signatories);
    // The same completion as Tasklist's: the form gate checks it, Task_StoreExecutedNda checks and stores the file.
    completeAsTasklist(tasks, taskId, variables);
    Map<String, Object> kept = new LinkedHashMap<>();
    kept.put("ndaReference", reference);
    kept.put(SignedNda.FILE.name(), file.described());
    kept.put(SignedNda.SIGNATURE_DATE.name(), date);
    kept.put(SignedNda.SIGNATORIES.name(), signatories);
    return new Answer(kept, List.of(), "Signed NDA of " + link.partnerCode());
  }
}
