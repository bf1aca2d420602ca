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
 *
 * <p>Every part is deflated, but a part the document shares with its template is deflated once per template (the
 * {@code deflated} cache travels with {@link #with}) and its compressed bytes are copied into each document: so
 * each document deflates only the parts it changes, as when the unchanged parts were stored uncompressed, while the
 * documents are about a third of that size, and an evidence pack, which holds thousands of them, does not have to
 * compress them again. The zip is written here rather than by {@link ZipOutputStream}, which cannot take bytes that
 * are already compressed.
 */
record DocxPackage(Map<String, byte[]> entries, java.util.Set<String> changed, Map<String, Deflated> deflated) {

  /** DOS time has no zone; a local date-time is written as is, so the bytes do not depend on the server's time zone. */
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
  private static final int DOS_DATE = ((FIXED_TIME.getYear() - 1980) << 9) | (FIXED_TIME.getMonthValue() << 5) | FIXED_TIME.getDayOfMonth();
  private static final int DOS_TIME = 0;

  /** One part, compressed (raw DEFLATE, as a zip entry holds it). */
  record Deflated(byte[] data, long crc, int size) {
  }

  /** A package whose every entry is compressed when written. */
  DocxPackage(Map<String, byte[]> entries) {
    this(entries, entries.keySet(), new java.util.concurrent.ConcurrentHashMap<>());
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

  /** The package with some parts replaced; the parts it keeps share their compressed form with this package. */
  DocxPackage with(Map<String, byte[]> replaced) {
    Map<String, byte[]> copy = new LinkedHashMap<>(entries);
    copy.putAll(replaced);
    return new DocxPackage(copy, replaced.keySet(), deflated);
  }

  byte[] write() {
    int estimate = entries.values().stream().mapToInt(b -> b.length).sum() / 3 + 1024;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(estimate);
    ByteArrayOutputStream directory = new ByteArrayOutputStream(64 * entries.size());
    int count = 0;
    // [Content_Types].xml first, as Office writes it; then the template's own order.
    java.util.List<String> names = new java.util.ArrayList<>(entries.size());
    if (entries.containsKey("[Content_Types].xml")) {
      names.add("[Content_Types].xml");
    }
    entries.keySet().stream().filter(n -> !n.equals("[Content_Types].xml")).forEach(names::add);
    for (String name : names) {
      byte[] content = entries.get(name);
      if (content == null) {
        continue;
      }
      Deflated d = changed.contains(name) ? deflate(content) : deflated.computeIfAbsent(name, n -> deflate(content));
      writeEntry(bytes, directory, name, d);
      count++;
    }
    int directoryOffset = bytes.size();
    bytes.writeBytes(directory.toByteArray());
    // End of central directory.
    int32(bytes, 0x06054b50);
    int16(bytes, 0);
    int16(bytes, 0);
    int16(bytes, count);
    int16(bytes, count);
    int32(bytes, directory.size());
    int32(bytes, directoryOffset);
    int16(bytes, 0);
    return bytes.toByteArray();
  }

  private static Deflated deflate(byte[] content) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(content);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 3 + 64);
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        int n = deflater.deflate(buffer);
        out.write(buffer, 0, n);
      }
      CRC32 crc = new CRC32();
      crc.update(content);
      return new Deflated(out.toByteArray(), crc.getValue(), content.length);
    } finally {
      deflater.end();
    }
  }

  /** A local file header with the data, and its central directory record (DEFLATE, fixed time, UTF-8 name). */
  private static void writeEntry(ByteArrayOutputStream out, ByteArrayOutputStream directory, String name, Deflated d) {
    byte[] nameBytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int offset = out.size();
    int32(out, 0x04034b50);
    int16(out, 20);
    int16(out, 0x0800);
    int16(out, 8);
    int16(out, DOS_TIME);
    int16(out, DOS_DATE);
    int32(out, (int) d.crc());
    int32(out, d.data().length);
    int32(out, d.size());
    int16(out, nameBytes.length);
    int16(out, 0);
    out.writeBytes(nameBytes);
    out.writeBytes(d.data());
    int32(directory, 0x02014b50);
    int16(directory, 20);
    int16(directory, 20);
    int16(directory, 0x0800);
    int16(directory, 8);
    int16(directory, DOS_TIME);
    int16(directory, DOS_DATE);
    int32(directory, (int) d.crc());
    int32(directory, d.data().length);
    int32(directory, d.size());
    int16(directory, nameBytes.length);
    int16(directory, 0);
    int16(directory, 0);
    int16(directory, 0);
    int16(directory, 0);
    int32(directory, 0);
    int32(directory, offset);
    directory.writeBytes(nameBytes);
  }

  private static void int16(ByteArrayOutputStream out, int v) {
    out.write(v & 0xff);
    out.write((v >>> 8) & 0xff);
  }

  private static void int32(ByteArrayOutputStream out, int v) {
    int16(out, v & 0xffff);
    int16(out, (v >>> 16) & 0xffff);
  }
}
