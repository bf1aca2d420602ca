package io.cordon.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ZipContainersTest {

  private static byte[] docx(boolean storeBody) throws IOException {
    byte[] body = "<w:document>".concat("text ".repeat(2_000)).concat("</w:document>").getBytes();
    byte[] logo = new byte[4_000];
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, "[Content_Types].xml", "<Types/>".getBytes(), true);
      put(zip, "word/document.xml", body, storeBody);
      put(zip, "word/media/logo.png", logo, true);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, byte[] content, boolean stored) throws IOException {
    ZipEntry e = new ZipEntry(name);
    if (stored) {
      CRC32 crc = new CRC32();
      crc.update(content);
      e.setMethod(ZipEntry.STORED);
      e.setSize(content.length);
      e.setCompressedSize(content.length);
      e.setCrc(crc.getValue());
    }
    zip.putNextEntry(e);
    zip.write(content);
    zip.closeEntry();
  }

  @Test
  void aContainerWhosePartsAreCompressedIsStoredAsItIs() throws IOException {
    // small stored parts and images do not count
    assertThat(ZipContainers.compressed("ndas/NDA-1/v1.docx", docx(false))).isTrue();
    assertThat(ZipContainers.compressed("lineage.xlsx", docx(false))).isTrue();
  }

  @Test
  void aContainerWithALargeStoredPartOrAnotherFileIsDeflated() throws IOException {
    assertThat(ZipContainers.compressed("ndas/NDA-1/v1.docx", docx(true))).isFalse();
    assertThat(ZipContainers.compressed("events.jsonl", docx(false))).isFalse();
    assertThat(ZipContainers.compressed("ndas/NDA-1/executed-v1.docx", "%PDF-1.4 not a zip".getBytes())).isFalse();
    assertThat(ZipContainers.compressed("x.docx", new byte[0])).isFalse();
  }
}
