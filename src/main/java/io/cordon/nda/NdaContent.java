package io.cordon.nda;

import io.cordon.nda.NdaSubjects.Partner;
import io.cordon.nda.NdaSubjects.Secret;
import java.time.LocalDate;
import java.util.List;

/** Everything one NDA document says, by value: the complete, deterministic input of generation. */
record NdaContent(String reference, LocalDate effectiveDate, NdaKind kind, String purpose, int termMonths,
    int survivalYears, Partner partner, List<Secret> secrets, List<ChosenClause> clauses, CompanyProfile company) {

  NdaContent {
    secrets = List.copyOf(secrets);
    clauses = List.copyOf(clauses);
  }

  /** A clause version as used in a document: its standard wording, or the fallback legal chose. */
  record ChosenClause(Clause clause, String fallbackId) {

    java.util.Map<String, String> title() {
      return fallbackId == null ? clause.title() : clause.fallback(fallbackId).title();
    }

    java.util.Map<String, String> text() {
      return fallbackId == null ? clause.text() : clause.fallback(fallbackId).text();
    }

    String ref() {
      return clause.ref() + (fallbackId == null ? "" : "/" + fallbackId);
    }
  }
}
