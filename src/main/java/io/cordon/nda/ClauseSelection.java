package io.cordon.nda;

import io.cordon.nda.NdaSubjects.Classification;
import io.cordon.nda.NdaSubjects.PartnerType;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Asks the DMN tables in {@code bpmn/NdaClauseSelection.dmn} which template and clauses an NDA gets, so legal changes
 * the rules without code. Runs as the calling user: Cordon's groups may evaluate these two decisions (IdentityBootstrap).
 */
@Service
public class ClauseSelection {

  static final String TEMPLATE_DECISION = "NdaTemplateSelection";
  static final String CLAUSE_DECISION = "NdaClauseSelection";

  private final DecisionService decisions;
  private final ClauseLibrary library;
  private final CompanyProfile company;

  ClauseSelection(DecisionService decisions, ClauseLibrary library, CompanyProfile company) {
    this.decisions = decisions;
    this.library = library;
    this.company = company;
  }

  public record Inputs(String partnerCountry, PartnerType partnerType, NdaKind kind, Classification highestClassification,
      boolean individualsSign) {

    /** The tables' inputs; the company's country (from the company profile) lets them choose the governing law. */
    Map<String, Object> variables(String companyCountry) {
      return Variables.createVariables().putValue("companyCountry", companyCountry).putValue("partnerCountry", partnerCountry).putValue("partnerType", partnerType.name())
          .putValue("ndaKind", kind.name()).putValue("highestClassification", highestClassification.name())
          .putValue("individualsSign", individualsSign);
    }
  }

  /** The template key and the latest version of each selected clause, in document order. */
  public record Result(String templateKey, List<Clause> clauses) {
  }

  public Result select(Inputs inputs) {
    Map<String, Object> variables = inputs.variables(company.country());
    String template = decisions.evaluateDecisionTableByKey(TEMPLATE_DECISION).variables(variables).evaluate()
        .getSingleResult().getSingleEntry();
    List<String> keys = decisions.evaluateDecisionTableByKey(CLAUSE_DECISION).variables(variables).evaluate()
        .collectEntries("clauseKey");
    return new Result(template, inDocumentOrder(library, new LinkedHashSet<>(keys)));
  }

  static List<Clause> inDocumentOrder(ClauseLibrary library, java.util.Collection<String> keys) {
    return keys.stream().distinct().map(key -> {
      Clause clause = library.latest(key);
      if (clause == null) {
        throw new io.cordon.platform.InvalidInputException("There is no clause '" + key + "' in the clause library. Known clauses: "
            + library.latest().stream().map(Clause::key).toList());
      }
      return clause;
    }).sorted(Comparator.comparing(Clause::category).thenComparing(Clause::key)).toList();
  }
}
