package io.cordon.dispute;

/**
 * Whether a file of a pack is a ZIP container (.docx, .xlsx) whose parts are already compressed, read from its central
 * directory without unpacking it: deflating such a file again gains a few per cent for the full cost of deflating.
 */
final class ZipContainers {

  /** A stored (uncompressed) part up to this size does not make a container worth deflating again. */
  private static final int SMALL_PART = 1024;

  private ZipContainers() {
  }

  static boolean compressed(String path, byte[] zip) {
    if (!(path.endsWith(".docx") || path.endsWith(".xlsx")) || zip.length < 22) {
      return false;
    }
    int end = -1;
    for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
      if (int32(zip, i) == 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      return false;
    }
    int entries = int16(zip, end + 10);
    long at = int32(zip, end + 16) & 0xffffffffL;
    for (int n = 0; n < entries; n++) {
      if (at + 46 > zip.length || int32(zip, (int) at) != 0x02014b50) {
        return false;
      }
      int p = (int) at;
      int method = int16(zip, p + 10);
      long size = int32(zip, p + 24) & 0xffffffffL;
      int nameLength = int16(zip, p + 28);
      String name = new String(zip, p + 46, Math.min(nameLength, zip.length - p - 46), java.nio.charset.StandardCharsets.UTF_8);
      boolean media = name.contains("/media/");
      if (method == 0 && size > SMALL_PART && !media) {
        return false;
      }
      at = at + 46 + nameLength + int16(zip, p + 30) + int16(zip, p + 32);
    }
    return true;
  }

  private static int int16(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
  }

  private static int int32(byte[] b, int i) {
    return int16(b, i) | int16(b, i + 2) << 16;
  }
}
