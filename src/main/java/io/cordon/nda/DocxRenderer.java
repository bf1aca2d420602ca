package io.cordon.nda;

import io.cordon.platform.UnprocessableContentException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.docx4j.openpackaging.parts.JaxbXmlPart;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.PPrBase;

/**
 * Fills a compiled template: a pure function of the template and the data, so equal inputs give equal bytes
 * (fixed zip timestamps, document properties dated by the data, no generated ids).
 */
final class DocxRenderer {

  private static final ObjectFactory WML = new ObjectFactory();

  private DocxRenderer() {
  }

  static byte[] render(CompiledTemplate template, DocumentData data) {
    checkFields(template, data);
    Map<String, byte[]> replaced = new HashMap<>();
    for (var part : template.fieldParts.entrySet()) {
      JaxbXmlPart<?> jaxb = CompiledTemplate.unmarshal(template.pkg, part.getKey(), part.getValue());
      ContentControls.fill(CompiledTemplate.content(jaxb), data.fields(), clauseParagraphs(data.clauses()), data.rows());
      ByteArrayOutputStream out = new ByteArrayOutputStream(template.pkg.part(part.getKey()).length * 2);
      try {
        jaxb.marshal(out);
      } catch (jakarta.xml.bind.JAXBException e) {
        throw new IllegalStateException("Cannot write " + part.getKey(), e);
      }
      replaced.put(part.getKey(), out.toByteArray());
    }
    if (template.corePropertiesPart != null) {
      replaced.put(template.corePropertiesPart, coreProperties(data));
    }
    return template.pkg.with(replaced).write();
  }

  /** Every field of the template needs a value, and every value needs a place in the template. */
  private static void checkFields(CompiledTemplate template, DocumentData data) {
    Set<String> missing = new TreeSet<>();
    for (String tag : template.tags) {
      if (!tag.equals(DocumentType.CLAUSES) && !DocumentType.ROW_FIELDS.contains(tag)) {
        String value = data.fields().get(tag);
        if (value == null || value.isBlank()) {
          missing.add(tag);
        }
      }
    }
    for (Map<String, String> row : data.rows()) {
      DocumentType.ROW_FIELDS.stream().filter(f -> row.get(f) == null || row.get(f).isBlank()).forEach(missing::add);
    }
    if (!missing.isEmpty()) {
      throw new UnprocessableContentException("MISSING_FIELD", "The document cannot be generated: no value for "
          + String.join(", ", missing) + ". Record the missing data (for a partner: in the partner register) and generate again.");
    }
    Set<String> placeless = new TreeSet<>(data.fields().keySet());
    placeless.removeAll(template.tags);
    if (!placeless.isEmpty()) {
      throw new IllegalStateException("The template has no place for " + placeless);
    }
    if (data.rows().isEmpty() && template.tags.stream().anyMatch(DocumentType.ROW_FIELDS::contains)) {
      throw new UnprocessableContentException("MISSING_FIELD", "Schedule A needs at least one secret.");
    }
  }

  private static List<Object> clauseParagraphs(List<DocumentData.ClauseBlock> clauses) {
    List<Object> paragraphs = new ArrayList<>();
    for (DocumentData.ClauseBlock clause : clauses) {
      List<String> languages = clause.paragraphs().keySet().stream().sorted((a, b) -> a.equals("en") ? -1 : b.equals("en") ? 1 : a.compareTo(b)).toList();
      StringBuilder heading = new StringBuilder(clause.number()).append(". ");
      for (String lang : languages) {
        heading.append(lang.equals("en") ? "" : "  ").append(clause.title().get(lang));
      }
      paragraphs.add(paragraph("ClauseHeading", heading.toString()));
      for (String lang : languages) {
        String style = lang.equals("en") ? "ClauseText" : "ClauseText" + Character.toUpperCase(lang.charAt(0)) + lang.substring(1);
        clause.paragraphs().get(lang).forEach(text -> paragraphs.add(paragraph(style, text)));
      }
    }
    return paragraphs;
  }

  private static P paragraph(String style, String text) {
    P p = WML.createP();
    PPr pPr = WML.createPPr();
    PPrBase.PStyle pStyle = WML.createPPrBasePStyle();
    pStyle.setVal(style);
    pPr.setPStyle(pStyle);
    p.setPPr(pPr);
    p.getContent().add(ContentControls.textRun(text, null));
    return p;
  }

  private static byte[] coreProperties(DocumentData data) {
    String date = data.date() + "T00:00:00Z";
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<dc:title>" + SafeXml.escape(data.title()) + "</dc:title>"
        + "<dc:creator>" + SafeXml.escape(data.author()) + "</dc:creator>"
        + "<cp:lastModifiedBy>" + SafeXml.escape(data.author()) + "</cp:lastModifiedBy>"
        + "<cp:revision>1</cp:revision>"
        + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + date + "</dcterms:created>"
        + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + date + "</dcterms:modified>"
        + "</cp:coreProperties>").getBytes(StandardCharsets.UTF_8);
  }
}
