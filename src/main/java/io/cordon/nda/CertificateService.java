package io.cordon.nda;

import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.platform.InvalidInputException;
import io.cordon.platform.NotFoundException;
import io.cordon.platform.UnsupportedContentException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates of return or destruction, from the template {@code certificate-return-destruction}.
 *
 * <p>A certificate is issued <b>per NDA</b>: the template names one agreement ({@code nda.reference}, its date) and
 * lists the items returned or destroyed under it, and the obligation to return or destroy is that agreement's own
 * clause. A partner holding secrets under several NDAs therefore signs one certificate per NDA; the caller groups the
 * items by NDA reference and calls {@link #generate} once per group.
 *
 * <p>Generation is deterministic (same NDA, secrets, date and template version: same bytes), the document is stored
 * content-addressed with its SHA-256, and the evidence event {@code CERTIFICATE_GENERATED} is appended in the same
 * transaction.
 */
@Service
public class CertificateService {

  static final String TEMPLATE = "certificate-return-destruction";
  static final long MAX_SIGNED_BYTES = 20L * 1024 * 1024;

  /** A generated certificate: which NDA, which secrets (in the order listed), which template version, its hash. */
  public record Certificate(String ndaReference, String partnerCode, List<String> secretCodes, LocalDate certificateDate,
      String templateKey, int templateVersion, String sha256) {
  }

  private final ObjectProvider<NdaSubjects> subjects;
  private final NdaStore store;
  private final TemplateVersions templates;
  private final DocumentStore documents;
  private final EvidenceChain evidence;
  private final CompanyProfile company;

  CertificateService(ObjectProvider<NdaSubjects> subjects, NdaStore store, TemplateVersions templates,
      DocumentStore documents, EvidenceChain evidence, CompanyProfile company) {
    this.subjects = subjects;
    this.store = store;
    this.templates = templates;
    this.documents = documents;
    this.evidence = evidence;
    this.company = company;
  }

  /**
   * Renders and stores the certificate for the given secrets disclosed under one NDA, dated {@code certificateDate},
   * from the latest version of the certificate template. The NDA's date is that of the version the partner signed
   * (the approved version), or of its latest version if it was never approved.
   */
  @Transactional
  public Certificate generate(String ndaReference, List<String> secretCodes, LocalDate certificateDate) {
    if (secretCodes == null || secretCodes.isEmpty()) {
      throw new InvalidInputException("A certificate of return or destruction lists at least one item.");
    }
    NdaStore.NdaRow nda = store.find(ndaReference, false)
        .orElseThrow(() -> new NotFoundException("There is no NDA " + ndaReference + "."));
    List<String> codes = secretCodes.stream().distinct().toList();
    NdaSubjects port = subjects.getIfAvailable();
    if (port == null) {
      throw new io.cordon.platform.ServiceUnavailableException("Certificates cannot be generated yet: the register is not installed.");
    }
    NdaSubjects.Subjects resolved = port.resolve(nda.partnerCode(), codes);
    LocalDate effective = store.inputs(nda, store.signedOrLatestVersion(nda)).effectiveDate();
    TemplateVersions.TemplateVersion template = templates.latest(TEMPLATE);
    byte[] docx = DocxRenderer.render(templates.compiled(template), NdaDocuments.certificate(templates.info(TEMPLATE),
        ndaReference, effective, certificateDate, resolved.partner(), resolved.secrets(), company));
    String sha256 = documents.put(docx);
    evidence.append(EvidenceRecord.of("CERTIFICATE_GENERATED").partner(nda.partnerCode()).secrets(codes)
        .nda(ndaReference, sha256).payload(Map.of("template", template.key() + "@" + template.version(),
            "certificateDate", certificateDate.toString(), "items", codes.size())));
    return new Certificate(ndaReference, nda.partnerCode(), codes, certificateDate, template.key(), template.version(), sha256);
  }

  /** The bytes of a stored certificate (generated or signed), by its SHA-256. */
  @Transactional(readOnly = true)
  public byte[] document(String sha256) {
    return documents.get(sha256).orElseThrow(() -> new NotFoundException("No stored document with SHA-256 " + sha256 + "."));
  }

  /**
   * Stores the certificate the partner signed (PDF or Word, checked by its first bytes, at most 20 MB) and returns its
   * SHA-256. The caller records what it certifies, with its evidence.
   */
  @Transactional
  public String storeSigned(byte[] content) {
    if (content == null || content.length == 0) {
      throw new InvalidInputException("Upload the signed certificate (PDF or DOCX).");
    }
    if (content.length > MAX_SIGNED_BYTES) {
      throw new InvalidInputException("The signed certificate is larger than 20 MB.");
    }
    if (!NdaLifecycle.isPdf(content) && !NdaLifecycle.isZip(content)) {
      throw new UnsupportedContentException("The signed certificate must be a PDF or a Word (.docx) file.");
    }
    return documents.put(content);
  }
}
