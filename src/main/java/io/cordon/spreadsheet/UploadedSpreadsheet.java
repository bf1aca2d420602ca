package io.cordon.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded workbook copied to a private temporary file (POI reads a file through its zip-bomb guards without
 * holding it in memory), with its SHA-256 for the evidence chain. Closing deletes the copy.
 */
public final class UploadedSpreadsheet implements AutoCloseable {

  private final Path path;
  private final String sha256;
  private final String name;

  private UploadedSpreadsheet(Path path, String sha256, String name) {
    this.path = path;
    this.sha256 = sha256;
    this.name = name;
  }

  public static UploadedSpreadsheet of(MultipartFile file, SpreadsheetLimits limits) {
    if (file == null || file.isEmpty()) {
      throw SpreadsheetRejectedException.unsupported("The upload is empty: send the workbook as the multipart part 'file'.");
    }
    if (file.getSize() > limits.maxFileBytes()) {
      throw SpreadsheetRejectedException.tooLarge("The file has " + file.getSize() + " bytes; one import takes at most "
          + limits.maxFileBytes() + " bytes. Split it and import the parts one after another.");
    }
    try (InputStream in = file.getInputStream()) {
      return of(in, file.getOriginalFilename());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static UploadedSpreadsheet of(InputStream in, String originalName) throws IOException {
    Path path = Files.createTempFile("cordon-import-", ".xlsx");
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (DigestInputStream digesting = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(path)) {
        digesting.transferTo(out);
      }
      String name = originalName == null ? "" : originalName.length() > 200 ? originalName.substring(0, 200) : originalName;
      return new UploadedSpreadsheet(path, HexFormat.of().formatHex(sha.digest()), name);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(path);
      throw e;
    } catch (NoSuchAlgorithmException e) {
      Files.deleteIfExists(path);
      throw new IllegalStateException(e);
    }
  }

  public Path path() {
    return path;
  }

  public String sha256() {
    return sha256;
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      path.toFile().deleteOnExit();
    }
  }
}
