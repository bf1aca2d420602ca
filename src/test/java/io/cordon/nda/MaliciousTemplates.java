package io.cordon.nda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real malicious .docx files, built from the shipped certificate template. */
final class MaliciousTemplates {

  static final TemplateCatalogue CATALOGUE = new TemplateCatalogue();
  static final TemplateCatalogue.TemplateInfo CERTIFICATE = CATALOGUE.get("certificate-return-destruction");

  static Map<String, byte[]> base() {
    return new LinkedHashMap<>(DocxPackage.read(CATALOGUE.shipped(CERTIFICATE)).entries());
  }

  static byte[] valid() {
    return CATALOGUE.shipped(CERTIFICATE);
  }

  static String text(Map<String, byte[]> e, String name) {
    return new String(e.get(name), StandardCharsets.UTF_8);
  }

  static void put(Map<String, byte[]> e, String name, String content) {
    e.put(name, content.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] zip(Map<String, byte[]> entries) {
    return new DocxPackage(entries).write();
  }

  static byte[] edit(String part, java.util.function.UnaryOperator<String> change) {
    Map<String, byte[]> e = base();
    put(e, part, change.apply(text(e, part)));
    return zip(e);
  }

  static byte[] withRelationship(String relationship) {
    return edit("word/_rels/document.xml.rels", rels -> rels.replace("</Relationships>", relationship + "</Relationships>"));
  }

  static byte[] withBodyXml(String xml) {
    return edit("word/document.xml", doc -> doc.replaceFirst("<w:body>", "<w:body>" + java.util.regex.Matcher.quoteReplacement(xml)));
  }

  static byte[] macroProject() {
    Map<String, byte[]> e = base();
    e.put("word/vbaProject.bin", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3});
    put(e, "[Content_Types].xml", text(e, "[Content_Types].xml").replace("</Types>",
        "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>"));
    return zip(e);
  }

  static byte[] macroContentType() {
    return edit("[Content_Types].xml", ct -> ct.replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml"));
  }

  static byte[] externalRelationship() {
    return withRelationship("<Relationship Id=\"rId90\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
        + "Target=\"http://attacker.example/track.png\" TargetMode=\"External\"/>");
  }

  static byte[] altChunk() {
    Map<String, byte[]> e = base();
    put(e, "word/afchunk.mht", "MIME-Version: 1.0\r\n\r\n<html>injected</html>");
    put(e, "word/_rels/document.xml.rels", text(e, "word/_rels/document.xml.rels").replace("</Relationships>",
        "<Relationship Id=\"rId91\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk\" Target=\"afchunk.mht\"/></Relationships>"));
    put(e, "word/document.xml", text(e, "word/document.xml").replaceFirst("<w:body>", "<w:body><w:altChunk r:id=\"rId91\"/>"));
    return zip(e);
  }

  /** INCLUDETEXT split over two instrText runs, as Word writes long field codes. */
  static byte[] includeTextField() {
    return withBodyXml("<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> INCLUDE</w:instrText></w:r>"
        + "<w:r><w:instrText xml:space=\"preserve\">TEXT \"C:\\\\secret.txt\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        + "<w:r><w:t>x</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
  }

  static byte[] ddeAutoField() {
    return withBodyXml("<w:p><w:fldSimple w:instr=\" DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe &quot;/k calc&quot; \"><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>");
  }

  static byte[] externalEntity() {
    return edit("word/document.xml", doc -> doc.replaceFirst("\\?>", "?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
        .replaceFirst("<w:body>", "<w:body><w:p><w:r><w:t>&amp;xxe;</w:t></w:r></w:p>".replace("&amp;", "&")));
  }

  /** 100 MiB of zeros, honestly declared. */
  static byte[] zipBomb() {
    Map<String, byte[]> e = base();
    e.put("word/media/filler.bin", new byte[100 << 20]);
    return zip(e);
  }

  /** 40 MiB of zeros whose sizes in the zip headers claim 1,000 bytes. */
  static byte[] lyingZipBomb() {
    Map<String, byte[]> e = base();
    e.put("word/media/liar.bin", new byte[40 << 20]);
    byte[] zip = zip(e);
    byte[] name = "word/media/liar.bin".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + 46 < zip.length; i++) {
      if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 1 && zip[i + 3] == 2
          && java.util.Arrays.equals(zip, i + 46, i + 46 + name.length, name, 0, name.length)) {
        zip[i + 24] = (byte) 0xE8; // uncompressed size = 1000
        zip[i + 25] = 0x03;
        zip[i + 26] = 0;
        zip[i + 27] = 0;
      }
    }
    return zip;
  }

  static byte[] tooManyEntries() {
    Map<String, byte[]> e = base();
    for (int i = 0; i < 400; i++) {
      put(e, "customXml/item" + i + ".xml", "<a/>");
    }
    return zip(e);
  }

  /** Two entries that are one part for Word (part names are case-insensitive). */
  static byte[] caseDuplicate() {
    Map<String, byte[]> e = base();
    e.put("word/Document.xml", e.get("word/document.xml"));
    return zip(e);
  }

  /** The same entry name twice, byte for byte (zip libraries refuse to write this; patched in afterwards). */
  static byte[] exactDuplicate() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var entry : base().entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("word/documenX.xml"));
      zip.write("<evil/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    String latin = new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1).replace("word/documenX.xml", "word/document.xml");
    return latin.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] renamedField() {
    return edit("word/document.xml", doc -> doc.replace("w:val=\"certificate.date\"", "w:val=\"certificate.when\""));
  }

  private MaliciousTemplates() {
  }
}
