package io.cordon.portal;

import io.cordon.platform.InvalidInputException;
import io.cordon.workflow.FormRefusedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.TaskService;

/**
 * A kind of request a partner answers through a link (the re-certification attestation, due diligence, ...),
 * supplied by the process module that waits for the answer. The portal checks the link, the contact's confirmation,
 * the rate limits and the receipt; the request type knows its page and what its answer does.
 */
public interface PartnerRequestType {

  /** Stored with each link, e.g. {@code ATTESTATION}. At most 32 characters. */
  String kind();

  /** Whether the request still waits for this answer (the process has not moved on without it). */
  boolean waiting(PartnerLink link);

  /**
   * The page: its template under {@code portal/} and what it shows. Only what the partner needs: codes and
   * partner-facing descriptions of what was disclosed to it, never an internal title, never another partner.
   *
   * @param form what the contact sent, to show again with the problems found (empty on the first visit)
   */
  RequestPage page(PartnerLink link, Map<String, List<String>> form);

  /**
   * Applies the contact's answer in the caller's transaction: checks each field against the request (fields it does
   * not have are refused) and lets the process go on. Throws {@link io.cordon.platform.InvalidInputException} with a
   * sentence for the contact when something must be corrected; nothing is then kept.
   *
   * @param form the answer's fields (without the contact's name, role and confirmation, which the portal takes)
   * @return the answer as it is to be hashed and kept: lists, maps, strings, numbers and booleans only
   */
  Answer submit(PartnerLink link, Map<String, List<String>> form);

  /**
   * Applies an answer that came with files (a page whose form uploads, {@code multipart/form-data}). Request types
   * without an upload refuse any file; those with one override this and check the file as their Tasklist path does.
   */
  default Answer submit(PartnerLink link, Map<String, List<String>> form, Map<String, Upload> files) {
    if (!files.isEmpty()) {
      throw Refusal.foreignFields();
    }
    return submit(link, form);
  }

  /**
   * What the contact downloads from the page to answer (the agreement to sign), by file name; the page offers these
   * names as links ({@code ?file=}) and nothing else is served. None by default.
   */
  default List<String> documents(PartnerLink link) {
    return List.of();
  }

  /** One of {@link #documents}: its bytes and type. */
  default Optional<Download> document(PartnerLink link, String fileName) {
    return Optional.empty();
  }

  /** A file to download: its name, media type and bytes. */
  record Download(String fileName, String contentType, byte[] content) {
  }

  /** The first value of a form field, or {@code ""}. */
  static String value(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
  }

  /**
   * Completes the task a link answers as Tasklist would, through the task's form contract and the form gate; a refusal
   * (the gate's, or a step's inside the engine) becomes the sentence the page shows, a {@link Refusal} with its key.
   */
  static void completeAsTasklist(TaskService tasks, String taskId, Map<String, Object> variables) {
    try {
      tasks.complete(taskId, variables);
    } catch (BadUserRequestException | FormRefusedException | IllegalArgumentException e) {
      throw Refusal.in(e).map(RuntimeException.class::cast).orElseGet(() -> new InvalidInputException(e.getMessage()));
    }
  }

  /** A file the contact uploaded: the form field, the name its computer gave it, the type it claims, the bytes. */
  record Upload(String field, String fileName, String contentType, byte[] content) {

    /** The upload as the kept answer names it: name, size, claimed type and SHA-256 (never the bytes). */
    public Map<String, Object> described() {
      Map<String, Object> d = new java.util.LinkedHashMap<>();
      d.put("fileName", fileName);
      d.put("size", content.length);
      d.put("contentType", contentType);
      d.put("sha256", LinkTokens.sha256(content));
      return d;
    }
  }

  /** The answer as kept, and the secret codes it concerns (for the evidence event). */
  record Answer(Object content, List<String> secretCodes, String title) {
  }

  /** A page of a request: the template's name under {@code portal/} and its model. */
  record RequestPage(String template, Map<String, Object> model) {
  }
}
