package io.cordon.nda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.nda.TemplateCatalogue.TemplateInfo;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every field in every template has data, and every piece of data has a field. */
class TemplateFieldConsistencyTest {

  static final TemplateCatalogue CATALOGUE = new TemplateCatalogue();

  /** The fields the generator actually produces for a template, as opposed to what DocumentType declares. */
  static Set<String> producedFields(TemplateInfo template) {
    DocumentData data = switch (template.document()) {
      case NDA -> NdaDocuments.nda(template, NdaSamples.content(NdaSamples.SHENZHEN, NdaKind.MUTUAL, java.util.List.of(),
          NdaSamples.secrets(1)));
      case CERTIFICATE -> NdaDocuments.certificate(template, "NDA-1", NdaSamples.EFFECTIVE, NdaSamples.EFFECTIVE,
          NdaSamples.SHENZHEN, NdaSamples.secrets(1), NdaSamples.COMPANY);
      case LETTER -> LetterDocumentTest.sample(template);
    };
    Set<String> fields = new TreeSet<>(data.fields().keySet());
    data.rows().forEach(row -> fields.addAll(row.keySet()));
    if (template.document() == DocumentType.NDA) {
      fields.add(DocumentType.CLAUSES);
    }
    return fields;
  }

  @Test
  void everyTemplateFieldHasDataAndEveryDataFieldHasAPlace() {
    assertThat(CATALOGUE.all()).extracting(TemplateInfo::key)
        .containsExactlyInAnyOrder("nda-mutual", "nda-one-way", "nda-mutual-en-zh", "nda-one-way-en-zh",
            "certificate-return-destruction", "cease-and-desist");
    for (TemplateInfo template : CATALOGUE.all()) {
      CompiledTemplate compiled = CompiledTemplate.compile(CATALOGUE.shipped(template));
      assertThat(producedFields(template)).as(template.key() + ": generator vs declared").isEqualTo(template.fields());
      assertThat(compiled.tags).as(template.key() + ": template vs declared").isEqualTo(template.fields());
      assertThat(compiled.fieldMismatch(producedFields(template))).as(template.key()).isNull();
    }
  }

  @Test
  void theCheckNamesAFieldWithoutDataAndDataWithoutAField() {
    TemplateInfo mutual = CATALOGUE.get("nda-mutual");
    byte[] renamed = withDocumentXml(CATALOGUE.shipped(mutual), xml -> xml.replace("w:val=\"partner.registrationId\"", "w:val=\"partner.vatNumber\""));
    String mismatch = CompiledTemplate.compile(renamed).fieldMismatch(producedFields(mutual));
    assertThat(mismatch).contains("fields without data: partner.vatNumber").contains("data without a field: partner.registrationId");

    byte[] untagged = withDocumentXml(CATALOGUE.shipped(mutual), xml -> xml.replace("<w:tag w:val=\"nda.purpose\"/>", ""));
    assertThat(CompiledTemplate.compile(untagged).fieldMismatch(producedFields(mutual)))
        .contains("without a tag").contains("data without a field: nda.purpose");
  }

  @Test
  void rendererRefusesDataThatHasNoPlace() {
    TemplateInfo mutual = CATALOGUE.get("nda-mutual");
    DocumentData data = NdaDocuments.nda(CATALOGUE.get("nda-mutual-en-zh"),
        NdaSamples.content(NdaSamples.SHENZHEN, NdaKind.MUTUAL, java.util.List.of(), NdaSamples.secrets(1)));
    assertThatThrownBy(() -> DocxRenderer.render(CompiledTemplate.compile(CATALOGUE.shipped(mutual)), data))
        .hasMessageContaining("no place for").hasMessageContaining("partner.nativeName");
  }

  @Test
  void everyClausePlaceholderIsSuppliedAndEverySuppliedClauseFieldIsUsed() {
    Set<String> used = new TreeSet<>();
    new ClauseLibrary().latest().forEach(c -> used.addAll(c.placeholders()));
    assertThat(used).isEqualTo(ClauseLibrary.CLAUSE_FIELDS);
  }

  static byte[] withDocumentXml(byte[] docx, java.util.function.UnaryOperator<String> edit) {
    DocxPackage pkg = DocxPackage.read(docx);
    String xml = new String(pkg.part("word/document.xml"), StandardCharsets.UTF_8);
    return pkg.with(Map.of("word/document.xml", edit.apply(xml).getBytes(StandardCharsets.UTF_8))).write();
  }
}
