package io.cordon.nda;

import static io.cordon.nda.NdaSamples.LEEDS;
import static io.cordon.nda.NdaSamples.OHIO;
import static io.cordon.nda.NdaSamples.SHENZHEN;
import static io.cordon.nda.NdaSamples.STUTTGART;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.cordon.nda.NdaSubjects.Partner;
import java.io.FileInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NDAs as a partner reads them: template and clauses chosen by the real tables in bpmn/NdaClauseSelection.dmn, the
 * document rendered, converted to PDF by LibreOffice (as the .pdf download is), and the PDF's text read back with
 * PDFBox. One test per kind of partner: Germany, the US, China (mutual and one-way), the UK; and the certificate.
 * .ci/run installs LibreOffice and the CJK fonts; without LibreOffice these tests are skipped.
 */
class NdaPdfIT {

  static final ClauseLibrary LIBRARY = new ClauseLibrary();
  static final TemplateCatalogue CATALOGUE = new TemplateCatalogue();
  static final CompanyProfile GERMAN_COMPANY = new CompanyProfile("Kessler Holding GmbH", null, "HRB 720001 Amtsgericht Stuttgart",
      "Königstraße 10\n70173 Stuttgart\nGermany", "DE");
  static DmnEngine engine;
  static Map<String, DmnDecision> decisions = new HashMap<>();
  static PdfRenderer pdf;

