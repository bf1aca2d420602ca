package io.cordon.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.notification.Inbox;
import io.cordon.notification.OutboxSender;
import io.cordon.recertification.Period;
import io.cordon.recertification.RecertificationFixture;
import io.cordon.recertification.RecertificationService;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/** A partner contact's side of the portal in tests: its mail, its link, its requests over plain HTTP. */
final class PortalClient {

  static final Pattern LINK = Pattern.compile("/partner/r/([A-Za-z0-9_-]{43})");

  private final int port;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  PortalClient(int port) {
    this.port = port;
  }

  /** Moves the engine clock to the period's request time and fires the window timer: the request goes out. */
  static Period openWindow(RecertificationService service, ManagementService management, RecertificationFixture.Partner p) {
    Period period = service.periods(p.code()).get(0);
    ClockUtil.setCurrentTime(Date.from(period.requestAt()));
    Job job = management.createJobQuery().processInstanceId(p.process().getId()).activityId("TimerEvent_WindowOpens")
        .singleResult();
    management.executeJob(job.getId());
    return period;
  }

  /** Sends the outbox and returns the token of the newest link mail to this address. */
  static String tokenFromMail(OutboxSender sender, String address) throws Exception {
    sender.sweep();
    List<MimeMessage> mails = Inbox.to(address);
    for (int i = mails.size() - 1; i >= 0; i--) {
      Matcher m = LINK.matcher(Inbox.text(mails.get(i)));
      if (m.find()) {
        String token = m.group(1);
        assertThat(Inbox.html(mails.get(i))).as("the HTML part carries the same link").contains("/partner/r/" + token);
        return token;
      }
    }
    throw new AssertionError("no link mail to " + address);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> bytes(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> page(String token) throws Exception {
    return get("/partner/r/" + token);
  }

  HttpResponse<String> post(String token, Map<String, String> form) throws Exception {
    return post(token, form, null);
  }

  HttpResponse<String> post(String token, Map<String, String> form, String origin) throws Exception {
    String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/partner/r/" + token))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A form with a file, as a browser sends it ({@code multipart/form-data}). */
  HttpResponse<String> upload(String token, Map<String, String> form, String fileField, String fileName,
      String contentType, byte[] content) throws Exception {
    String boundary = "----cordon" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (Map.Entry<String, String> e : form.entrySet()) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
          + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    if (fileField != null) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
          + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(content);
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(uri("/partner/r/" + token))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request that only claims a huge body (the page must refuse it before reading). Returns the status line. */
  String claimHugeUpload(String token, long length) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      String head = "POST /partner/r/" + token + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
          + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + length + "\r\n\r\n--x\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          StandardCharsets.UTF_8));
      StringBuilder response = new StringBuilder(in.readLine());
      String line;
      while ((line = in.readLine()) != null && !line.contains("</html>")) {
        response.append('\n').append(line);
      }
      return response.toString();
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** The HTML text of an element with this id (the receipt's fields), unescaped enough for hex and numbers. */
  static String field(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
    assertThat(m.find()).as("element #" + id + " in the page").isTrue();
    return m.group(1).strip();
  }
}
