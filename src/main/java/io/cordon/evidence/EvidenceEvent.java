package io.cordon.evidence;

import java.time.Instant;
import java.util.List;

/** One link of the chain as stored. {@code hash} = SHA-256 of {@link #canonical()}, which includes {@code prevHash}. */
public record EvidenceEvent(long seq, Instant occurredAt, String actor, String type, String partnerCode,
    List<String> secretCodes, String ndaReference, String documentHash, String processInstanceId, String activityId,
    String payload, String prevHash, String hash) {

  /**
   * The exact text that is hashed: a JSON object with the fields in fixed order, strings escaped per RFC 8259,
   * time in ISO-8601 UTC to the second, and the payload (already canonical JSON) embedded as is.
   */
  public String canonical() {
    StringBuilder b = new StringBuilder(256 + payload.length());
    b.append("{\"seq\":").append(seq);
    field(b, "occurredAt", occurredAt.toString());
    field(b, "actor", actor);
    field(b, "type", type);
    field(b, "partner", partnerCode);
    b.append(",\"secrets\":[");
    for (int i = 0; i < secretCodes.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      CanonicalJson.quote(b, secretCodes.get(i));
    }
    b.append(']');
    field(b, "nda", ndaReference);
    field(b, "documentHash", documentHash);
    field(b, "processInstance", processInstanceId);
    field(b, "activity", activityId);
    b.append(",\"payload\":").append(payload);
    field(b, "prevHash", prevHash);
    return b.append('}').toString();
  }

  private static void field(StringBuilder b, String name, String value) {
    b.append(",\"").append(name).append("\":");
    if (value == null) {
      b.append("null");
    } else {
      CanonicalJson.quote(b, value);
    }
  }
}
