package io.cordon.nda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.nda.TemplateCatalogue.TemplateInfo;
import io.cordon.platform.UnprocessableContentException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cease-and-desist letter: rendered from the shipped template, re-opened, its text asserted. */
class LetterDocumentTest {

  static final TemplateCatalogue CATALOGUE = new TemplateCatalogue();
  static final LetterService.LetterRequest REQUEST = new LetterService.LetterRequest("LI-0007", LocalDate.of(2026, 11, 30),
      LocalDate.of(2026, 12, 2), NdaSamples.STUTTGART.code(), List.of("TS-0040", "TS-0042"),
      List.of(new LetterService.Agreement("NDA-00042", 2)));

  static DocumentData sample(TemplateInfo template) {
    return NdaDocuments.letter(template, REQUEST, NdaSamples.STUTTGART, List.of("Non-disclosure agreement NDA-00042, version 2"),
        List.of("Obligations (NDA-00042)", "Remedies and injunctive relief (NDA-00042)"),
        List.of("NDA-00042: The courts of London have exclusive jurisdiction."), NdaSamples.COMPANY);
  }

  static byte[] render(DocumentData data) {
    TemplateInfo template = CATALOGUE.get(LetterService.TEMPLATE);
    return DocxRenderer.render(CompiledTemplate.compile(CATALOGUE.shipped(template)), data);
  }

  @Test
  void theLetterNamesPartnerAgreementClausesForumSecretCodesAndIncident() {
    byte[] docx = render(sample(CATALOGUE.get(LetterService.TEMPLATE)));
    for (String text : List.of(DocxTexts.poi(docx), DocxTexts.docx4j(docx))) {
      assertThat(text).contains("Cease and Desist", "Leak incident LI-0007", "2 December 2026", "30 November 2026",
          NdaSamples.STUTTGART.legalName(), "Industriestraße 4", NdaSamples.COMPANY.legalName(),
          "Non-disclosure agreement NDA-00042, version 2", "Obligations (NDA-00042)",
          "Remedies and injunctive relief (NDA-00042)", "The courts of London have exclusive jurisdiction.", "TS-0040",
          "TS-0042", "cease and desist from any use or further disclosure")
          .doesNotContainPattern("\\[[A-Z][A-Za-z ().,]+\\]");
    }
    // Lists keep one entry per line; the footer carries the incident code.
    assertThat(DocxTexts.part(docx, "word/document.xml")).containsPattern("TS-0040</w:t>\\s*<w:br/>\\s*<w:t[^>]*>TS-0042</w:t>")
        .doesNotContain("<w:sdt");
    assertThat(DocxTexts.part(docx, "word/footer1.xml")).contains("LI-0007").doesNotContain("<w:sdt");
  }

  @Test
  void sameInputsGiveIdenticalBytes() {
    TemplateInfo template = CATALOGUE.get(LetterService.TEMPLATE);
    assertThat(CompiledTemplate.sha256(render(sample(template)))).isEqualTo(CompiledTemplate.sha256(render(sample(template))));
  }

  @Test
  void aPartnerWithoutAnAddressIsNamedAsTheMissingField() {
    NdaSubjects.Partner noAddress = new NdaSubjects.Partner("P-1", "No Address Ltd", null, "GB",
        NdaSubjects.PartnerType.SUPPLIER, null, "123");
    DocumentData data = NdaDocuments.letter(CATALOGUE.get(LetterService.TEMPLATE), REQUEST, noAddress, List.of("NDA-1, version 1"),
        List.of("Remedies (NDA-1)"), List.of("NDA-1: courts"), NdaSamples.COMPANY);
    assertThatThrownBy(() -> render(data)).isInstanceOf(UnprocessableContentException.class).hasMessageContaining("partner.address");
  }
}
