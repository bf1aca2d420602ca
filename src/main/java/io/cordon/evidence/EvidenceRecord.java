package io.cordon.evidence;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a module asks the chain to record. Only {@code type} is required; the rest says what the step concerned.
 * The payload holds small facts (ids, decisions, versions), never documents or secret content.
 */
public record EvidenceRecord(String type, String partnerCode, List<String> secretCodes, String ndaReference,
    String documentHash, String processInstanceId, String activityId, Map<String, Object> payload) {

  public EvidenceRecord {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("evidence type is required");
    }
    secretCodes = secretCodes == null ? List.of() : secretCodes.stream().distinct().sorted().toList();
    payload = payload == null ? Map.of() : new TreeMap<>(payload);
  }

  public static EvidenceRecord of(String type) {
    return new EvidenceRecord(type, null, null, null, null, null, null, null);
  }

  public EvidenceRecord partner(String code) {
    return new EvidenceRecord(type, code, secretCodes, ndaReference, documentHash, processInstanceId, activityId, payload);
  }

  public EvidenceRecord secrets(List<String> codes) {
    return new EvidenceRecord(type, partnerCode, codes, ndaReference, documentHash, processInstanceId, activityId, payload);
  }

  public EvidenceRecord nda(String reference, String sha256) {
    return new EvidenceRecord(type, partnerCode, secretCodes, reference, sha256, processInstanceId, activityId, payload);
  }

  public EvidenceRecord process(String processInstance, String activity) {
    return new EvidenceRecord(type, partnerCode, secretCodes, ndaReference, documentHash, processInstance, activity, payload);
  }

  public EvidenceRecord payload(Map<String, Object> facts) {
    return new EvidenceRecord(type, partnerCode, secretCodes, ndaReference, documentHash, processInstanceId, activityId, facts);
  }
}
