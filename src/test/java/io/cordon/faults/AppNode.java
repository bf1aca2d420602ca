package io.cordon.faults;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One Cordon node: the packaged application ({@code target/cordon-*.jar}, built by {@code package} before the
 * integration tests) in a JVM of its own, on MariaDB/MySQL, with the demo users to drive it. Killed with SIGKILL
 * ({@link Process#destroyForcibly()}), as a power cut or the OOM killer would: no shutdown hook, no last commit.
 */
final class AppNode {

  private final String name;
  private final Map<String, String> environment;
  private final List<String> arguments;
  private final Path log;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process process;
  private int starts;
  private long mark;

  AppNode(String name, Map<String, String> environment, List<String> arguments) {
    this.name = name;
    this.environment = environment;
    this.arguments = arguments;
    this.port = freePort();
    this.log = Path.of("target", "faults", name + ".log");
  }

  static Path jar() {
    File[] jars = new File("target").listFiles((dir, file) -> file.matches("cordon-.*\\.jar") && !file.endsWith("-plain.jar"));
    if (jars == null || jars.length == 0) {
      throw new IllegalStateException("No target/cordon-*.jar: these tests run after 'package' (./mvnw verify)");
    }
    return jars[0].toPath();
  }

  void start() throws IOException {
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx640m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(), "--server.port=" + port));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(starts++ == 0 ? ProcessBuilder.Redirect.to(log.toFile()) : ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    process = builder.start();
  }

  /** Waits until the node answers on HTTP (health may be DOWN or UP: it serves). */
  void awaitUp(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see " + log);
      }
      try {
        int status = http.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200 || status == 503) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " did not start within " + timeout + "; see " + log);
  }

  void kill() throws InterruptedException {
    // The JVM's children (LibreOffice converting a document) are cut off with it, as by a power cut.
    List<ProcessHandle> children = process.descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    process.waitFor();
  }

  /** Remembers where the log ends now, for {@link #loggedSinceMark}. */
  void markLog() {
    mark = log.toFile().length();
  }

  /** Whether the node logged {@code text} since {@link #markLog}. */
  boolean loggedSinceMark(String text) {
    try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      if (length <= mark) {
        return false;
      }
      byte[] tail = new byte[(int) Math.min(length - mark, 4_000_000)];
      file.seek(mark);
      file.readFully(tail);
      return new String(tail, StandardCharsets.UTF_8).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** Whether the node is running a child process whose command contains {@code name} (LibreOffice: "soffice"). */
  boolean runningChild(String name) {
    return process != null && process.descendants()
        .anyMatch(child -> child.info().commandLine().orElse(child.info().command().orElse("")).contains(name));
  }

  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  long pid() {
    return process.pid();
  }

  HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
    return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String user, String path, String json) throws IOException, InterruptedException {
    return http.send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String user, String path) {
    // Demo users' passwords are their names.
    String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + basic);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  String name() {
    return name;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
