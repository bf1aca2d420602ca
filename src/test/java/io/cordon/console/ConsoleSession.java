package io.cordon.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in console user over plain HTTP: the login page's form (with its CSRF token), then the session cookie. */
final class ConsoleSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  private ConsoleSession(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  static ConsoleSession anonymous(int port) {
    return new ConsoleSession(port);
  }

  static ConsoleSession signIn(int port, String user) throws IOException, InterruptedException {
    ConsoleSession session = new ConsoleSession(port);
    Matcher token = CSRF.matcher(session.get("/console/login").body());
    if (!token.find()) {
      throw new IllegalStateException("The login page has no CSRF token");
    }
    String form = "username=" + enc(user) + "&password=" + enc(user) + "&_csrf=" + enc(token.group(1));
    HttpResponse<String> login = session.http.send(HttpRequest.newBuilder(URI.create(session.base + "/console/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 302 || !login.headers().firstValue("Location").orElse("").endsWith("/console")) {
      throw new IllegalStateException(user + " could not sign in: " + login.statusCode());
    }
    return session;
  }

  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends a form of the page at {@code page} as the browser would, with the page's CSRF token. */
  HttpResponse<String> post(String page, String path) throws IOException, InterruptedException {
    Matcher token = CSRF.matcher(get(page).body());
    if (!token.find()) {
      throw new IllegalStateException("The page " + page + " has no CSRF token");
    }
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
        "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(token.group(1))))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
