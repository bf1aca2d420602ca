package io.cordon.nda;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.JaxbXmlPart;
import org.docx4j.openpackaging.parts.PartName;
import org.docx4j.openpackaging.parts.WordprocessingML.FooterPart;
import org.docx4j.openpackaging.parts.WordprocessingML.HeaderPart;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.wml.Document;
import org.docx4j.wml.Ftr;
import org.docx4j.wml.Hdr;

/**
 * A template ready to fill: its parts as bytes, which parts hold fields (main document, headers, footers), and the
 * tags of its content controls. Each render unmarshals only those parts with docx4j; every other part is copied.
 */
final class CompiledTemplate {

  private static final String CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  private static final Map<String, String> FIELD_PART_TYPES = Map.of(CT + "document.main+xml", "main",
      CT + "template.main+xml", "main", CT + "header+xml", "header", CT + "footer+xml", "footer");
  private static final String CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml";

  /** docx4j parts expect to belong to a package; this empty one is never changed or saved. */
  private static final WordprocessingMLPackage HOST = new WordprocessingMLPackage();

  final DocxPackage pkg;
  final String sha256;
  /** Zip entry name to part kind (main, header, footer), in package order. */
  final Map<String, String> fieldParts;
  final String corePropertiesPart;
  /** Tags of all content controls; an untagged control shows up as a description in {@link #problems}. */
  final Set<String> tags;
  final List<String> problems;

  private CompiledTemplate(DocxPackage pkg, String sha256, Map<String, String> fieldParts, String corePropertiesPart,
      Set<String> tags, List<String> problems) {
    this.pkg = pkg;
    this.sha256 = sha256;
    this.fieldParts = fieldParts;
    this.corePropertiesPart = corePropertiesPart;
    this.tags = tags;
    this.problems = problems;
  }

  static CompiledTemplate compile(byte[] docx) {
    DocxPackage pkg = DocxPackage.read(docx);
    Map<String, String> fieldParts = new LinkedHashMap<>();
    String core = null;
    for (var override : contentTypes(pkg).entrySet()) {
      String kind = FIELD_PART_TYPES.get(override.getValue());
      if (kind != null && pkg.part(override.getKey()) != null) {
        fieldParts.put(override.getKey(), kind);
      } else if (CORE_PROPERTIES.equals(override.getValue())) {
        core = override.getKey();
      }
    }
    if (fieldParts.values().stream().noneMatch("main"::equals)) {
      throw new IllegalArgumentException("The package has no main document part");
    }
    Set<String> tags = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    Set<String> withoutFields = new TreeSet<>();
    for (var part : fieldParts.entrySet()) {
      int[] controls = {0};
      ContentControls.tags(content(unmarshal(pkg, part.getKey(), part.getValue())), tag -> {
        controls[0]++;
        if (tag == null || tag.isBlank()) {
          problems.add("a content control without a tag in " + part.getKey());
        } else if (tag.startsWith("(")) {
          problems.add(tag + " in " + part.getKey());
        } else {
          tags.add(tag);
        }
      });
      if (controls[0] == 0 && !part.getValue().equals("main")) {
        withoutFields.add(part.getKey());
      }
    }
    // A header or footer without fields is copied as it is, never parsed again.
    withoutFields.forEach(fieldParts::remove);
    return new CompiledTemplate(pkg, sha256(docx), fieldParts, core, tags, problems);
  }

  /** What is wrong with this template's fields against those its data has, or null if they match exactly. */
  String fieldMismatch(Set<String> expected) {
    List<String> wrong = new ArrayList<>(problems);
    Set<String> noData = new TreeSet<>(tags);
    noData.removeAll(expected);
    Set<String> noPlace = new TreeSet<>(expected);
    noPlace.removeAll(tags);
    if (!noData.isEmpty()) {
      wrong.add("fields without data: " + String.join(", ", noData));
    }
    if (!noPlace.isEmpty()) {
      wrong.add("data without a field: " + String.join(", ", noPlace));
    }
    return wrong.isEmpty() ? null : String.join("; ", wrong);
  }

  static JaxbXmlPart<?> unmarshal(DocxPackage pkg, String name, String kind) {
    try {
      PartName partName = new PartName("/" + name);
      JaxbXmlPart<?> part = switch (kind) {
        case "main" -> new MainDocumentPart(partName);
        case "header" -> new HeaderPart(partName);
        default -> new FooterPart(partName);
      };
      part.setPackage(HOST);
      part.unmarshal(new ByteArrayInputStream(pkg.part(name)));
      return part;
    } catch (Exception e) {
      throw new IllegalArgumentException("Part " + name + " is not valid WordprocessingML", e);
    }
  }

  static List<Object> content(JaxbXmlPart<?> part) {
    Object root = part.getJaxbElement();
    if (root instanceof Document document) {
      return document.getBody().getContent();
    }
    return root instanceof Hdr header ? header.getContent() : ((Ftr) root).getContent();
  }

  /** Part name (without the leading slash) to content type, from the overrides in [Content_Types].xml. */
  private static Map<String, String> contentTypes(DocxPackage pkg) {
    byte[] xml = pkg.part("[Content_Types].xml");
    if (xml == null) {
      throw new IllegalArgumentException("The package has no [Content_Types].xml");
    }
    Map<String, String> types = new LinkedHashMap<>();
    try {
      XMLStreamReader r = SafeXml.reader(xml);
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && "Override".equals(r.getLocalName())) {
          String name = r.getAttributeValue(null, "PartName");
          if (name != null) {
            types.put(name.startsWith("/") ? name.substring(1) : name, r.getAttributeValue(null, "ContentType"));
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalArgumentException("[Content_Types].xml is not readable", e);
    }
    return types;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
