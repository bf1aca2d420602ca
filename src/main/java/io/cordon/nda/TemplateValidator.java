package io.cordon.nda;

import io.cordon.platform.UnprocessableContentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Checks an uploaded template before anything trusts it. Size, entry count, declared and actual uncompressed sizes are
 * limited before any entry is inflated or parsed; XML is read by a parser that loads no DTD. The accepted template is
 * re-written from the checked entries only, so nothing the checks did not see reaches docx4j.
 */
final class TemplateValidator {

  static final long MAX_UPLOAD_BYTES = 10L << 20;
  static final int MAX_ENTRIES = 300;
  static final long MAX_ENTRY_BYTES = 32L << 20;
  static final long MAX_TOTAL_BYTES = 64L << 20;
  static final long MAX_RATIO = 100;
  /** Small entries may compress very well (repetitive XML); the ratio limit applies from this size on. */
  private static final long RATIO_FLOOR_BYTES = 1L << 20;
  private static final Set<String> ALLOWED_FIELDS = Set.of("PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "REF", "PAGEREF",
      "NOTEREF", "SEQ", "STYLEREF", "TOC", "TC");

  private TemplateValidator() {
  }

  /** The checked template, normalised; throws a rejection naming the reason. */
  static byte[] validate(String fileName, byte[] bytes, TemplateCatalogue.TemplateInfo template) {
    Map<String, byte[]> entries = entries(fileName, bytes);
    entries.forEach(TemplateValidator::checkEntry);
    byte[] normalised = new DocxPackage(entries).write();
    CompiledTemplate compiled;
    try {
      compiled = CompiledTemplate.compile(normalised);
    } catch (RuntimeException e) {
      throw reject("NOT_A_DOCX", "the file is not a readable Word document (" + e.getMessage() + ")");
    }
    String mismatch = compiled.fieldMismatch(template.fields());
    if (mismatch != null) {
      throw reject("FIELDS_MISMATCH", "its fields do not match the data of template " + template.key() + ": " + mismatch
          + ". Fields are content controls whose tag is the field name (see templates/README.md)");
    }
    return normalised;
  }

