package io.cordon.nda;

import io.cordon.nda.NdaSubjects.Classification;
import io.cordon.nda.NdaSubjects.Partner;
import io.cordon.nda.NdaSubjects.Secret;
import io.cordon.nda.NdaSubjects.SecretCategory;
import io.cordon.nda.TemplateCatalogue.TemplateInfo;
import io.cordon.platform.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns NDA and certificate content into the text of a template's fields, in the template's languages. */
final class NdaDocuments {

  private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.CHINESE);

  /** What the certificate prints where the partner writes the date it certifies. */
  static final String SIGNATORY_DATE = "______________________ (date)";

  private NdaDocuments() {
  }

  static DocumentData nda(TemplateInfo template, NdaContent c) {
    boolean zh = template.languages().contains("zh");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("company.legalName", c.company().legalName());
    f.put("company.registrationId", c.company().registrationId());
    f.put("company.address", c.company().address());
    f.put("partner.legalName", c.partner().legalName());
    f.put("partner.registrationId", c.partner().registrationId());
    f.put("partner.address", c.partner().address());
    f.put("partner.country", country(c.partner().country(), zh));
    f.put("nda.reference", c.reference());
    f.put("nda.effectiveDate", date(c.effectiveDate(), zh));
    f.put("nda.purpose", c.purpose());
    if (zh) {
      f.put("company.nativeName", c.company().nativeName());
      f.put("partner.nativeName", c.partner().nativeName());
    }
    Map<String, String> clauseFields = Map.of("nda.termMonths", String.valueOf(c.termMonths()),
        "nda.survivalYears", String.valueOf(c.survivalYears()));
    List<DocumentData.ClauseBlock> blocks = new java.util.ArrayList<>();
    for (NdaContent.ChosenClause chosen : c.clauses()) {
      Map<String, String> titles = new LinkedHashMap<>();
      Map<String, List<String>> paragraphs = new LinkedHashMap<>();
      for (String lang : template.languages()) {
        String text = chosen.text().get(lang);
        if (text == null) {
          throw new InvalidInputException("Clause " + chosen.ref() + " has no " + lang + " text, which template "
              + template.key() + " needs. Choose another clause or ask legal to add the translation as a new version.");
        }
        titles.put(lang, chosen.title().get(lang));
        paragraphs.put(lang, java.util.Arrays.stream(Clause.fill(text, clauseFields, chosen.ref()).split("\\n\\s*\\n"))
            .map(p -> p.strip().replace('\n', ' ')).toList());
      }
      blocks.add(new DocumentData.ClauseBlock(String.valueOf(blocks.size() + 1), titles, paragraphs));
    }
    String title = (c.kind() == NdaKind.MUTUAL ? "Mutual non-disclosure agreement " : "Non-disclosure agreement ") + c.reference();
    return checked(new DocumentData(f, blocks, rows(c.secrets(), zh), title, c.company().legalName(), c.effectiveDate()));
  }

  static DocumentData certificate(TemplateInfo template, String ndaReference, LocalDate ndaEffectiveDate,
      LocalDate certificateDate, Partner partner, List<Secret> secrets, CompanyProfile company) {
    boolean zh = template.languages().contains("zh");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("company.legalName", company.legalName());
    f.put("partner.legalName", partner.legalName());
    f.put("partner.registrationId", partner.registrationId());
    f.put("nda.reference", ndaReference);
    f.put("nda.effectiveDate", date(ndaEffectiveDate, zh));
    // The partner certifies on the day it signs, up to weeks after generation: a line for that date, not ours.
    f.put("certificate.date", SIGNATORY_DATE);
    return checked(new DocumentData(f, List.of(), rows(secrets, zh), "Certificate of return or destruction " + ndaReference,
        company.legalName(), certificateDate));
  }

  /**
   * A cease-and-desist letter: the partner's name and address, each agreement by reference and version, the binding
   * clauses by title, the forum as the governing-law clause states it, the secrets by code only, the incident.
   */
  static DocumentData letter(TemplateInfo template, LetterService.LetterRequest r, Partner partner, List<String> agreements,
      List<String> clauses, List<String> forum, CompanyProfile company) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("company.legalName", company.legalName());
    f.put("partner.legalName", partner.legalName());
    f.put("partner.address", partner.address());
    f.put("letter.date", date(r.letterDate(), false));
    f.put("letter.agreements", lines(agreements));
    f.put("letter.clauses", lines(clauses));
    f.put("letter.forum", lines(forum));
    f.put("letter.secrets", lines(r.secretCodes()));
    f.put("incident.code", r.incidentCode());
    f.put("incident.date", date(r.incidentDate(), false));
    return checked(new DocumentData(f, List.of(), List.of(), "Cease and desist " + r.incidentCode() + " " + partner.code(),
        company.legalName(), r.letterDate()));
  }

  private static String lines(List<String> values) {
    return values == null || values.isEmpty() ? null : String.join("\n", values);
  }

  private static List<Map<String, String>> rows(List<Secret> secrets, boolean zh) {
    return secrets.stream().map(s -> Map.of("secret.code", s.code(), "secret.category", category(s.category(), zh),
        "secret.classification", classification(s.classification(), zh))).toList();
  }

  static String category(SecretCategory category, boolean zh) {
    return switch (category) {
      case TECHNICAL -> zh ? "Technical 技术信息" : "Technical";
      case PROCESS -> zh ? "Process 工艺信息" : "Process";
      case BUSINESS -> zh ? "Business 经营信息" : "Business";
      case DATA -> zh ? "Data 数据" : "Data";
      case SOFTWARE -> zh ? "Software 软件" : "Software";
    };
  }

  static String classification(Classification classification, boolean zh) {
    return switch (classification) {
      case CONFIDENTIAL -> zh ? "Confidential 保密" : "Confidential";
      case SECRET -> zh ? "Secret 高度保密" : "Secret";
      case CROWN_JEWEL -> zh ? "Crown jewel 核心商业秘密" : "Crown jewel";
    };
  }

  private static String date(LocalDate date, boolean zh) {
    return date == null ? null : zh ? EN_DATE.format(date) + "（" + ZH_DATE.format(date) + "）" : EN_DATE.format(date);
  }

  private static String country(String iso, boolean zh) {
    if (iso == null) {
      return null;
    }
    Locale region = new Locale.Builder().setRegion(iso).build();
    String en = region.getDisplayCountry(Locale.ENGLISH);
    return zh ? en + " " + region.getDisplayCountry(Locale.SIMPLIFIED_CHINESE) : en;
  }

  /** Values go into XML as text; a character XML cannot carry is refused, naming the field. */
  private static DocumentData checked(DocumentData data) {
    data.fields().forEach((field, value) -> check(field, value));
    data.rows().forEach(row -> row.forEach(NdaDocuments::check));
    return data;
  }

  private static void check(String field, String value) {
    int bad = value == null ? -1 : SafeXml.firstInvalidChar(value);
    if (bad >= 0) {
      throw new InvalidInputException(String.format("Field '%s' contains a character that cannot appear in a document "
          + "(U+%04X at position %d). Remove it and try again.", field, (int) value.charAt(bad), bad + 1));
    }
  }
}
