package io.cordon.nda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The parts of a .docx as an ordered map of zip entry name to bytes, and its deterministic serialisation: entries
 * in a fixed order, each with the same fixed timestamp and compression, so equal parts give equal bytes.
 */
record DocxPackage(Map<String, byte[]> entries, java.util.Set<String> changed) {

  /** DOS time has no zone; a local date-time is written as is, so the bytes do not depend on the server's time zone. */
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

  /** A package whose every entry is compressed when written. */
  DocxPackage(Map<String, byte[]> entries) {
    this(entries, entries.keySet());
  }

  DocxPackage {
    entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    changed = java.util.Set.copyOf(changed);
  }

  /** Reads a package that is already trusted (validated, or shipped with Cordon). */
  static DocxPackage read(byte[] zip) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (!e.isDirectory()) {
          entries.put(e.getName(), in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable .docx package", e);
    }
    return new DocxPackage(entries);
  }

  byte[] part(String name) {
    return entries.get(name);
  }

  /**
   * The package with some parts replaced. Only the replaced parts are compressed when written; the rest are stored
   * as they are, which keeps generation fast (a zip reader does not care, and the bytes stay deterministic).
   */
  DocxPackage with(Map<String, byte[]> replaced) {
    Map<String, byte[]> copy = new LinkedHashMap<>(entries);
    copy.putAll(replaced);
    return new DocxPackage(copy, replaced.keySet());
  }

  byte[] write() {
    int estimate = entries.values().stream().mapToInt(b -> b.length).sum() / 3 + 1024;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(estimate);
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(Deflater.DEFAULT_COMPRESSION);
      // [Content_Types].xml first, as Office writes it; then the template's own order.
      writeEntry(zip, "[Content_Types].xml", entries.get("[Content_Types].xml"), changed.contains("[Content_Types].xml"));
      for (var e : entries.entrySet()) {
        if (!e.getKey().equals("[Content_Types].xml")) {
          writeEntry(zip, e.getKey(), e.getValue(), changed.contains(e.getKey()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeEntry(ZipOutputStream zip, String name, byte[] content, boolean deflate) throws IOException {
    if (content == null) {
      return;
    }
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(FIXED_TIME);
    if (!deflate) {
      CRC32 crc = new CRC32();
      crc.update(content);
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(content.length);
      entry.setCompressedSize(content.length);
      entry.setCrc(crc.getValue());
    }
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }
}
