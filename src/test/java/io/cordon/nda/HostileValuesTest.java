package io.cordon.nda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.nda.NdaSubjects.Partner;
import io.cordon.platform.InvalidInputException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Values are text, whatever they look like: never markup, runs, fields, hyperlinks or hidden text. */
class HostileValuesTest {

  static final CompiledTemplate TEMPLATE = CompiledTemplate.compile(
      NdaDocumentTest.CATALOGUE.shipped(NdaDocumentTest.CATALOGUE.get("nda-mutual-en-zh")));
  static final String BENIGN = "Plain Partner Ltd";
  static final String BENIGN_XML = DocxTexts.part(render(BENIGN), "word/document.xml");

  static Stream<String> corpus() {
    return Stream.of(
        "A < B & C > D Ltd", "\"Quoted\" & 'single' Ltd", "Tricky ]]> Ltd", "<![CDATA[x]]>", "${x} and #{y} and {{nda.termMonths}}",
        "Evil</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>INCLUDETEXT \"c:\\\\x\"</w:instrText></w:r><w:r><w:t>",
        "<w:hyperlink r:id=\"rId99\"><w:r><w:t>click</w:t></w:r></w:hyperlink>", "<w:vanish/>hidden",
        "Zero\u200Bwidth\u200C\u200D\uFEFFjoiners", "Emoji 🔐👩‍💻🇨🇳 Ltd", "深圳市前海𠮷野家科技有限公司",
        "Tab\tand\nnewline\r\nLtd", "&amp; already &lt;escaped&gt;", "x".repeat(10_000));
  }

  static byte[] render(String name) {
    Partner partner = new Partner("P-1", name, name, "CN", NdaSubjects.PartnerType.SUPPLIER, "Addr " + name, "REG-1");
    NdaContent content = new NdaContent("NDA-1", NdaSamples.EFFECTIVE, NdaKind.MUTUAL, "Purpose: " + name, 24, 5, partner,
        NdaSamples.secrets(2), NdaDocumentTest.clauses("governing-law-prc"), NdaSamples.COMPANY);
    return DocxRenderer.render(TEMPLATE, NdaDocuments.nda(NdaDocumentTest.CATALOGUE.get("nda-mutual-en-zh"), content));
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void hostileValueComesOutLiterallyInOneRunWithoutNewStructure(String value) {
    byte[] docx = render(value);
    String xml = DocxTexts.part(docx, "word/document.xml");
    // The legal name has 2 places, the native name 1: each is exactly one w:t holding the whole value.
    List<String> texts = DocxTexts.textNodes(docx);
    assertThat(texts.stream().filter(value::equals)).hasSize(3);
    assertThat(texts).contains("Purpose: " + value);
    // An address keeps its line breaks: its lines are text nodes of the same run, separated by w:br.
    assertThat(texts).containsSubsequence(java.util.Arrays.stream(("Addr " + value).strip().split("\\r\\n|\\r|\\n"))
        .map(String::strip).toList());
    assertThat(DocxTexts.poi(docx)).contains(value.replace("\r\n", "\n").replace("\r", "\n").split("\n")[0]);
    assertThat(DocxTexts.count(xml, "<w:r>") + DocxTexts.count(xml, "<w:r "))
        .as("no new runs").isEqualTo(DocxTexts.count(BENIGN_XML, "<w:r>") + DocxTexts.count(BENIGN_XML, "<w:r "));
    for (String structure : List.of("<w:fldChar", "<w:instrText", "<w:fldSimple", "<w:hyperlink", "<w:vanish", "<w:specVanish", "<w:sdt")) {
      assertThat(xml).as(structure).doesNotContain(structure);
    }
  }

  static final String BIDI_CONTROLS = "[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]";

  @ParameterizedTest
  @ValueSource(strings = {"\u202Egnp.exe Ltd\u202C", "Acme Ltd\u202E", "\u2067Iso\u2069 \u200F\u200E\u061C Ltd", "\u202B\u202A\u202D x"})
  void bidiControlsInAValueAreDroppedSoTheTextAroundItKeepsItsDirection(String value) {
    String clean = value.replaceAll(BIDI_CONTROLS, "");
    byte[] docx = render(value);
    List<String> texts = DocxTexts.textNodes(docx);
    assertThat(texts.stream().filter(clean::equals)).hasSize(3);
    assertThat(texts).contains("Purpose: " + clean, "Addr " + clean);
    assertThat(texts).noneMatch(t -> t.matches(".*" + BIDI_CONTROLS + ".*"));
  }

  @org.junit.jupiter.api.Test
  void aRightToLeftValueIsIsolatedSoItsDirectionStaysInsideIt() {
    String hebrew = "\u05E9\u05D5\u05EA\u05E3 \u05D1\u05E2\"\u05DE 42";
    List<String> texts = DocxTexts.textNodes(render(hebrew));
    assertThat(texts.stream().filter(("\u2068" + hebrew + "\u2069")::equals)).hasSize(3);
    assertThat(texts).contains("\u2068Purpose: " + hebrew + "\u2069", "\u2068Addr " + hebrew + "\u2069");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Null\u0000byte", "Bell\u0007Ltd", "Lone \uD800 surrogate", "Not a char \uFFFF"})
  void charactersXmlCannotCarryAreRefusedNamingTheField(String value) {
    assertThatThrownBy(() -> render(value)).isInstanceOf(InvalidInputException.class).hasMessageContaining("partner.legalName");
  }
}
