package io.cordon.nda;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What a template produces, and therefore which fields its data has: each must have exactly one kind of place. */
public enum DocumentType {
  NDA, CERTIFICATE, LETTER;

  /** Block field: the selected clauses are inserted here. */
  public static final String CLAUSES = "clauses";
  /** Fields of the Schedule A table row that is repeated once per secret. */
  public static final Set<String> ROW_FIELDS = Set.of("secret.code", "secret.category", "secret.classification");

  /** Fields whose line breaks are kept (a line break in the document), as addresses are written. */
  public static final Set<String> MULTI_LINE_FIELDS = Set.of("company.address", "partner.address", "letter.agreements",
      "letter.clauses", "letter.forum", "letter.secrets");

  private static final List<String> NDA_FIELDS = List.of("company.legalName", "company.registrationId", "company.address",
      "partner.legalName", "partner.registrationId", "partner.address", "partner.country", "nda.reference",
      "nda.effectiveDate", "nda.purpose");
  private static final List<String> NATIVE_NAMES = List.of("company.nativeName", "partner.nativeName");
  private static final List<String> CERTIFICATE_FIELDS = List.of("company.legalName", "partner.legalName",
      "partner.registrationId", "nda.reference", "nda.effectiveDate", "certificate.date");
  /** A letter to a partner (cease and desist): secrets by code only, as lines of one field, never a Schedule A row. */
  private static final List<String> LETTER_FIELDS = List.of("company.legalName", "partner.legalName", "partner.address",
      "letter.date", "letter.agreements", "letter.clauses", "letter.forum", "letter.secrets", "incident.code", "incident.date");

  /** Every field a template of this type and these languages must contain, the block and row fields included. */
  public Set<String> fields(List<String> languages) {
    if (this == LETTER) {
      return new TreeSet<>(LETTER_FIELDS);
    }
    Set<String> fields = new TreeSet<>(this == NDA ? NDA_FIELDS : CERTIFICATE_FIELDS);
    if (this == NDA) {
      fields.add(CLAUSES);
      if (languages.stream().anyMatch(l -> !l.equals("en"))) {
        fields.addAll(NATIVE_NAMES);
      }
    }
    fields.addAll(ROW_FIELDS);
    return fields;
  }
}
