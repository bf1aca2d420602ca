package io.cordon.platform;

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

  public static String format(String prefix, long number) {
    return prefix + String.format("%04d", number);
  }
}
