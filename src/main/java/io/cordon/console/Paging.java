package io.cordon.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The list's query string without its page number, so page links keep the filters ({@code "status=ACTIVE&"}). */
final class Paging {

  private Paging() {
  }

  static String filters(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null || query.isBlank()) {
      return "";
    }
    String kept = Arrays.stream(query.split("&")).filter(p -> !p.isEmpty() && !p.startsWith("page="))
        .collect(Collectors.joining("&"));
    return kept.isEmpty() ? "" : kept + "&";
  }
}
