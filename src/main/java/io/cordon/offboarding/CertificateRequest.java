package io.cordon.offboarding;

import static io.cordon.portal.PartnerRequestType.completeAsTasklist;
import static io.cordon.portal.PartnerRequestType.value;

import io.cordon.offboarding.OffboardingForms.Certificate;
import io.cordon.partner.PartnerView;
import io.cordon.platform.ConflictException;
import io.cordon.portal.PartnerLink;
import io.cordon.portal.PartnerLinks;
import io.cordon.portal.PartnerTaskRequest;
import io.cordon.portal.Refusal;
import io.cordon.secret.SecretRef;
import io.cordon.secret.SecretService;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The signed certificate of return or destruction as a partner request: when {@code Task_UploadSignedCertificate} is
 * created, the partner's contacts get a link to upload the certificate their company signed (PDF or DOCX), with each
 * item's outcome (returned or destroyed), the date and the signatory. The upload completes that task through the same
 * form contract, form gate and step ({@code Task_RecordSignedCertificate}) as from Tasklist. The page lists the items
 * by secret code, classification and agreement: never a title.
 */
@Component
class CertificateRequest implements PartnerTaskRequest {

  static final String KIND = "SIGNED_CERTIFICATE";
  static final String TASK = "Task_UploadSignedCertificate";
  private static final String SUFFIX = "-certificate.docx";
  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final List<String> OUTCOMES = List.of("RETURNED", "DESTROYED");
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final PartnerLinks links;
  private final OffboardingService offboardings;
  private final SecretService secrets;

  CertificateRequest(TaskService tasks, RuntimeService runtime, PartnerLinks links, OffboardingService offboardings,
      SecretService secrets) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.links = links;
    this.offboardings = offboardings;
    this.secrets = secrets;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String processKey() {
    return OffboardingService.PROCESS;
  }

  @Override
  public String taskKey() {
    return TASK;
  }

  @Override
  public Invitation invitation(PartnerView partner, Instant due, boolean reminder) {
    String by = due == null ? "" : " Please upload it by " + UTC.format(due) + ".";
    return new Invitation((reminder ? "Reminder: " : "") + "Certificate of return or destruction: " + partner.legalName(),
        List.of((reminder ? "We have not received the signed certificate yet. " : "")
                + "The confidential items we disclosed to you are to be returned or destroyed. Please have the "
                + "certificate of return or destruction signed and upload it through your personal link below, saying "
                + "for each item whether it was returned or destroyed. The page offers the certificate to sign." + by),
        "Upload the signed certificate");
  }

  /** One item as the page shows it. */
  record Item(String code, String classification, String nda, String outcome) {
  }

  @Override
  public RequestPage page(PartnerLink link, Map<String, List<String>> form) {
    OffboardingView offboarding = offboarding(link);
    Map<String, SecretRef> refs = secrets.resolve(offboarding.items().stream().map(OffboardingView.Item::secretCode).toList());
    List<Item> items = new ArrayList<>();
    for (OffboardingView.Item i : offboarding.items()) {
      items.add(new Item(i.secretCode(), refs.get(i.secretCode()).classification().name(), i.ndaReference(),
          value(form, "outcome-" + i.secretCode())));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("items", items);
    model.put("outcomes", OUTCOMES);
    model.put("signatureDate", value(form, Certificate.SIGNATURE_DATE.name()));
    model.put("signatory", value(form, Certificate.SIGNATORY.name()));
    model.put("fileField", Certificate.FILE.name());
    model.put("documents", documents(link));
    return new RequestPage("signed-certificate", model);
  }

  /** The certificates generated for this offboarding, one per NDA, to sign: {@code <NDA reference>-certificate.docx}. */
  @Override
  public List<String> documents(PartnerLink link) {
    return offboarding(link).certificates().stream().map(c -> c.ndaReference() + SUFFIX).toList();
  }

  @Override
  public Optional<Download> document(PartnerLink link, String fileName) {
    OffboardingView offboarding = offboarding(link);
    return offboarding.certificates().stream().filter(c -> fileName.equals(c.ndaReference() + SUFFIX)).findFirst()
        .map(c -> new Download(fileName, DOCX,
            offboardings.document(link.partnerCode(), offboarding.id(), c.ndaReference()).content()));
  }

  @Override
  public Answer submit(PartnerLink link, Map<String, List<String>> form) {
    return submit(link, form, Map.of());
  }

  @Override
  public Answer submit(PartnerLink link, Map<String, List<String>> form, Map<String, Upload> files) {
    OffboardingView offboarding = offboarding(link);
    List<String> codes = offboarding.items().stream().map(OffboardingView.Item::secretCode).toList();
    Set<String> known = new java.util.HashSet<>(Set.of(Certificate.SIGNATURE_DATE.name(), Certificate.SIGNATORY.name()));
    codes.forEach(c -> known.add("outcome-" + c));
    if (!known.containsAll(form.keySet()) || form.values().stream().anyMatch(v -> v.size() != 1)
        || !Set.of(Certificate.FILE.name()).containsAll(files.keySet())) {
      throw Refusal.foreignFields();
    }
    Upload file = files.get(Certificate.FILE.name());
    if (file == null) {
      throw new Refusal("portal.cert.error.file", "Choose the signed certificate to upload (PDF or Word file).");
    }
    Map<String, String> outcomes = new TreeMap<>();
    for (String code : codes) {
      String outcome = value(form, "outcome-" + code);
      if (!OUTCOMES.contains(outcome)) {
        throw new Refusal("portal.cert.error.outcome", "Say whether " + code + " was returned or destroyed.", code);
      }
      outcomes.put(code, outcome);
    }
    String date = value(form, Certificate.SIGNATURE_DATE.name()).strip();
    String signatory = value(form, Certificate.SIGNATORY.name()).strip();
    String taskId = links.openTask(link).orElseThrow(() -> new ConflictException(
        "This request no longer waits for the signed certificate."));
    Map<String, Object> variables = new HashMap<>();
    variables.put(Certificate.FILE.name(), Variables.fileValue(file.fileName() == null ? "signed-certificate" : file.fileName())
        .file(file.content()).mimeType(file.contentType()).create());
    variables.put(Certificate.SIGNATURE_DATE.name(), date.isEmpty() ? null : date);
    variables.put(Certificate.SIGNATORY.name(), signatory.isEmpty() ? null : signatory);
    if (Set.copyOf(outcomes.values()).size() == 1) {
      variables.put(Certificate.OUTCOME_FOR_ALL.name(), outcomes.values().iterator().next());
    } else {
      variables.put(Certificate.OUTCOME_FOR_ALL.name(), OffboardingVariables.PER_ITEM);
      variables.put(Certificate.ITEM_OUTCOMES.name(), outcomes.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
    }
    // The same completion as Tasklist's: the form gate checks it, Task_RecordSignedCertificate checks and stores it.
    completeAsTasklist(tasks, taskId, variables);
    Map<String, Object> kept = new LinkedHashMap<>();
    kept.put("offboardingId", offboarding.id());
    kept.put(Certificate.FILE.name(), file.described());
    kept.put(Certificate.SIGNATURE_DATE.name(), date);
    kept.put(Certificate.SIGNATORY.name(), signatory);
    kept.put("outcomes", outcomes);
    return new Answer(kept, codes.stream().distinct().sorted().toList(),
        "Certificate of return or destruction of " + link.partnerCode());
  }

  private OffboardingView offboarding(PartnerLink link) {
    Long id = (Long) runtime.getVariable(link.processInstanceId(), OffboardingVariables.OFFBOARDING_ID.name());
    return offboardings.get(id);
  }
}
