package io.cordon.secret;

import io.cordon.spreadsheet.Column;
import io.cordon.spreadsheet.ListCells;
import io.cordon.spreadsheet.SheetLayout;
import io.cordon.spreadsheet.SheetRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The register of secrets as a sheet: the template's columns, a row to {@link SecretDetails} on import, and a
 * {@link SecretView} to a row on export. The same columns both ways is what lets an export be imported again.
 */
final class SecretSheet {

  static final Column CODE = Column.optional("Code", 10,
      "TS- and at least 4 digits (TS-0042). Empty: the next free code is assigned. Given: kept as is; it must not exist yet.");
  static final Column TITLE = Column.required("Title", 32, "At most 200 characters, one line, no control characters.");
  static final Column SUMMARY = Column.optional("Summary", 40,
      "A summary that does not reveal the secret, at most 2,000 characters; line breaks allowed.");
  static final Column CATEGORY = Column.required("Category", 12, "One of " + String.join(", ", names(SecretCategory.class)) + ".");
  static final Column CLASSIFICATION = Column.required("Classification", 15, "One of " + String.join(", ", names(Classification.class)) + ".");
  static final Column OWNER = Column.required("Owner", 12,
      "User id of a member of group secret-owners (oscar). A secret owner may import only secrets it owns.");
  static final Column SYSTEMS = Column.optional("Systems", 28,
      "Systems holding it: up to 20 names of at most 90 characters, separated by '; '.");
  static final Column SITES = Column.optional("Sites", 24, "Sites holding it: up to 20 names of at most 90 characters, separated by '; '.");
  static final Column COUNTRIES = Column.optional("Countries", 12,
      "Up to 100 ISO 3166 alpha-2 country codes, separated by '; ' (DE; CN).");
  static final Column MEASURES = Column.optional("Protection measures", 28,
      "Any of " + String.join(", ", names(ProtectionMeasure.class)) + ", separated by '; '.");
  static final Column STATUS = Column.exportOnly("Status", 12, "Export only (ignored on import): ACTIVE, RETIRED, AT_RISK or COMPROMISED. Imported secrets are ACTIVE.");
  static final Column VERSION = Column.exportOnly("Version", 9, "Export only (ignored on import).");
  static final Column CREATED = Column.exportOnly("Created", 21, "Export only (ignored on import): ISO 8601, UTC.");
  static final Column UPDATED = Column.exportOnly("Updated", 21, "Export only (ignored on import): ISO 8601, UTC.");
  static final Column REDACTED = Column.exportOnly("Redacted", 10,
      "Export only: 'yes' for a crown jewel whose details you may not see (only code, classification and status are shown).");

  static final SheetLayout LAYOUT = new SheetLayout(List.of(CODE, TITLE, SUMMARY, CATEGORY, CLASSIFICATION, OWNER, SYSTEMS,
      SITES, COUNTRIES, MEASURES, STATUS, VERSION, CREATED, UPDATED, REDACTED));

  static final Map<String, Column> PROPERTIES = Map.of("title", TITLE, "summary", SUMMARY, "category", CATEGORY,
      "classification", CLASSIFICATION, "ownerId", OWNER, "systems", SYSTEMS, "sites", SITES, "countries", COUNTRIES,
      "measures", MEASURES);

  private SecretSheet() {
  }

  static SecretDetails details(SheetRow row) {
    List<String> countries = row.list(COUNTRIES).stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList();
    return new SecretDetails(row.text(TITLE), row.text(SUMMARY), row.choice(CATEGORY, SecretCategory.class),
        row.choice(CLASSIFICATION, Classification.class), row.text(OWNER), row.list(SYSTEMS), row.list(SITES), countries,
        row.choices(MEASURES, ProtectionMeasure.class));
  }

  static List<String> values(SecretView v) {
    List<String> cells = new ArrayList<>(LAYOUT.columns().size());
    cells.add(v.code());
    cells.add(v.title());
    cells.add(v.summary());
    cells.add(name(v.category()));
    cells.add(name(v.classification()));
    cells.add(v.ownerId());
    cells.add(v.systems() == null ? null : ListCells.join(v.systems()));
    cells.add(v.sites() == null ? null : ListCells.join(v.sites()));
    cells.add(v.countries() == null ? null : ListCells.join(v.countries()));
    cells.add(v.measures() == null ? null : ListCells.join(v.measures().stream().sorted().map(Enum::name).toList()));
    cells.add(name(v.status()));
    cells.add(v.version() == null ? null : v.version().toString());
    cells.add(instant(v.createdAt()));
    cells.add(instant(v.updatedAt()));
    cells.add(v.redacted() ? "yes" : "no");
    return cells;
  }

  static List<String> names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  private static String instant(Instant i) {
    return i == null ? null : i.toString();
  }
}
