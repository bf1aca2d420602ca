package io.cordon.nda;

import io.cordon.platform.ServiceUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * PDF for reading in the browser, by LibreOffice in headless mode (docx4j's own PDF export needs FOP and renders CJK
 * text and tables less faithfully). Also renders the evidence report of an evidence pack.
 *
 * <p>Starting LibreOffice costs seconds (tens of seconds on a busy host), far more than converting a document, so one
 * instance is kept running per node, in a private profile directory, started on first use; it holds a small
 * keep-alive text open, without which LibreOffice quits after the conversion. Each conversion is LibreOffice's own
 * {@code --convert-to} command line: started with the same profile, it hands the conversion to the running instance
 * and waits for it. At most one conversion runs at a time per node, with a time limit; a conversion that overruns
 * stops the instance too, and the next one starts a fresh instance. If the instance cannot be started, each conversion
 * runs in a LibreOffice of its own, as {@code cordon.nda.pdf.warm=false} does. Without LibreOffice the PDF endpoint
 * answers 503 and says what to install.
 */
@Component
public class PdfRenderer implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);
  private static final List<String> KNOWN_LOCATIONS = List.of("/usr/bin/soffice", "/usr/local/bin/soffice",
      "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
      "/Applications/LibreOffice.app/Contents/MacOS/soffice");
  private static final List<String> OPTIONS = List.of("--headless", "--norestore", "--nolockcheck");

  private final String soffice;
  private final long timeoutSeconds;
  private final boolean warm;
  private final Semaphore permits = new Semaphore(1);
  /** The running instance (guarded by {@link #permits}). */
  private Process office;
  private Path officeDir;

  PdfRenderer(@Value("${cordon.nda.pdf.soffice:}") String configured, @Value("${cordon.nda.pdf.timeout-seconds:120}") long timeoutSeconds,
      @Value("${cordon.nda.pdf.warm:true}") boolean warm) {
    this.soffice = configured.isBlank() ? KNOWN_LOCATIONS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null)
        : configured;
    this.timeoutSeconds = timeoutSeconds;
    this.warm = warm;
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
      boolean running = warm && officeRunning();
      Path profile = running ? officeDir.resolve("profile") : dir.resolve("profile");
      List<String> command = new ArrayList<>(List.of(soffice, "-env:UserInstallation=" + profile.toUri()));
      command.addAll(OPTIONS);
      command.addAll(List.of("--convert-to", "pdf", "--outdir", dir.toString(), in.toString()));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        stop(process);
        if (running) {
          stopOffice();
        }
        throw new ServiceUnavailableException("The PDF conversion took longer than " + timeoutSeconds + " s and was stopped.");
      }
      Path pdf = dir.resolve("nda.pdf");
      if (process.exitValue() != 0 || !Files.exists(pdf)) {
        log.warn("LibreOffice failed (exit {}): {}", process.exitValue(), Files.readString(dir.resolve("soffice.log")));
        if (running) {
          stopOffice();
        }
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

  /**
   * True when the kept instance runs and takes conversions; starts it if needed and waits until it accepts
   * connections (its UNO pipe exists), at most the conversion time limit.
   */
  private boolean officeRunning() throws IOException, InterruptedException {
    if (office != null && office.isAlive()) {
      return true;
    }
    stopOffice();
    officeDir = Files.createTempDirectory("cordon-office-");
    Path keepAlive = Files.writeString(officeDir.resolve("keep-alive.txt"), "Cordon keeps this open so that LibreOffice stays running.");
    String pipe = "cordon-" + officeDir.getFileName();
    List<String> command = new ArrayList<>(List.of(soffice, "-env:UserInstallation=" + officeDir.resolve("profile").toUri()));
    command.addAll(OPTIONS);
    command.addAll(List.of("--nologo", "--nodefault", "--accept=pipe,name=" + pipe + ";urp;", keepAlive.toString()));
    long started = System.nanoTime();
    office = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(officeDir.resolve("soffice.log").toFile()).start();
    long deadline = started + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (System.nanoTime() < deadline && office.isAlive()) {
      if (pipeExists(pipe)) {
        log.info("LibreOffice started for PDF rendering in {} ms (pid {})", (System.nanoTime() - started) / 1_000_000, office.pid());
        return true;
      }
      Thread.sleep(100);
    }
    log.warn("LibreOffice did not start within {} s: each conversion runs in a LibreOffice of its own until it does", timeoutSeconds);
    stopOffice();
    return false;
  }

  /** LibreOffice's {@code pipe,name=X} acceptor is the socket {@code OSL_PIPE_<uid>_X} in the temporary directory. */
  private static boolean pipeExists(String pipe) throws IOException {
    for (Path tmp : List.of(Path.of("/tmp"), Path.of(System.getProperty("java.io.tmpdir")))) {
      if (Files.isDirectory(tmp)) {
        try (Stream<Path> entries = Files.list(tmp)) {
          if (entries.map(p -> p.getFileName().toString()).anyMatch(n -> n.startsWith("OSL_PIPE_") && n.endsWith("_" + pipe))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void stopOffice() {
    if (office != null) {
      stop(office);
      office = null;
    }
    if (officeDir != null) {
      deleteQuietly(officeDir);
      officeDir = null;
    }
  }

  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void destroy() {
    try {
      permits.tryAcquire(timeoutSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopOffice();
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("Could not delete {}", dir, e);
    }
  }
}
