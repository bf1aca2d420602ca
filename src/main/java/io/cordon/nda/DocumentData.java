package io.cordon.nda;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a template is filled with, already as text: field values by tag, the clauses for the {@code clauses}
 * block, one map of row fields per Schedule A row, and the document properties.
 */
record DocumentData(Map<String, String> fields, List<ClauseBlock> clauses, List<Map<String, String>> rows, String title,
    String author, LocalDate date) {

  DocumentData {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    clauses = List.copyOf(clauses);
    rows = List.copyOf(rows);
  }

  /** A numbered clause: its title and paragraphs per language. */
  record ClauseBlock(String number, Map<String, String> title, Map<String, List<String>> paragraphs) {
  }
}