  private static Map<String, byte[]> entries(String fileName, byte[] bytes) {
    if (bytes.length > MAX_UPLOAD_BYTES) {
      throw reject("TOO_LARGE", "the file has " + bytes.length + " bytes; the limit is " + MAX_UPLOAD_BYTES);
    }
    String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".docm") || lower.endsWith(".dotm")) {
      throw reject("MACRO", "macro-enabled files (.docm, .dotm) are not accepted; save it as .docx");
    }
    if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
      throw reject("NOT_A_DOCX", "the file is not a .docx (zip) package");
    }
    try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
      List<ZipArchiveEntry> all = Collections.list(zip.getEntries());
      if (all.size() > MAX_ENTRIES) {
        throw reject("TOO_MANY_ENTRIES", "the package has " + all.size() + " entries; the limit is " + MAX_ENTRIES);
      }
      Set<String> names = new HashSet<>();
      long declared = 0;
      for (ZipArchiveEntry e : all) {
        // Part names in a package are case-insensitive (OPC): two spellings of one name are the same part.
        if (!names.add(e.getName().toLowerCase(Locale.ROOT))) {
          throw reject("DUPLICATE_ENTRY", "the package has the entry " + e.getName() + " more than once");
        }
        if (e.getName().startsWith("/") || e.getName().contains("..") || e.getName().contains("\\")) {
          throw reject("NOT_A_DOCX", "the package has an entry with an unsafe name: " + e.getName());
        }
        long size = e.getSize();
        declared += Math.max(size, 0);
        if (size > MAX_ENTRY_BYTES || declared > MAX_TOTAL_BYTES
            || size > RATIO_FLOOR_BYTES && e.getCompressedSize() > 0 && size / e.getCompressedSize() > MAX_RATIO) {
          throw reject("ZIP_BOMB", "entry " + e.getName() + " expands to " + size + " bytes from " + e.getCompressedSize()
              + "; limits: " + MAX_ENTRY_BYTES + " per entry, " + MAX_TOTAL_BYTES + " in all, ratio " + MAX_RATIO);
        }
      }
      Map<String, byte[]> entries = new LinkedHashMap<>();
      long total = 0;
      for (ZipArchiveEntry e : all) {
        if (e.isDirectory()) {
          continue;
        }
        try (InputStream in = zip.getInputStream(e)) {
          // Declared sizes can lie: count what actually comes out.
          byte[] content = in.readNBytes((int) Math.min(MAX_ENTRY_BYTES, MAX_TOTAL_BYTES - total) + 1);
          total += content.length;
          if (content.length > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
            throw reject("ZIP_BOMB", "entry " + e.getName() + " expands beyond the limits (" + MAX_ENTRY_BYTES
                + " bytes per entry, " + MAX_TOTAL_BYTES + " in all)");
          }
          entries.put(e.getName(), content);
        }
      }
      if (!entries.containsKey("[Content_Types].xml")) {
        throw reject("NOT_A_DOCX", "the package has no [Content_Types].xml");
      }
      return entries;
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnprocessableContentException rejection) {
        throw rejection;
      }
      throw reject("NOT_A_DOCX", "the zip package is damaged or uses an unsupported format");
    }
  }

  private static void checkEntry(String name, byte[] content) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbadata.xml")) {
      throw reject("MACRO", "it contains macros (" + name + ")");
    }
    if (lower.contains("/activex/") || lower.contains("/embeddings/")) {
      throw reject("EMBEDDED_OBJECT", "it contains an embedded object or ActiveX control (" + name + ")");
    }
    if (!lower.endsWith(".xml") && !lower.endsWith(".rels")) {
      return;
    }
    String head = new String(content, StandardCharsets.ISO_8859_1);
    if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
      throw reject("DTD", name + " declares a DTD or entities, which Word documents never need");
    }
    try {
      scanXml(name, content);
    } catch (XMLStreamException e) {
      throw reject("MALFORMED_XML", name + " is not well-formed XML");
    }
  }

  private static void scanXml(String name, byte[] content) throws XMLStreamException {
    XMLStreamReader r = SafeXml.reader(content);
    StringBuilder instruction = null;
    boolean inInstrText = false;
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.DTD) {
        throw reject("DTD", name + " declares a DTD, which Word documents never need");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        String element = r.getLocalName();
        switch (element) {
          case "Relationship" -> checkRelationship(name, r.getAttributeValue(null, "Type"),
              r.getAttributeValue(null, "TargetMode"), r.getAttributeValue(null, "Target"));
          case "Override", "Default" -> {
            String type = String.valueOf(r.getAttributeValue(null, "ContentType")).toLowerCase(Locale.ROOT);
            if (type.contains("macroenabled") || type.contains("vba")) {
              throw reject("MACRO", "it declares macro content (" + type + ")");
            }
          }
          case "altChunk" -> throw reject("ALT_CHUNK", name + " imports external content with altChunk");
          case "fldSimple" -> checkField(name, attribute(r, "instr"));
          case "fldChar" -> {
            String type = attribute(r, "fldCharType");
            if ("begin".equals(type)) {
              instruction = new StringBuilder();
            } else if (instruction != null) {
              checkField(name, instruction.toString());
              instruction = null;
            }
          }
          case "instrText" -> inInstrText = true;
          default -> { }
        }
      } else if (event == XMLStreamConstants.END_ELEMENT && "instrText".equals(r.getLocalName())) {
        inInstrText = false;
      } else if (inInstrText && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
        if (instruction == null) {
          instruction = new StringBuilder();
        }
        instruction.append(r.getText());
      }
    }
    if (instruction != null) {
      checkField(name, instruction.toString());
    }
  }

  private static String attribute(XMLStreamReader r, String localName) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (r.getAttributeLocalName(i).equals(localName)) {
        return r.getAttributeValue(i);
      }
    }
    return null;
  }

  private static void checkRelationship(String name, String type, String mode, String target) {
    String t = String.valueOf(type);
    if ("External".equalsIgnoreCase(mode)) {
      throw reject("EXTERNAL_RELATIONSHIP", name + " links to something outside the document (" + target + ")");
    }
    if (t.endsWith("/aFChunk")) {
      throw reject("ALT_CHUNK", name + " imports content with altChunk");
    }
    if (t.contains("vbaProject")) {
      throw reject("MACRO", "it contains macros (" + name + ")");
    }
    if (t.endsWith("/oleObject") || t.endsWith("/package") || t.endsWith("/control")) {
      throw reject("EMBEDDED_OBJECT", name + " embeds an object or control");
    }
  }

  private static void checkField(String name, String instruction) {
    String code = instruction == null ? "" : instruction.strip().split("[\\s\\\\\"]+", 2)[0].toUpperCase(Locale.ROOT);
    if (!code.isEmpty() && !ALLOWED_FIELDS.contains(code)) {
      throw reject("FIELD_CODE", name + " contains the field code " + code + "; only " + new java.util.TreeSet<>(ALLOWED_FIELDS)
          + " are accepted, because others can fetch content from outside the document or run commands");
    }
  }

  private static UnprocessableContentException reject(String reason, String detail) {
    return new UnprocessableContentException(reason, "Template rejected (" + reason + "): " + detail
        + ". Fix the file in Word and upload it again.");
  }
}
