package io.cordon.spreadsheet;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One data row being read: typed access to its cells, and the errors found in it, each naming its cell. */
public final class SheetRow {

  private final int number;
  private final SheetLayout.Header header;
  private final String[] cells;
  private final List<RowError> errors = new ArrayList<>();
  private final Set<Column> failed = new LinkedHashSet<>();

  public SheetRow(int number, SheetLayout.Header header, String[] cells) {
    this.number = number;
    this.header = header;
    this.cells = cells;
    errors.addAll(header.stray(number, cells));
  }

  public int number() {
    return number;
  }

  public String text(Column column) {
    return header.get(cells, column);
  }

  public List<String> list(Column column) {
    return ListCells.split(text(column));
  }

  /** An enumeration value; accepts any case, spaces or hyphens for underscores ("Crown jewel" = CROWN_JEWEL). */
  public <E extends Enum<E>> E choice(Column column, Class<E> type) {
    String value = text(column);
    if (value == null) {
      if (column.required()) {
        error(column, "required: one of " + allowed(type));
      }
      return null;
    }
    E e = parse(value, type);
    if (e == null) {
      error(column, "'" + SheetLayout.abbreviate(value) + "' is not one of " + allowed(type));
    }
    return e;
  }

  public <E extends Enum<E>> Set<E> choices(Column column, Class<E> type) {
    Set<E> values = new LinkedHashSet<>();
    for (String item : list(column)) {
      E e = parse(item, type);
      if (e == null) {
        error(column, "'" + SheetLayout.abbreviate(item) + "' is not one of " + allowed(type));
      } else {
        values.add(e);
      }
    }
    return values;
  }

  public void error(Column column, String message) {
    failed.add(column);
    errors.add(new RowError(number, column.header(), header.cell(number, column), message));
  }

  /**
   * Bean-validation results as row errors: the property's column (from {@code columns}), the item number for list
   * elements ("item 3: ..."), and the length found for oversized values. A column that already failed to convert is
   * not reported twice.
   */
  public <T> void violations(Set<ConstraintViolation<T>> violations, Map<String, Column> columns, String itemLabel) {
    Set<String> seen = new LinkedHashSet<>();
    violations.stream().sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString())).forEach(v -> {
      String property = null;
      Integer index = null;
      String sub = null;
      for (Path.Node node : v.getPropertyPath()) {
        if (property == null) {
          property = node.getName();
        } else {
          if (node.getIndex() != null) {
            index = node.getIndex();
          }
          if (node.getName() != null && !node.getName().startsWith("<")) {
            sub = node.getName();
          }
        }
      }
      Column column = columns.get(property);
      if (column == null || failed.contains(column)) {
        return;
      }
      String message = (index == null ? "" : itemLabel + " " + (index + 1) + (sub == null ? "" : " " + sub) + ": ")
          + v.getMessage() + measured(v);
      if (seen.add(column.header() + message)) {
        errors.add(new RowError(number, column.header(), header.cell(number, column), message));
      }
    });
  }

  public List<RowError> errors() {
    return errors;
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  private static String measured(ConstraintViolation<?> v) {
    if (!(v.getConstraintDescriptor().getAnnotation() instanceof Size)) {
      return "";
    }
    if (v.getInvalidValue() instanceof String s) {
      return " (it has " + s.length() + ")";
    }
    if (v.getInvalidValue() instanceof Collection<?> c) {
      return " (it has " + c.size() + " items)";
    }
    return "";
  }

  private static <E extends Enum<E>> E parse(String value, Class<E> type) {
    String name = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String allowed(Class<? extends Enum<?>> type) {
    return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
