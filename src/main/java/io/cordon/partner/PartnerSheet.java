package io.cordon.partner;

import io.cordon.spreadsheet.Column;
import io.cordon.spreadsheet.ListCells;
import io.cordon.spreadsheet.SheetLayout;
import io.cordon.spreadsheet.SheetRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The register of partners as a sheet: the template's columns, a row to {@link PartnerDetails}, a view to a row. */
final class PartnerSheet {

  static final Column CODE = Column.optional("Code", 10,
      "P- and at least 4 digits (P-0042). Empty: the next free code is assigned. Given: kept as is; it must not exist yet.");
  static final Column LEGAL_NAME = Column.required("Legal name", 32, "At most 200 characters, one line.");
  static final Column NATIVE_NAME = Column.optional("Native name", 24, "The name in its own script, at most 200 characters.");
  static final Column COUNTRY = Column.required("Country", 9, "ISO 3166 alpha-2 country code (DE, CN).");
  static final Column REGISTRATION_ID = Column.optional("Registration ID", 18, "Company register number, at most 64 characters.");
  static final Column ADDRESS = Column.optional("Address", 36, "Registered address (printed in NDAs), at most 500 characters.");
  static final Column TYPE = Column.required("Type", 22, "One of " + String.join(", ", names(PartnerType.class)) + ".");
  static final Column PARENT = Column.optional("Parent code", 12,
      "Code of the parent company: a partner in the register or a row of this file (P-0007).");
  static final Column CONTACTS = Column.optional("Contacts", 44,
      "Up to 10 contacts as Name <e-mail> (role), separated by '; '; the role is optional. "
          + "Example: Li Wei <li.wei@example.cn> (quality); Anna Berg <anna@example.de>");
  static final Column STATUS = Column.exportOnly("Status", 12, "Export only (ignored on import). Imported partners are PROSPECT.");
  static final Column RISK_TIER = Column.exportOnly("Risk tier", 10, "Export only (ignored on import): set by due diligence.");
  static final Column RECERTIFICATION = Column.exportOnly("Next re-certification", 12,
      "Export only (ignored on import): ISO date, set by re-certification.");
  static final Column VERSION = Column.exportOnly("Version", 9, "Export only (ignored on import).");
  static final Column CREATED = Column.exportOnly("Created", 21, "Export only (ignored on import): ISO 8601, UTC.");
  static final Column UPDATED = Column.exportOnly("Updated", 21, "Export only (ignored on import): ISO 8601, UTC.");

  static final SheetLayout LAYOUT = new SheetLayout(List.of(CODE, LEGAL_NAME, NATIVE_NAME, COUNTRY, REGISTRATION_ID, ADDRESS, TYPE,
      PARENT, CONTACTS, STATUS, RISK_TIER, RECERTIFICATION, VERSION, CREATED, UPDATED));

  static final Map<String, Column> PROPERTIES = Map.of("legalName", LEGAL_NAME, "nativeName", NATIVE_NAME, "country", COUNTRY,
      "registrationId", REGISTRATION_ID, "address", ADDRESS, "type", TYPE, "parentCode", PARENT, "contacts", CONTACTS);

  /** "Name <e-mail> (role)": the last pair of angle brackets holds the address, a trailing parenthesis the role. */
  private static final Pattern CONTACT = Pattern.compile("(.*)<([^<>]*)>\\s*(?:\\((.*)\\))?");

  private PartnerSheet() {
  }

  static PartnerDetails details(SheetRow row) {
    String country = row.text(COUNTRY);
    String parent = row.text(PARENT);
    List<Contact> contacts = new ArrayList<>();
    List<String> items = row.list(CONTACTS);
    for (int i = 0; i < items.size(); i++) {
      Matcher m = CONTACT.matcher(items.get(i));
      if (m.matches()) {
        contacts.add(new Contact(blankToNull(m.group(1)), m.group(2).strip(), blankToNull(m.group(3))));
      } else {
        row.error(CONTACTS, "contact " + (i + 1) + ": write it as Name <e-mail> (role), the role is optional");
      }
    }
    return new PartnerDetails(row.text(LEGAL_NAME), row.text(NATIVE_NAME),
        country == null ? null : country.toUpperCase(Locale.ROOT), row.text(REGISTRATION_ID), row.text(ADDRESS),
        row.choice(TYPE, PartnerType.class),
        parent == null ? null : parent.toUpperCase(Locale.ROOT), contacts);
  }

  static List<String> values(PartnerView v) {
    List<String> cells = new ArrayList<>(LAYOUT.columns().size());
    cells.add(v.code());
    cells.add(v.legalName());
    cells.add(v.nativeName());
    cells.add(v.country());
    cells.add(v.registrationId());
    cells.add(v.address());
    cells.add(v.type() == null ? null : v.type().name());
    cells.add(v.parentCode());
    cells.add(ListCells.join(v.contacts().stream().map(PartnerSheet::contact).toList()));
    cells.add(v.status() == null ? null : v.status().name());
    cells.add(v.riskTier() == null ? null : v.riskTier().name());
    cells.add(v.nextRecertification() == null ? null : v.nextRecertification().toString());
    cells.add(Long.toString(v.version()));
    cells.add(instant(v.createdAt()));
    cells.add(instant(v.updatedAt()));
    return cells;
  }

  static String contact(Contact c) {
    return c.name() + " <" + c.email() + ">" + (c.role() == null || c.role().isBlank() ? "" : " (" + c.role() + ")");
  }

  static List<String> names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String instant(Instant i) {
    return i == null ? null : i.toString();
  }
}
