package io.cordon.spreadsheet;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A list in one cell: items joined by {@code "; "}. A semicolon inside an item is doubled ({@code ";;"}), so any
 * item survives export and import unchanged. Items are trimmed, empty items dropped.
 */
public final class ListCells {

  public static final String SEPARATOR = "; ";

  private ListCells() {
  }

  public static String join(List<String> items) {
    return items == null ? "" : items.stream().map(i -> i.replace(";", ";;")).collect(Collectors.joining(SEPARATOR));
  }

  public static List<String> split(String cell) {
    List<String> items = new ArrayList<>();
    if (cell == null) {
      return items;
    }
    StringBuilder item = new StringBuilder();
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == ';' && i + 1 < cell.length() && cell.charAt(i + 1) == ';') {
        item.append(';');
        i++;
      } else if (c == ';') {
        add(items, item);
      } else {
        item.append(c);
      }
    }
    add(items, item);
    return items;
  }

  private static void add(List<String> items, StringBuilder item) {
    String s = item.toString().strip();
    if (!s.isEmpty()) {
      items.add(s);
    }
    item.setLength(0);
  }
}
