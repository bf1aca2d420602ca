package io.cordon.nda;

import io.cordon.platform.ServiceUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * PDF for reading in the browser, by LibreOffice in headless mode (docx4j's own PDF export needs FOP and renders CJK
 * text and tables less faithfully). Each conversion runs in a private profile directory with a time limit; at most
 * one runs at a time per node. Without LibreOffice the PDF endpoint answers 503 and says what to install. Also renders
 * the evidence report of an evidence pack.
 */
@Component
public class PdfRenderer {

  private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);
  private static final List<String> KNOWN_LOCATIONS = List.of("/usr/bin/soffice", "/usr/local/bin/soffice",
      "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
      "/Applications/LibreOffice.app/Contents/MacOS/soffice");

  private final String soffice;
  private final long timeoutSeconds;
  private final Semaphore permits = new Semaphore(1);

  PdfRenderer(@Value("${cordon.nda.pdf.soffice:}") String configured, @Value("${cordon.nda.pdf.timeout-seconds:120}") long timeoutSeconds) {
    this.soffice = configured.isBlank() ? KNOWN_LOCATIONS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null)
        : configured;
    this.timeoutSeconds = timeoutSeconds;
    log.info(soffice == null ? "PDF rendering unavailable: LibreOffice (soffice) not found" : "PDF rendering by LibreOffice at {}", soffice);
  }

  public boolean available() {
    return soffice != null;
  }

  public byte[] toPdf(byte[] docx) {
    if (soffice == null) {
      throw new ServiceUnavailableException("PDF rendering is not available on this server: LibreOffice is not installed. "
          + "Download the .docx instead, or ask an administrator to install LibreOffice (or set cordon.nda.pdf.soffice).");
    }
    Path dir = null;
    try {
      if (!permits.tryAcquire(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new ServiceUnavailableException("The PDF converter is busy. Try again in a minute.");
      }
      dir = Files.createTempDirectory("cordon-pdf-");
      Path in = Files.write(dir.resolve("nda.docx"), docx);
      Process process = new ProcessBuilder(soffice, "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless",
          "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", dir.toString(), in.toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new ServiceUnavailableException("The PDF conversion took longer than " + timeoutSeconds + " s and was stopped.");
      }
      Path pdf = dir.resolve("nda.pdf");
      if (process.exitValue() != 0 || !Files.exists(pdf)) {
        log.warn("LibreOffice failed (exit {}): {}", process.exitValue(), Files.readString(dir.resolve("soffice.log")));
        throw new ServiceUnavailableException("The PDF converter failed on this document. Download the .docx instead.");
      }
      return Files.readAllBytes(pdf);
    } catch (IOException e) {
      log.warn("PDF conversion failed", e);
      throw new ServiceUnavailableException("The PDF converter could not be run. Download the .docx instead.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException("The PDF conversion was interrupted.");
    } finally {
      if (dir != null) {
        permits.release();
        deleteQuietly(dir);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("Could not delete {}", dir, e);
    }
  }
}
