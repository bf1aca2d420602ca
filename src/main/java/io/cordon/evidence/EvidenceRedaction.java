package io.cordon.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Events as a reader may see them. The chain stores what proof needs (a crown jewel's owner and category, say);
 * a reader not entitled to the details of a secret the event concerns gets the payload without the attributes only
 * the entitled may see, and {@code "redacted": true} in it (the event's hash is then over the stored payload).
 */
@Component
class EvidenceRedaction {

  /** Payload keys that carry a secret's hidden attributes (docs/security.md, redaction rules). */
  static final Set<String> HIDDEN_KEYS = Set.of("title", "summary", "category", "ownerId", "owner", "systems", "sites",
      "countries", "measures", "q");

  private final ObjectProvider<EvidenceReaders> readers;
  private final ObjectMapper json = new ObjectMapper();

  EvidenceRedaction(ObjectProvider<EvidenceReaders> readers) {
    this.readers = readers;
  }

  List<EvidenceEvent> forReader(List<EvidenceEvent> events) {
    EvidenceReaders r = readers.getIfAvailable();
    return events.stream().map(e -> r == null || e.secretCodes().isEmpty() || r.maySeeDetails(e.secretCodes()) ? e : redacted(e))
        .toList();
  }

  private EvidenceEvent redacted(EvidenceEvent e) {
    String payload;
    try {
      ObjectNode node = (ObjectNode) json.readTree(e.payload());
      node.remove(HIDDEN_KEYS);
      node.put("redacted", true);
      payload = json.writeValueAsString(node);
    } catch (IOException | ClassCastException notAnObject) {
      payload = "{\"redacted\":true}";
    }
    return new EvidenceEvent(e.seq(), e.occurredAt(), e.actor(), e.type(), e.partnerCode(), e.secretCodes(), e.ndaReference(),
        e.documentHash(), e.processInstanceId(), e.activityId(), payload, e.prevHash(), e.hash());
  }
}
