package io.cordon.dispute;

import io.cordon.evidence.EvidenceEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the report's timeline and its history in brief show. A pack with up to {@value #FULL_TIMELINE_MAX} events lists
 * every one of them in the timeline. A larger one (a secret disclosed to a thousand partners has about six thousand)
 * would be a report of a hundred and fifty pages that nobody reads and LibreOffice takes minutes to lay out: its
 * timeline lists the steps that concern no partner in full (registration, classification, measures, status, holds,
 * packs), and every partner's steps become one row of the history in brief (how many, where in the chain, when,
 * which). The history in brief is there for every pack; every event, with its hash, is in {@code events.jsonl}
 * whatever the size, and the report says so.
 */
final class ReportTimeline {

  static final int FULL_TIMELINE_MAX = 500;

  record Parts(List<Map<String, String>> timeline, List<Map<String, String>> history, Map<String, String> fields) {
  }

  private ReportTimeline() {
  }

  /**
   * @param byPartner true for a secret's pack (the history groups by partner); false for a partner's or an NDA's
   *     (it groups by secret)
   */
  static Parts of(List<EvidenceEvent> events, boolean byPartner, int fullMax) {
    Function<EvidenceEvent, String> group = byPartner ? EvidenceEvent::partnerCode
        : e -> e.secretCodes().isEmpty() ? null : String.join(", ", e.secretCodes());
    boolean full = events.size() <= fullMax;
    List<Map<String, String>> timeline = new ArrayList<>();
    Map<String, List<EvidenceEvent>> groups = new LinkedHashMap<>();
    for (EvidenceEvent e : events) {
      String key = group.apply(e);
      if (key != null) {
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
      }
      if (full || key == null) {
        timeline.add(row(e));
      }
    }
    List<Map<String, String>> history = new ArrayList<>(groups.size());
    groups.forEach((key, list) -> history.add(brief(key, list)));
    String what = byPartner ? "partner" : "secret";
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("timelineNote", full
        ? "Every recorded step that concerns the subject (" + events.size() + "), oldest first: classification and measures, NDAs, "
            + "approvals, disclosures, attestations, reminders and escalations, suspensions, returns and destructions. The number is "
            + "the event's position in the evidence chain (events.jsonl)."
        : "The subject has " + events.size() + " recorded steps, more than a readable report lists one by one (" + fullMax
            + "). Listed here in full, oldest first: the " + timeline.size() + " step(s) that concern no single " + what
            + " (registration, classification and measures, status, legal holds, packs). The steps of each " + what
            + " are summarised in the next table. Every one of the " + events.size() + " steps, with its content and hash, is in "
            + "events.jsonl, which verify.sh checks; the number is the event's position in the evidence chain.");
    fields.put("historyHeading", byPartner ? "History per partner, in brief" : "History per secret, in brief");
    fields.put("historyNote", "One row per " + what + " (" + history.size() + "): how many recorded steps name it, their first and "
        + "last positions in the evidence chain and dates, and which steps they were, oldest first"
        + (full ? "; each is also listed in the timeline above." : "; the steps themselves are in events.jsonl."));
    fields.put("historyGroup", byPartner ? "Partner" : "Secret");
    return new Parts(timeline, history, fields);
  }

  static Map<String, String> row(EvidenceEvent e) {
    return Map.of("seq", String.valueOf(e.seq()), "when", e.occurredAt().toString(), "event", e.type(), "actor", e.actor(),
        "partner", e.partnerCode() == null ? "" : e.partnerCode(), "nda", e.ndaReference() == null ? "" : e.ndaReference(),
        "details", details(e.payload()));
  }

  private static Map<String, String> brief(String key, List<EvidenceEvent> events) {
    EvidenceEvent first = events.get(0);
    EvidenceEvent last = events.get(events.size() - 1);
    Map<String, Integer> types = new LinkedHashMap<>();
    events.forEach(e -> types.merge(e.type(), 1, Integer::sum));
    StringBuilder steps = new StringBuilder();
    types.forEach((type, n) -> steps.append(steps.length() == 0 ? "" : ", ").append(type).append(n == 1 ? "" : " ×" + n));
    return Map.of("group", key, "events", String.valueOf(events.size()),
        "positions", first.seq() == last.seq() ? String.valueOf(first.seq()) : first.seq() + " – " + last.seq(),
        "period", first.occurredAt() + (events.size() == 1 ? "" : " – " + last.occurredAt()), "steps", steps.toString());
  }

  private static String details(String payload) {
    String text = payload.length() > 2 && payload.startsWith("{") ? payload.substring(1, payload.length() - 1) : payload;
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
