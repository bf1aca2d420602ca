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

  /**
   * Submits the form with this id on the page at {@code page}, as its button would (the page's CSRF token, no other
   * fields), and returns the answer without following a redirect.
   */
  HttpResponse<String> submit(String page, String formId) throws IOException, InterruptedException {
    String body = get(page).body();
    Matcher form = Pattern.compile("<form[^>]*id=\"" + Pattern.quote(formId) + "\"[^>]*>").matcher(body);
    if (!form.find()) {
      throw new IllegalStateException(page + " has no form " + formId);
    }
    Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.group());
    Matcher token = CSRF.matcher(body.substring(form.start()));
    if (!action.find() || !token.find()) {
      throw new IllegalStateException("Form " + formId + " on " + page + " has no action or CSRF token");
    }
    return http.send(HttpRequest.newBuilder(URI.create(base + action.group(1).replace("&amp;", "&")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(token.group(1)))).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A POST to {@code path} with the session's CSRF token (taken from the dashboard's sign-out form) and these fields (name, value, ...). */
  HttpResponse<String> post(String path, String... fields) throws IOException, InterruptedException {
    Matcher token = CSRF.matcher(get("/console").body());
    if (!token.find()) {
      throw new IllegalStateException("The dashboard has no CSRF token");
    }
    StringBuilder form = new StringBuilder("_csrf=" + enc(token.group(1)));
    for (int i = 0; i + 1 < fields.length; i += 2) {
      form.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
    }
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
