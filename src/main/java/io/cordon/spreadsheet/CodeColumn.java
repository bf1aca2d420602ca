package io.cordon.spreadsheet;

import io.cordon.platform.CodeSequences;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The optional code column of an import: a given code is well formed and appears once in the file. */
public final class CodeColumn {

  private final Column column;
  private final String prefix;
  private final String noun;
  private final Pattern pattern;

  public CodeColumn(Column column, String prefix, String noun) {
    this.column = column;
    this.prefix = prefix;
    this.noun = noun;
    this.pattern = Pattern.compile(Pattern.quote(prefix) + "([0-9]{4,12})");
  }

  /** Marks malformed and repeated codes on their rows; returns each well-formed code with the first row that has it. */
  public <P> Map<String, Integer> check(List<P> rows, Function<P, String> code, Function<P, SheetRow> row) {
    Map<String, Integer> firstRow = new HashMap<>();
    for (P p : rows) {
      String value = code.apply(p);
      if (value == null) {
        continue;
      }
      Matcher m = pattern.matcher(value);
      if (!m.matches() || !CodeSequences.format(prefix, Long.parseLong(m.group(1))).equals(value)) {
        row.apply(p).error(column, "'" + SheetLayout.abbreviate(value) + "' is not a " + noun + " code: " + prefix
            + " and 4 to 12 digits without extra leading zeros (" + CodeSequences.format(prefix, 42)
            + "), or leave it empty to get the next free code");
        continue;
      }
      Integer first = firstRow.putIfAbsent(value, row.apply(p).number());
      if (first != null) {
        row.apply(p).error(column, "duplicate code " + value + ": row " + first + " has it too");
      }
    }
    return firstRow;
  }
}