  @BeforeAll
  static void setUp() throws Exception {
    pdf = new PdfRenderer("", 180, true);
    assumeThat(pdf.available()).as("LibreOffice (soffice) installed; .ci/run installs it").isTrue();
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("bpmn/NdaClauseSelection.dmn")) {
      engine.parseDecisions(in).forEach(d -> decisions.put(d.getKey(), d));
    }
  }

  @AfterAll
  static void stopLibreOffice() {
    if (pdf != null) {
      pdf.destroy();
    }
  }

  @Test
  void germanPartnerReadsTheEuTradeSecretClausesGeschGehGAndTheBoilerplate() {
    String text = pdfText(STUTTGART, NdaKind.MUTUAL, false, NdaSamples.COMPANY);
    assertThat(flat(text)).contains(flat("Mutual Non-Disclosure Agreement"), flat("Kessler Sensorik GmbH"),
        flat("Directive (EU) 2016/943"), flat("reasonable steps"), flat("Article 3(1)(b)"),
        flat("freedom of expression and information"), flat("Directive (EU) 2019/1937"),
        flat("German Trade Secrets Act (GeschGehG)"), flat("angemessene Geheimhaltungsmaßnahmen"), flat("section 5 GeschGehG"),
        flat("Regulation (EU) 2016/679"), flat("No licence, no warranty"), flat("Entire agreement"),
        flat("Amendments and waivers"), flat("Assignment"), flat("Notices"), flat("Severability"),
        flat("Counterparts and electronic signature"), flat("governed by the law of England and Wales"));
    // Addresses keep their line breaks: the partner's and the company's.
    assertThat(text).containsPattern(lines("Industriestraße 4", "70565 Stuttgart"));
    assertThat(text).containsPattern(lines("12 Harbour Road", "Bristol BS1 5TT", "United Kingdom"));
    assertThat(flat(text)).doesNotContain(flat("Acknowledgement by individuals"));
  }

  @Test
  void germanCompanyGivesItsPartnersGermanLaw() {
    String text = pdfText(STUTTGART, NdaKind.MUTUAL, false, GERMAN_COMPANY);
    assertThat(flat(text)).contains(flat("law of the Federal Republic of Germany"), flat("Kessler Holding GmbH"),
        flat("German Trade Secrets Act (GeschGehG)")).doesNotContain(flat("England and Wales"));
    assertThat(text).containsPattern(lines("Königstraße 10", "70173 Stuttgart"));
  }

  @Test
  void usIndividualsReadTheWhistleblowerNoticeNewYorkLawAndTheirSignatureLines() {
    String text = pdfText(OHIO, NdaKind.ONE_WAY, true, NdaSamples.COMPANY);
    assertThat(flat(text)).contains(flat("Non-Disclosure Agreement (One-Way)"), flat("Lakeshore Test Labs LLC"),
        flat("18 U.S.C. § 1833(b)"), flat("law of the State of New York"), flat("Acknowledgement by individuals"),
        flat("The individuals do not become parties"), flat("Entire agreement"))
        .doesNotContain(flat("2016/943"), flat("GeschGehG"));
    assertThat(text.split("Name: _+\\s+Signature: _+\\s+Date: _+", -1)).as("three signature lines for individuals").hasSize(4);
  }

  @Test
  void chinesePartnerMutualNamesTheCompanyAndThePartnerInTheForumClause() {
    String text = pdfText(SHENZHEN, NdaKind.MUTUAL, false, NdaSamples.COMPANY);
    assertThat(flat(text)).contains(flat("Mutual Non-Disclosure Agreement"), flat("相互保密协议"), flat("深圳联发模具有限公司"),
        flat("诺斯温精密部件有限公司"), flat("the people’s court with jurisdiction over the place where the Company is domiciled"),
        flat("the people’s court with jurisdiction over the place where the Partner is domiciled"),
        flat("由原告选择向公司住所地或合作方住所地有管辖权的人民法院提起诉讼"), flat("Entire agreement"), flat("完整协议"),
        flat("可分割性"), flat("副本与电子签名"))
        .doesNotContain(flat("contracting entity"), flat("签约主体"), flat("2016/943"));
    assertThat(text).containsPattern(lines("12 Harbour Road", "Bristol BS1 5TT"));
  }

  @Test
  void chinesePartnerOneWayGetsTheBilingualOneWayAgreement() {
    String text = pdfText(SHENZHEN, NdaKind.ONE_WAY, true, NdaSamples.COMPANY);
    assertThat(flat(text)).contains(flat("Non-Disclosure Agreement (One-Way)"), flat("保密协议（单向）"),
        flat("Only the Company discloses information under this agreement"), flat("仅公司依本协议披露信息"),
        flat("the “Receiving Party”"), flat("“接收方”"), flat("Acknowledgement by individuals"), flat("个人确认"),
        flat("适用法律与争议解决"))
        .doesNotContain(flat("Mutual Non-Disclosure Agreement"), flat("相互保密协议"), flat("Either party may disclose"));
  }

  @Test
  void ukPartnerGetsEnglishLawAndNoEuClauses() {
    String text = pdfText(LEEDS, NdaKind.MUTUAL, false, NdaSamples.COMPANY);
    assertThat(flat(text)).contains(flat("Aire Valley Tooling Ltd"), flat("governed by the law of England and Wales"),
        flat("No licence, no warranty"), flat("Counterparts and electronic signature"))
        .doesNotContain(flat("2016/943"), flat("GeschGehG"), flat("2016/679"), flat("New York"));
  }

  @Test
  void certificateLeavesTheDateForThePartnerToWrite() throws Exception {
    var template = CATALOGUE.get("certificate-return-destruction");
    byte[] docx = DocxRenderer.render(CompiledTemplate.compile(CATALOGUE.shipped(template)), NdaDocuments.certificate(template,
        "NDA-00042", NdaSamples.EFFECTIVE, LocalDate.of(2026, 11, 17), LEEDS, NdaSamples.secrets(2), NdaSamples.COMPANY));
    String text = read(pdf.toPdf(docx));
    assertThat(flat(text)).contains(flat("certifies to the Company that, on ______________________ (date):"),
        flat("dated 2 March 2026")).doesNotContain(flat("17 November 2026"));
  }

  /** Selects template and clauses as Cordon does for this company, renders, converts and reads the PDF back. */
  private static String pdfText(Partner partner, NdaKind kind, boolean individualsSign, CompanyProfile company) {
    Map<String, Object> inputs = Map.of("partnerCountry", partner.country(), "partnerType", partner.type().name(),
        "ndaKind", kind.name(), "highestClassification", "CONFIDENTIAL", "individualsSign", individualsSign,
        "companyCountry", company.country());
    String templateKey = engine.evaluateDecisionTable(decisions.get(ClauseSelection.TEMPLATE_DECISION), inputs)
        .getSingleResult().getSingleEntry();
    List<String> keys = engine.evaluateDecisionTable(decisions.get(ClauseSelection.CLAUSE_DECISION), inputs).collectEntries("clauseKey");
    List<NdaContent.ChosenClause> clauses = ClauseSelection.inDocumentOrder(LIBRARY, keys).stream()
        .map(c -> new NdaContent.ChosenClause(c, null)).toList();
    NdaContent content = new NdaContent("NDA-00042", NdaSamples.EFFECTIVE, kind, "evaluating sensor housings", 24, 5, partner,
        NdaSamples.secrets(3), clauses, company);
    var template = CATALOGUE.get(templateKey);
    byte[] docx = DocxRenderer.render(CompiledTemplate.compile(CATALOGUE.shipped(template)), NdaDocuments.nda(template, content));
    try {
      return read(pdf.toPdf(docx));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String read(byte[] bytes) throws Exception {
    assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setLineSeparator("\n");
      return stripper.getText(document);
    }
  }

  /** The given lines one after the other, each ending the PDF's line (justified text may widen the spaces). */
  private static java.util.regex.Pattern lines(String... lines) {
    return java.util.regex.Pattern.compile(java.util.Arrays.stream(lines)
        .map(line -> java.util.Arrays.stream(line.split(" ")).map(java.util.regex.Pattern::quote)
            .collect(java.util.stream.Collectors.joining("[ \\t]+")))
        .collect(java.util.stream.Collectors.joining("[ \\t]*\\n[ \\t]*")));
  }

  /** Without any whitespace: line wrapping in the PDF neither breaks nor fakes a phrase (Chinese has no spaces). */
  private static String flat(String text) {
    return text.replaceAll("\\s+", "");
  }
}
