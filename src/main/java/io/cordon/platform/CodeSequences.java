package io.cordon.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out human-readable codes ({@code TS-0001}, {@code P-0001}). The counter row is locked for the rest of the
 * caller's transaction, so two nodes never hand out the same code, and a rolled-back insert gives its number back.
 */
@Component
public class CodeSequences {

  private final JdbcTemplate jdbc;

  CodeSequences(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Reserves {@code count} consecutive numbers and returns the first. */
  @Transactional(propagation = Propagation.MANDATORY)
  public long reserve(String name, int count) {
    Long next = jdbc.queryForObject("select next_value from code_sequence where name = ? for update", Long.class, name);
    jdbc.update("update code_sequence set next_value = ? where name = ?", next + count, name);
    return next;
  }

  /** Makes sure numbers up to {@code used} are never handed out (after an import that brought its own codes). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void skipPast(String name, long used) {
    jdbc.update("update code_sequence set next_value = ? where name = ? and next_value <= ?", used + 1, name, used);
  }

  /**
   * Codes for a batch of new records (an import): a given code is kept, and numbers up to the highest given one are
   * never handed out again; a missing one (null) gets the next free code. One lock, one block reservation.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<String> assign(String name, String prefix, List<String> given) {
    long highestGiven = given.stream().filter(Objects::nonNull)
        .mapToLong(code -> Long.parseLong(code.substring(prefix.length()))).max().orElse(0);
    if (highestGiven > 0) {
      skipPast(name, highestGiven);
    }
    int missing = (int) given.stream().filter(Objects::isNull).count();
    long next = missing == 0 ? 0 : reserve(name, missing);
    List<String> codes = new ArrayList<>(given.size());
    for (String code : given) {
      codes.add(code != null ? code : format(prefix, next++));
    }
    return codes;
  }

  /** Which of these codes already exist in the table's {@code code} column (looked up in chunks of 1,000). */
  public Set<String> existing(String table, Collection<String> codes) {
    Set<String> found = new HashSet<>();
    List<String> all = new ArrayList<>(codes);
    for (int i = 0; i < all.size(); i += 1000) {
      List<String> chunk = all.subList(i, Math.min(all.size(), i + 1000));
      found.addAll(jdbc.queryForList("select code from " + table + " where code in (" + "?,".repeat(chunk.size() - 1) + "?)",
          String.class, chunk.toArray()));
    }
    return found;
  }

  public static String format(String prefix, long number) {
    return prefix + String.format("%04d", number);
  }
}
