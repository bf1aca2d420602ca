package io.cordon.nda;

import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceRecord;
import io.cordon.identity.CurrentUser;
import io.cordon.nda.NdaRecords.Comparison;
import io.cordon.nda.NdaRecords.Generate;
import io.cordon.nda.NdaRecords.Inputs;
import io.cordon.nda.NdaRecords.NdaVersionView;
import io.cordon.nda.NdaRecords.NdaView;
import io.cordon.nda.NdaRecords.Regenerate;
import io.cordon.nda.NdaRecords.UsedClause;
import io.cordon.nda.NdaSubjects.Classification;
import io.cordon.nda.NdaSubjects.Secret;
import io.cordon.platform.InvalidInputException;
import io.cordon.platform.NotFoundException;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates NDAs: resolves partner and secrets through {@link NdaSubjects}, selects template and clauses (DMN unless
 * legal chose), renders, stores the document with its hash and the template and clause versions used, and appends the
 * NDA_GENERATED evidence event, all in one transaction.
 */
@Service
public class NdaService {

  private static final Logger log = LoggerFactory.getLogger(NdaService.class);

  static final int DEFAULT_TERM_MONTHS = 24;
  static final int DEFAULT_SURVIVAL_YEARS = 5;

  private final ObjectProvider<NdaSubjects> subjects;
  private final ClauseSelection selection;
  private final ClauseLibrary library;
  private final TemplateVersions templates;
  private final DocumentStore documents;
  private final NdaStore store;
  private final EvidenceChain evidence;
  private final CompanyProfile company;
  private final CurrentUser users;

  NdaService(ObjectProvider<NdaSubjects> subjects, ClauseSelection selection, ClauseLibrary library,
      TemplateVersions templates,
      DocumentStore documents, NdaStore store, EvidenceChain evidence, CompanyProfile company, CurrentUser users) {
    this.subjects = subjects;
    this.selection = selection;
    this.library = library;
    this.templates = templates;
    this.documents = documents;
    this.store = store;
    this.evidence = evidence;
    this.company = company;
    this.users = users;
  }

  @Transactional
  public NdaVersionView generate(Generate command) {
    return generate(command, null);
  }

