package io.cordon.offboarding;

import io.cordon.platform.FormValues;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The offboarding's process variables, in one place: IDs, codes and small decisions only. */
final class OffboardingVariables {

  // Start (form, REST or another process)
  static final String PARTNER_CODE = "partnerCode";
  static final String OFFBOARDING_REASON = "offboardingReason";
  /** Comma-separated disclosure ids; empty for the whole relationship. */
  static final String DISCLOSURE_IDS = "disclosureIds";
  // Set by the request check
  static final String OFFBOARDING_ID = "offboardingId";
  static final String WHOLE_RELATIONSHIP = "wholeRelationship";
  /** Comma-separated secret codes of the items (also read by the reminder and escalation mails). */
  static final String SECRET_CODES = "secretCodes";
  /** The items for the form: {@code disclosureId:secretCode:ndaReference}, separated by commas. */
  static final String OFFBOARDING_ITEMS = "offboardingItems";
  // Set by certificate generation: comma-separated, one certificate per NDA reference
  static final String NDA_REFERENCES = "ndaReferences";
  // Upload form
  static final String SIGNED_CERTIFICATE_FILE = "signedCertificateFile";
  static final String SIGNATURE_DATE = "signatureDate";
  static final String SIGNATORY = "signatory";
  /** RETURNED or DESTROYED for every item, or PER_ITEM to use {@link #ITEM_OUTCOMES}. */
  static final String OUTCOME_FOR_ALL = "outcomeForAll";
  /** Per item: {@code TS-0001=RETURNED,TS-0002=DESTROYED}. */
  static final String ITEM_OUTCOMES = "itemOutcomes";

  static final String PER_ITEM = "PER_ITEM";

  private OffboardingVariables() {
  }

  static String string(VariableScope scope, String name) {
    return FormValues.string(scope, name);
  }

  static long id(VariableScope scope, String name) {
    return ((Number) scope.getVariable(name)).longValue();
  }

  /** Comma-separated disclosure ids; a token that is not a number is refused with its text. */
  static List<Long> ids(VariableScope scope, String name) {
    String value = string(scope, name);
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(s -> {
      try {
        return Long.valueOf(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + s + "' is not a disclosure id (a number).");
      }
    }).toList();
  }

  /**
   * Each item's outcome by secret code: the per-item choices if the form chose PER_ITEM, else the one choice for all.
   * An unreadable entry is refused with its text.
   */
  static Map<String, String> outcomes(VariableScope scope, List<String> secretCodes) {
    String forAll = string(scope, OUTCOME_FOR_ALL);
    Map<String, String> outcomes = new LinkedHashMap<>();
    if (PER_ITEM.equals(forAll) || (forAll == null && string(scope, ITEM_OUTCOMES) != null)) {
      String text = string(scope, ITEM_OUTCOMES);
      for (String entry : text == null ? new String[0] : text.split("[,;\\r\\n]+")) {
        if (entry.isBlank()) {
          continue;
        }
        String[] pair = entry.split("=", 2);
        if (pair.length != 2 || pair[0].isBlank()) {
          throw new IllegalArgumentException("Write each item's outcome as TS-0001=RETURNED, not '" + entry.strip() + "'.");
        }
        outcomes.put(pair[0].strip(), pair[1].strip().toUpperCase(java.util.Locale.ROOT));
      }
    } else if (forAll != null) {
      secretCodes.forEach(code -> outcomes.put(code, forAll));
    }
    return outcomes;
  }
}
