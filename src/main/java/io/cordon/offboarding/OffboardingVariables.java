package io.cordon.offboarding;

import io.cordon.offboarding.OffboardingForms.Certificate;
import io.cordon.workflow.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables {@code OffboardingProcess} writes itself: IDs, codes and small decisions only. What users submit is in
 * {@link OffboardingForms}; the form gate keeps users from writing any of these.
 */
final class OffboardingVariables {

  static final Variable<String> PARTNER_CODE = Variable.text(OffboardingForms.Request.PARTNER_CODE.name());
  /** The disclosures being offboarded, as the request check resolved them. */
  static final Variable<List<Long>> DISCLOSURE_IDS = Variable.ids(OffboardingForms.Request.DISCLOSURE_IDS.name());
  // Set by the request check
  static final Variable<Long> OFFBOARDING_ID = Variable.id("offboardingId");
  static final Variable<Boolean> WHOLE_RELATIONSHIP = Variable.flag("wholeRelationship");
  /** Secret codes of the items (also read by the reminder and escalation mails). */
  static final Variable<List<String>> SECRET_CODES = Variable.codes("secretCodes");
  /** The items for the form: {@code disclosureId:secretCode:ndaReference}, separated by commas. */
  static final Variable<String> OFFBOARDING_ITEMS = Variable.text("offboardingItems");
  /** Set by certificate generation: one certificate per NDA reference. */
  static final Variable<List<String>> NDA_REFERENCES = Variable.codes("ndaReferences");

  static final String PER_ITEM = "PER_ITEM";

  private OffboardingVariables() {
  }

  /**
   * Each item's outcome by secret code: the per-item choices if the form chose PER_ITEM, else the one choice for all.
   * An unreadable entry is refused with its text.
   */
  static Map<String, String> outcomes(VariableScope scope, List<String> secretCodes) {
    String forAll = Certificate.OUTCOME_FOR_ALL.read(scope);
    String perItem = Certificate.ITEM_OUTCOMES.read(scope);
    Map<String, String> outcomes = new LinkedHashMap<>();
    if (PER_ITEM.equals(forAll) || (forAll == null && perItem != null)) {
      for (String entry : perItem == null ? new String[0] : perItem.split("[,;\\r\\n]+")) {
        if (entry.isBlank()) {
          continue;
        }
        String[] pair = entry.split("=", 2);
        if (pair.length != 2 || pair[0].isBlank()) {
          throw new IllegalArgumentException("Write each item's outcome as TS-0001=RETURNED, not '" + entry.strip() + "'.");
        }
        outcomes.put(pair[0].strip(), pair[1].strip().toUpperCase(Locale.ROOT));
      }
    } else if (forAll != null) {
      secretCodes.forEach(code -> outcomes.put(code, forAll));
    }
    return outcomes;
  }
}
