package io.cordon.nda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.platform.UnprocessableContentException;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The malicious-template corpus: each file is rejected, quickly, with the reason named. */
class TemplateValidatorTest {

  static Stream<Arguments> corpus() {
    return Stream.of(
        Arguments.of("macro project (vbaProject.bin)", "nda.docx", (Callable<byte[]>) MaliciousTemplates::macroProject, "MACRO"),
        Arguments.of("macro-enabled content type", "nda.docx", (Callable<byte[]>) MaliciousTemplates::macroContentType, "MACRO"),
        Arguments.of(".docm file", "nda.docm", (Callable<byte[]>) MaliciousTemplates::valid, "MACRO"),
        Arguments.of("external relationship", "nda.docx", (Callable<byte[]>) MaliciousTemplates::externalRelationship, "EXTERNAL_RELATIONSHIP"),
        Arguments.of("altChunk", "nda.docx", (Callable<byte[]>) MaliciousTemplates::altChunk, "ALT_CHUNK"),
        Arguments.of("INCLUDETEXT in instrText", "nda.docx", (Callable<byte[]>) MaliciousTemplates::includeTextField, "FIELD_CODE"),
        Arguments.of("DDEAUTO in fldSimple", "nda.docx", (Callable<byte[]>) MaliciousTemplates::ddeAutoField, "FIELD_CODE"),
        Arguments.of("DOCTYPE with external entity", "nda.docx", (Callable<byte[]>) MaliciousTemplates::externalEntity, "DTD"),
        Arguments.of("zip bomb", "nda.docx", (Callable<byte[]>) MaliciousTemplates::zipBomb, "ZIP_BOMB"),
        Arguments.of("zip bomb with lying sizes", "nda.docx", (Callable<byte[]>) MaliciousTemplates::lyingZipBomb, "ZIP_BOMB"),
        Arguments.of("too many entries", "nda.docx", (Callable<byte[]>) MaliciousTemplates::tooManyEntries, "TOO_MANY_ENTRIES"),
        Arguments.of("entry twice in different case", "nda.docx", (Callable<byte[]>) MaliciousTemplates::caseDuplicate, "DUPLICATE_ENTRY"),
        Arguments.of("entry twice, same name", "nda.docx", (Callable<byte[]>) MaliciousTemplates::exactDuplicate, "DUPLICATE_ENTRY"),
        Arguments.of("fields that do not match the data", "nda.docx", (Callable<byte[]>) MaliciousTemplates::renamedField, "FIELDS_MISMATCH"),
        Arguments.of("not a zip at all", "nda.docx", (Callable<byte[]>) () -> "%PDF-1.7 not a docx".getBytes(), "NOT_A_DOCX"),
        Arguments.of("too large", "nda.docx", (Callable<byte[]>) () -> new byte[(int) TemplateValidator.MAX_UPLOAD_BYTES + 1], "TOO_LARGE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void maliciousTemplateIsRejectedQuicklyNamingTheReason(String name, String fileName, Callable<byte[]> file, String reason) throws Exception {
    byte[] bytes = file.call();
    long start = System.nanoTime();
    assertThatThrownBy(() -> TemplateValidator.validate(fileName, bytes, MaliciousTemplates.CERTIFICATE))
        .isInstanceOfSatisfying(UnprocessableContentException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(reason);
    assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds to reject").isLessThan(3_000);
  }

  @Test
  void aCleanTemplateIsAcceptedAndNormalised() {
    byte[] accepted = TemplateValidator.validate("certificate.docx", MaliciousTemplates.valid(), MaliciousTemplates.CERTIFICATE);
    assertThat(CompiledTemplate.compile(accepted).tags).isEqualTo(MaliciousTemplates.CERTIFICATE.fields());
  }

  @Test
  void pageNumberFieldsAreAllowed() {
    byte[] withPage = MaliciousTemplates.withBodyXml("<w:p><w:fldSimple w:instr=\" PAGE \\* MERGEFORMAT \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>");
    assertThat(TemplateValidator.validate("c.docx", withPage, MaliciousTemplates.CERTIFICATE)).isNotEmpty();
  }
}
