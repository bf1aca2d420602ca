package io.cordon.onboarding;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One approval the onboarding waits for: a disclosure and who decides it (its secret's owner, or security). Kept in
 * the process as text ({@code 12:OWNER:oscar;12:SECURITY}), so no Java object is serialised into the engine.
 */
record ApprovalItem(long disclosureId, String role, String userId) {

  static final String OWNER = "OWNER";
  static final String SECURITY = "SECURITY";

  static ApprovalItem owner(long disclosureId, String userId) {
    return new ApprovalItem(disclosureId, OWNER, userId);
  }

  static ApprovalItem security(long disclosureId) {
    return new ApprovalItem(disclosureId, SECURITY, null);
  }

  String encode() {
    return disclosureId + ":" + role + (userId == null ? "" : ":" + userId);
  }

  static ApprovalItem decode(String text) {
    String[] parts = text.split(":");
    return new ApprovalItem(Long.parseLong(parts[0]), parts[1], parts.length > 2 ? parts[2] : null);
  }

  static String encodeAll(List<ApprovalItem> items) {
    return items.stream().map(ApprovalItem::encode).collect(Collectors.joining(";"));
  }

  static List<ApprovalItem> decodeAll(String text) {
    return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(";")).map(ApprovalItem::decode).toList();
  }
}
