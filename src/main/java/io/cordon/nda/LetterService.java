package io.cordon.nda;

import io.cordon.platform.InvalidInputException;
import io.cordon.platform.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cease-and-desist letters to a partner suspected in a leak, from the template {@code cease-and-desist}. The letter
 * names the agreements (reference and version), the clauses of them that a dispute turns on by title, the forum in the
 * words of the governing-law clause, and the secrets by code only: never a title, whatever the classification.
 *
 * <p>Same inputs, same template version: same bytes. The document is stored content-addressed with its SHA-256; the
 * caller records it with its own evidence event, in its transaction.
 */
@Service
public class LetterService {

  static final String TEMPLATE = "cease-and-desist";

  /** The clauses a letter cites: what the partner must not do, must give back, and what follows a breach. */
  static final Set<ClauseCategory> CITED = java.util.EnumSet.of(ClauseCategory.DEFINITION, ClauseCategory.OBLIGATIONS,
      ClauseCategory.TRADE_SECRETS, ClauseCategory.PERMITTED_RECIPIENTS, ClauseCategory.RETURN_DESTROY,
      ClauseCategory.REMEDIES, ClauseCategory.GOVERNING_LAW);

  /** One agreement binding the partner: an NDA by reference and the version in force for the disclosures. */
  public record Agreement(String ndaReference, int version) {
  }

  /** What a letter is about. */
  public record LetterRequest(String incidentCode, LocalDate incidentDate, LocalDate letterDate, String partnerCode,
      List<String> secretCodes, List<Agreement> agreements) {
  }

  /** A generated letter: its bytes, its SHA-256 and the template version it came from. */
  public record Letter(byte[] content, String sha256, String templateKey, int templateVersion) {
  }

  private final ObjectProvider<NdaSubjects> subjects;
  private final NdaStore store;
  private final ClauseLibrary clauses;
  private final TemplateVersions templates;
  private final DocumentStore documents;
  private final CompanyProfile company;

  LetterService(ObjectProvider<NdaSubjects> subjects, NdaStore store, ClauseLibrary clauses, TemplateVersions templates,
      DocumentStore documents, CompanyProfile company) {
    this.subjects = subjects;
    this.store = store;
    this.clauses = clauses;
    this.templates = templates;
    this.documents = documents;
    this.company = company;
  }

  @Transactional
  public Letter ceaseAndDesist(LetterRequest request) {
    if (request.secretCodes().isEmpty() || request.agreements().isEmpty()) {
      throw new InvalidInputException("A cease-and-desist letter names at least one secret and the agreement that binds it.");
    }
    NdaSubjects port = subjects.getIfAvailable();
    if (port == null) {
      throw new io.cordon.platform.ServiceUnavailableException("Letters cannot be generated yet: the register is not installed.");
    }
    NdaSubjects.Partner partner = port.resolve(request.partnerCode(), List.of()).partner();
    List<Agreement> agreements = request.agreements().stream().distinct()
        .sorted(java.util.Comparator.comparing(Agreement::ndaReference).thenComparingInt(Agreement::version)).toList();
    Map<String, NdaRecords.NdaView> views = store.views(agreements.stream().map(Agreement::ndaReference).toList());
    List<String> agreementLines = new ArrayList<>();
    Set<String> clauseLines = new LinkedHashSet<>();
    List<String> forum = new ArrayList<>();
    for (Agreement a : agreements) {
      NdaRecords.NdaVersionView version = java.util.Optional.ofNullable(views.get(a.ndaReference()))
          .flatMap(v -> v.versions().stream().filter(x -> x.version() == a.version()).findFirst())
          .orElseThrow(() -> new NotFoundException("There is no NDA " + a.ndaReference() + " version " + a.version() + "."));
      agreementLines.add("Non-disclosure agreement " + a.ndaReference() + ", version " + a.version());
      for (NdaRecords.UsedClause used : version.clauses()) {
        Clause clause = clauses.version(used.key(), used.version());
        if (clause == null || !CITED.contains(clause.category())) {
          continue;
        }
        Clause.Fallback fallback = used.fallback() == null ? null : clause.fallback(used.fallback());
        String title = (fallback != null && fallback.title().get("en") != null ? fallback.title() : clause.title()).get("en");
        clauseLines.add(title + " (" + a.ndaReference() + ")");
        if (clause.category() == ClauseCategory.GOVERNING_LAW) {
          String text = (fallback != null && fallback.text().get("en") != null ? fallback.text() : clause.text()).get("en");
          forum.add(a.ndaReference() + ": " + text.strip().replaceAll("\\s*\\n\\s*", " "));
        }
      }
      if (forum.stream().noneMatch(f -> f.startsWith(a.ndaReference() + ": "))) {
        forum.add(a.ndaReference() + ": the courts competent by law (the agreement chooses none)");
      }
    }
    TemplateVersions.TemplateVersion template = templates.latest(TEMPLATE);
    byte[] docx = DocxRenderer.render(templates.compiled(template), NdaDocuments.letter(templates.info(TEMPLATE), request,
        partner, agreementLines, List.copyOf(clauseLines), forum, company));
    return new Letter(docx, documents.put(docx), template.key(), template.version());
  }
}
