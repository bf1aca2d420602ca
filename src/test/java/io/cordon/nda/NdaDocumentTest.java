package io.cordon.nda;

import static io.cordon.nda.NdaSamples.COMPANY;
import static io.cordon.nda.NdaSamples.LEEDS;
import static io.cordon.nda.NdaSamples.OHIO;
import static io.cordon.nda.NdaSamples.SHENZHEN;
import static io.cordon.nda.NdaSamples.STUTTGART;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.nda.NdaSubjects.Partner;
import io.cordon.platform.UnprocessableContentException;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class NdaDocumentTest {

  static final ClauseLibrary LIBRARY = new ClauseLibrary();
  static final TemplateCatalogue CATALOGUE = new TemplateCatalogue();
  static final String[] BASE = {"definition-confidential-information", "obligations", "permitted-recipients",
      "return-destroy", "remedies", "term-survival"};

  static byte[] render(String templateKey, NdaContent content) {
    var template = CATALOGUE.get(templateKey);
    return DocxRenderer.render(CompiledTemplate.compile(CATALOGUE.shipped(template)), NdaDocuments.nda(template, content));
  }

  static List<NdaContent.ChosenClause> clauses(String... extra) {
    String[] keys = java.util.stream.Stream.concat(java.util.Arrays.stream(BASE), java.util.Arrays.stream(extra)).toArray(String[]::new);
    return NdaSamples.clauses(LIBRARY, keys);
  }

  @Test
  void bilingualNdaForAChinesePartnerCarriesPrcLawAndMeasuresInBothLanguages() {
    byte[] docx = render("nda-mutual-en-zh", NdaSamples.content(SHENZHEN, NdaKind.MUTUAL,
        clauses("confidentiality-measures-prc", "audit-rights", "sub-tier-flow-down", "governing-law-prc"), NdaSamples.secrets(25)));
    for (String text : List.of(DocxTexts.poi(docx), DocxTexts.docx4j(docx))) {
      assertThat(text).contains("Shenzhen Lianfa Moulding Co., Ltd.", "深圳联发模具有限公司", "诺斯温精密部件有限公司", "China 中国",
          "governed by the laws of the People’s Republic of China", "本协议适用中华人民共和国法律",
          "The parties record that the Disclosing Party treats the Confidential Information as a trade secret", "保密措施",
          "2 March 2026（2026年3月2日）", "TS-0040", "TS-0064", "Crown jewel 核心商业秘密", "Technical 技术信息",
          "within 24 months from the effective date".replace("within ", "during "), "自生效日起24个月内");
    }
  }

  @Test
  void mutualNdaForAGermanPartnerCarriesTheDataProtectionClause() {
    byte[] docx = render("nda-mutual", NdaSamples.content(STUTTGART, NdaKind.MUTUAL,
        clauses("data-protection-eu", "governing-law-england-wales"), NdaSamples.secrets(3)));
    String text = DocxTexts.poi(docx);
    assertThat(text).contains("Mutual Non-Disclosure Agreement", "Kessler Sensorik GmbH", "Germany", "Regulation (EU) 2016/679",
        "governed by the law of England and Wales", "TS-0040", "TS-0042").doesNotContain("TS-0043", "中");
    assertThat(DocxTexts.docx4j(docx)).contains("Regulation (EU) 2016/679", "Kessler Sensorik GmbH");
  }

  @Test
  void oneWayNdaForUsIndividualsCarriesTheWhistleblowerNoticeAndNewYorkLaw() {
    byte[] docx = render("nda-one-way", NdaSamples.content(OHIO, NdaKind.ONE_WAY,
        clauses("whistleblower-notice-us", "governing-law-new-york"), NdaSamples.secrets(2)));
    String text = DocxTexts.poi(docx);
    assertThat(text).contains("Non-Disclosure Agreement (One-Way)", "Lakeshore Test Labs LLC", "United States",
        "18 U.S.C. § 1833(b)", "law of the State of New York", "Only the Company discloses information");
    assertThat(DocxTexts.docx4j(docx)).contains("18 U.S.C. § 1833(b)");
  }

  @Test
  void certificateListsEveryReturnedItem() {
    var template = CATALOGUE.get("certificate-return-destruction");
    byte[] docx = DocxRenderer.render(CompiledTemplate.compile(CATALOGUE.shipped(template)), NdaDocuments.certificate(template,
        "NDA-00042", NdaSamples.EFFECTIVE, LocalDate.of(2027, 1, 15), LEEDS, NdaSamples.secrets(4), COMPANY));
    String text = DocxTexts.poi(docx);
    assertThat(text).contains("Certificate of Return or Destruction", "Aire Valley Tooling Ltd",
        "non-disclosure agreement NDA-00042 dated 2 March 2026", "TS-0040", "TS-0043", "Northwind Precision Components Ltd");
    assertThat(DocxTexts.docx4j(docx)).contains("TS-0043");
  }

  @Test
  void certificateLeavesTheDateItCertifiesForThePartnerToWrite() {
    var template = CATALOGUE.get("certificate-return-destruction");
    byte[] docx = DocxRenderer.render(CompiledTemplate.compile(CATALOGUE.shipped(template)), NdaDocuments.certificate(template,
        "NDA-00042", NdaSamples.EFFECTIVE, LocalDate.of(2027, 1, 15), LEEDS, NdaSamples.secrets(1), COMPANY));
    assertThat(DocxTexts.poi(docx)).contains("certifies to the Company that, on ______________________ (date):")
        .doesNotContain("15 January 2027", "2027");
  }

  @Test
  void addressesKeepTheirLineBreaks() {
    byte[] docx = render("nda-mutual", NdaSamples.content(STUTTGART, NdaKind.MUTUAL, clauses("governing-law-england-wales"),
        NdaSamples.secrets(1)));
    assertThat(DocxTexts.poi(docx)).contains("of Industriestraße 4\n70565 Stuttgart, Germany")
        .contains("of 12 Harbour Road\nBristol BS1 5TT\nUnited Kingdom (the “Company”)");
    assertThat(DocxTexts.part(docx, "word/document.xml")).containsPattern("Industriestraße 4</w:t>\\s*<w:br/>\\s*<w:t[^>]*>70565 Stuttgart</w:t>");
  }

  @Test
  void noPlaceholderOrContentControlSurvivesInAnyTemplate() {
    for (var template : CATALOGUE.all()) {
      byte[] docx = switch (template.document()) {
        case NDA -> render(template.key(), NdaSamples.content(SHENZHEN, NdaKind.MUTUAL, clauses("governing-law-prc"),
            NdaSamples.secrets(2)));
        case CERTIFICATE -> DocxRenderer.render(CompiledTemplate.compile(CATALOGUE.shipped(template)),
            NdaDocuments.certificate(template, "NDA-1", NdaSamples.EFFECTIVE, NdaSamples.EFFECTIVE, SHENZHEN,
                NdaSamples.secrets(2), COMPANY));
        case LETTER -> DocxRenderer.render(CompiledTemplate.compile(CATALOGUE.shipped(template)), LetterDocumentTest.sample(template));
      };
      String text = DocxTexts.poi(docx);
      assertThat(text).as(template.key()).doesNotContainPattern("\\[[A-Z][A-Za-z .]+\\]").doesNotContain("{{");
      for (String part : List.of("word/document.xml", "word/footer1.xml")) {
        assertThat(DocxTexts.part(docx, part)).as(template.key() + " " + part).doesNotContain("<w:sdt");
      }
    }
  }

  @Test
  void sameInputsGiveIdenticalBytesAndFixedTimestamps() throws Exception {
    NdaContent content = NdaSamples.content(SHENZHEN, NdaKind.MUTUAL, clauses("governing-law-prc"), NdaSamples.secrets(25));
    String first = CompiledTemplate.sha256(render("nda-mutual-en-zh", content));
    java.util.TimeZone zone = java.util.TimeZone.getDefault();
    try {
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Shanghai"));
      Thread.sleep(1100);
      assertThat(CompiledTemplate.sha256(render("nda-mutual-en-zh", content))).isEqualTo(first);
    } finally {
      java.util.TimeZone.setDefault(zone);
    }
    NdaContent otherDate = new NdaContent(content.reference(), content.effectiveDate().plusDays(1), content.kind(),
        content.purpose(), content.termMonths(), content.survivalYears(), content.partner(), content.secrets(), content.clauses(), COMPANY);
    assertThat(CompiledTemplate.sha256(render("nda-mutual-en-zh", otherDate))).isNotEqualTo(first);

    byte[] docx = render("nda-mutual-en-zh", content);
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(java.time.LocalDateTime.of(2000, 1, 1, 0, 0));
      }
    }
    assertThat(DocxTexts.part(docx, "docProps/core.xml")).contains("2026-03-02T00:00:00Z").contains("NDA-00042");
  }

  @Test
  void aPlaceholderThatWordSplitIntoSeveralRunsIsStillReplacedWhole() {
    var template = CATALOGUE.get("nda-mutual");
    byte[] split = TemplateFieldConsistencyTest.withDocumentXml(CATALOGUE.shipped(template), xml -> xml.replaceFirst(
        java.util.regex.Pattern.quote("<w:t xml:space=\"preserve\">[Partner legal name]</w:t>"),
        "<w:t>[Part</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r w:rsidR=\"00AB12CD\"><w:rPr><w:b/><w:noProof/></w:rPr>"
            + "<w:t>ner le</w:t></w:r><w:bookmarkStart w:id=\"7\" w:name=\"x\"/><w:r><w:rPr><w:i/></w:rPr><w:t>gal</w:t></w:r>"
            + "<w:bookmarkEnd w:id=\"7\"/><w:proofErr w:type=\"spellEnd\"/><w:r><w:t xml:space=\"preserve\"> name]</w:t>"));
    assertThat(DocxTexts.poi(split)).as("the template really is split").contains("[Partner legal name]".substring(0, 5));
    byte[] docx = DocxRenderer.render(CompiledTemplate.compile(split), NdaDocuments.nda(template,
        NdaSamples.content(STUTTGART, NdaKind.MUTUAL, clauses(), NdaSamples.secrets(1))));
    String text = DocxTexts.poi(docx);
    assertThat(text).contains("(2) Kessler Sensorik GmbH, registration number HRB 765432").doesNotContain("[Part", "ner le", "gal name]");
  }

  @Test
  void aMissingValueFailsNamingTheField() {
    Partner noAddress = new Partner("P-X", "Nameless Ltd", null, "GB", NdaSubjects.PartnerType.SUPPLIER, null, "123");
    assertThatThrownBy(() -> render("nda-mutual", NdaSamples.content(noAddress, NdaKind.MUTUAL, clauses(), NdaSamples.secrets(1))))
        .isInstanceOf(UnprocessableContentException.class).hasMessageContaining("partner.address");
    Partner noChineseName = new Partner("P-Y", "Wuxi Metal Co.", null, "CN", NdaSubjects.PartnerType.SUPPLIER, "Wuxi", "9132");
    assertThatThrownBy(() -> render("nda-mutual-en-zh", NdaSamples.content(noChineseName, NdaKind.MUTUAL, clauses(), NdaSamples.secrets(1))))
        .isInstanceOf(UnprocessableContentException.class).hasMessageContaining("partner.nativeName").hasMessageNotContaining("partner.address");
  }

  @Test
  void aClauseWithoutTheTemplatesLanguageIsRefused() {
    assertThatThrownBy(() -> render("nda-mutual-en-zh", NdaSamples.content(SHENZHEN, NdaKind.MUTUAL,
        clauses("data-protection-eu"), NdaSamples.secrets(1))))
        .hasMessageContaining("data-protection-eu@1").hasMessageContaining("zh");
  }

  @Test
  void anOlderClauseVersionStillRendersItsOwnWording() {
    var v1 = List.of(new NdaContent.ChosenClause(LIBRARY.version("obligations", 1), null));
    var v2 = List.of(new NdaContent.ChosenClause(LIBRARY.version("obligations", 2), null));
    assertThat(DocxTexts.poi(render("nda-mutual", NdaSamples.content(LEEDS, NdaKind.MUTUAL, v1, NdaSamples.secrets(1)))))
        .contains("shall mark every copy as confidential").doesNotContain("reverse engineer");
    assertThat(DocxTexts.poi(render("nda-mutual", NdaSamples.content(LEEDS, NdaKind.MUTUAL, v2, NdaSamples.secrets(1)))))
        .contains("reverse engineer", "within 48 hours");
  }

  @Test
  void aFallbackReplacesTheStandardWording() {
    var standard = List.of(new NdaContent.ChosenClause(LIBRARY.latest("governing-law-prc"), null));
    var arbitration = List.of(new NdaContent.ChosenClause(LIBRARY.latest("governing-law-prc"), "cietac-arbitration-shanghai"));
    assertThat(DocxTexts.poi(render("nda-mutual-en-zh", NdaSamples.content(SHENZHEN, NdaKind.MUTUAL, arbitration, NdaSamples.secrets(1)))))
        .contains("中国国际经济贸易仲裁委员会", "arbitration in Shanghai").doesNotContain("people’s court");
    assertThat(DocxTexts.poi(render("nda-mutual-en-zh", NdaSamples.content(SHENZHEN, NdaKind.MUTUAL, standard, NdaSamples.secrets(1)))))
        .contains("people’s court");
  }

}