  /**
   * As {@link #generate(Generate)}, with the template and clauses that {@link #preview} chose for the same partner,
   * secrets and kind (a process selects them in a step of its own): the decision tables are not asked a second time.
   * Clause keys in the command still take precedence; a null selection asks the decision tables.
   */
  @Transactional
  public NdaVersionView generate(Generate command, Selection preselected) {
    List<String> codes = command.secretCodes().stream().distinct().toList();
    NdaSubjects.Subjects resolved = subjects().resolve(command.partnerCode(), codes);
    Instant now = ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
    NdaStore.NdaRow nda = store.create(resolved.partner().code(), command.kind(), now, currentUser());
    Inputs inputs = new Inputs(command.kind(), command.purpose(), command.individualsSign(),
        Objects.requireNonNullElse(command.effectiveDate(), LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC)),
        Objects.requireNonNullElse(command.termMonths(), DEFAULT_TERM_MONTHS),
        Objects.requireNonNullElse(command.survivalYears(), DEFAULT_SURVIVAL_YEARS), codes, command.clauseKeys(),
        command.fallbacks() == null ? Map.of() : command.fallbacks());
    return render(nda, 1, inputs, resolved, now, preselected);
  }

  /**
   * The partner data that an NDA from this template prints and the register does not hold yet, as a user reads them
   * ("registered address"). Empty when the NDA can be generated.
   */
  @Transactional(readOnly = true)
  public List<String> missingPartnerData(String partnerCode, String templateKey) {
    return missingPartnerData(partnerCode, templates.info(templateKey).fields());
  }

  /** What every NDA prints of the partner, whatever its template, and the register lacks. */
  @Transactional(readOnly = true)
  public List<String> missingPartnerData(String partnerCode) {
    return missingPartnerData(partnerCode, DocumentType.NDA.fields(List.of("en")));
  }

  private List<String> missingPartnerData(String partnerCode, java.util.Set<String> fields) {
    NdaSubjects.Partner partner = subjects().resolve(partnerCode, List.of()).partner();
    List<String> missing = new ArrayList<>();
    addIfBlank(missing, fields, "partner.legalName", partner.legalName(), "legal name");
    addIfBlank(missing, fields, "partner.nativeName", partner.nativeName(), "name in native script");
    addIfBlank(missing, fields, "partner.registrationId", partner.registrationId(), "registration number");
    addIfBlank(missing, fields, "partner.address", partner.address(), "registered address");
    return missing;
  }

  private static void addIfBlank(List<String> missing, java.util.Set<String> fields, String field, String value, String label) {
    if (fields.contains(field) && (value == null || value.isBlank())) {
      missing.add(label);
    }
  }

  /**
   * Checks fallback choices ({@code clause-key -> fallback id}) against the clauses of the NDA's latest version, so a
   * typo is refused while the reviewer is still at the form rather than failing the regeneration later.
   */
  @Transactional(readOnly = true)
  public void checkFallbacks(String reference, Map<String, String> fallbacks) {
    NdaStore.NdaRow nda = store.find(reference, false).orElseThrow(() -> notFound(reference));
    List<UsedClause> used = version(reference, nda.latestVersion()).clauses();
    for (Map.Entry<String, String> choice : fallbacks.entrySet()) {
      UsedClause current = used.stream().filter(c -> c.key().equals(choice.getKey())).findFirst().orElseThrow(() ->
          new InvalidInputException("This NDA has no clause '" + choice.getKey() + "'. Its clauses: "
              + used.stream().map(UsedClause::key).toList() + "."));
      requireFallback(library.version(current.key(), current.version()), choice.getValue());
    }
  }

  /** The clause offers this fallback; otherwise the refusal names the ones it offers. */
  private static void requireFallback(Clause clause, String fallback) {
    if (clause.fallback(fallback) == null) {
      throw new InvalidInputException("Clause '" + clause.key() + "' has no fallback '" + fallback + "'. Its fallbacks: "
          + clause.fallbacks().stream().map(Clause.Fallback::id).toList() + ".");
    }
  }

  @Transactional
  public NdaVersionView regenerate(String reference, Regenerate command) {
    NdaStore.NdaRow nda = store.find(reference, true).orElseThrow(() -> notFound(reference));
    Inputs previous = store.inputs(nda, nda.latestVersion());
    Inputs inputs = new Inputs(previous.kind(), Objects.requireNonNullElse(command.purpose(), previous.purpose()),
        previous.individualsSign(), Objects.requireNonNullElse(command.effectiveDate(), previous.effectiveDate()),
        Objects.requireNonNullElse(command.termMonths(), previous.termMonths()),
        Objects.requireNonNullElse(command.survivalYears(), previous.survivalYears()), previous.secretCodes(),
        command.clauseKeys() != null ? command.clauseKeys() : previous.clauseKeys(),
        command.fallbacks() != null ? command.fallbacks() : previous.fallbacks());
    Instant now = ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
    return render(nda, nda.latestVersion() + 1, inputs, subjects().resolve(nda.partnerCode(), previous.secretCodes()), now, null);
  }

  private NdaVersionView render(NdaStore.NdaRow nda, int version, Inputs inputs, NdaSubjects.Subjects resolved, Instant now,
      Selection preselected) {
    // Operators follow a generation by this line; the fault tests use it to kill a node in the middle of one.
    log.debug("Generating NDA {} version {} for partner {}", nda.id(), version, nda.partnerCode());
    if (resolved.secrets().isEmpty()) {
      throw new InvalidInputException("An NDA must list at least one secret in Schedule A.");
    }
    String templateKey;
    List<Clause> clauses;
    if (preselected != null) {
      templateKey = preselected.templateKey();
      clauses = chosen(inputs.clauseKeys() == null ? preselected.clauses() : inputs.clauseKeys());
    } else {
      Classification highest = resolved.secrets().stream().map(Secret::classification).max(Comparator.naturalOrder()).orElseThrow();
      ClauseSelection.Result selected = selection.select(new ClauseSelection.Inputs(resolved.partner().country(),
          resolved.partner().type(), inputs.kind(), highest, inputs.individualsSign()));
      templateKey = selected.templateKey();
      clauses = inputs.clauseKeys() == null ? selected.clauses() : chosen(inputs.clauseKeys());
    }
    List<NdaContent.ChosenClause> chosen = new ArrayList<>();
    for (Clause clause : clauses) {
      String fallback = inputs.fallbacks().get(clause.key());
      if (fallback != null) {
        requireFallback(clause, fallback);
      }
      chosen.add(new NdaContent.ChosenClause(clause, fallback));
    }
    inputs.fallbacks().keySet().stream().filter(k -> clauses.stream().noneMatch(c -> c.key().equals(k))).findFirst()
        .ifPresent(k -> {
          throw new InvalidInputException("A fallback was chosen for clause '" + k + "', which this NDA does not contain.");
        });
    TemplateVersions.TemplateVersion template = templates.latest(templateKey);
    NdaContent content = new NdaContent(nda.reference(), inputs.effectiveDate(), inputs.kind(), inputs.purpose(),
        inputs.termMonths(), inputs.survivalYears(), resolved.partner(), resolved.secrets(), chosen, company);
    byte[] docx = DocxRenderer.render(templates.compiled(template), NdaDocuments.nda(templates.info(template.key()), content));
    String sha256 = documents.put(docx);
    List<UsedClause> used = chosen.stream().map(c -> new UsedClause(c.clause().key(), c.clause().version(), c.fallbackId(),
        CompiledTemplate.sha256(String.join("\n", c.text().values()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))).toList();
    List<String> secretCodes = resolved.secrets().stream().map(Secret::code).toList();
    evidence.append(EvidenceRecord.of("NDA_GENERATED").partner(nda.partnerCode()).secrets(secretCodes)
        .nda(nda.reference(), sha256).payload(Map.of("version", version, "template", template.key() + "@" + template.version(),
            "clauses", used.stream().map(UsedClause::ref).toList())));
    NdaVersionView view = new NdaVersionView(nda.reference(), version, nda.partnerCode(), inputs.kind(), secretCodes,
        template.key(), template.version(), template.sha256(), used, sha256, now, users.get().id());
    store.addVersion(nda, view, inputs);
    return view;
  }

  /** The register implements the port; until it is installed, generation says so instead of failing obscurely. */
  private NdaSubjects subjects() {
    NdaSubjects port = subjects.getIfAvailable();
    if (port == null) {
      throw new io.cordon.platform.ServiceUnavailableException("NDAs cannot be generated yet: the partner and secret register is not installed.");
    }
    return port;
  }

  private List<Clause> chosen(List<String> keys) {
    List<Clause> clauses = new ArrayList<>();
    for (String key : keys) {
      int at = key.indexOf('@');
      Clause clause = at < 0 ? library.latest(key) : library.version(key.substring(0, at), parseVersion(key.substring(at + 1)));
      if (clause == null) {
        throw new InvalidInputException("There is no clause '" + key + "' in the clause library. See GET /api/nda/clauses.");
      }
      clauses.add(clause);
    }
    return clauses.stream().sorted(Comparator.comparing(Clause::category).thenComparing(Clause::key)).toList();
  }

  private static int parseVersion(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** What generation would choose for this partner and these secrets: the template and the clauses (key@version). */
  @Transactional(readOnly = true)
  public Selection preview(String partnerCode, List<String> secretCodes, NdaKind kind, boolean individualsSign) {
    NdaSubjects.Subjects resolved = subjects().resolve(partnerCode, secretCodes);
    Classification highest = resolved.secrets().stream().map(Secret::classification).max(Comparator.naturalOrder()).orElseThrow();
    ClauseSelection.Result result = selection.select(new ClauseSelection.Inputs(resolved.partner().country(),
        resolved.partner().type(), kind, highest, individualsSign));
    return new Selection(result.templateKey(), result.clauses().stream().map(Clause::ref).toList());
  }

  public record Selection(String templateKey, List<String> clauses) {
  }

  @Transactional(readOnly = true)
  public NdaView get(String reference) {
    NdaStore.NdaRow nda = store.find(reference, false).orElseThrow(() -> notFound(reference));
    return new NdaView(nda.reference(), nda.partnerCode(), nda.kind(), nda.latestVersion(), store.versions(nda));
  }

  /** {@link #get} of many NDAs at once (unknown references are left out): a few statements, not a few per NDA. */
  @Transactional(readOnly = true)
  public Map<String, NdaView> getAll(java.util.Collection<String> references) {
    return store.views(references);
  }

  /**
   * The stored bytes of generated NDAs, executed copies and certificates, by SHA-256, for many at once; a hash that is
   * not stored is left out.
   */
  @Transactional(readOnly = true)
  public Map<String, byte[]> storedDocuments(java.util.Collection<String> sha256s) {
    return documents.getAll(sha256s);
  }

  @Transactional(readOnly = true)
  public NdaVersionView version(String reference, int version) {
    return get(reference).versions().stream().filter(v -> v.version() == version).findFirst()
        .orElseThrow(() -> new NotFoundException("NDA " + reference + " has no version " + version + "."));
  }

  @Transactional(readOnly = true)
  public byte[] document(String reference, int version) {
    return documents.get(version(reference, version).documentSha256()).orElseThrow(() -> notFound(reference));
  }

  @Transactional(readOnly = true)
  public Comparison compare(String reference, int from, int to) {
    return NdaComparison.compare(version(reference, from), version(reference, to));
  }

  private static NotFoundException notFound(String reference) {
    return new NotFoundException("There is no NDA " + reference + ".");
  }

  private static String currentUser() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.isAuthenticated() && auth.getName() != null ? auth.getName() : "system";
  }
}
