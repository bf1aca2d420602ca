package io.cordon.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.evidence.EvidenceEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTimelineTest {

  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  private static EvidenceEvent event(long seq, String type, String partner, String... secrets) {
    return new EvidenceEvent(seq, T0.plusSeconds(seq * 60), "oscar", type, partner, List.of(secrets), null, null, null, null,
        "{\"n\":" + seq + "}", "p", "h");
  }

  /** A secret registered, then disclosed to {@code partners} partners with three steps each, then changed. */
  private static List<EvidenceEvent> secretHistory(int partners) {
    List<EvidenceEvent> events = new ArrayList<>();
    long seq = 10;
    events.add(event(seq++, "SECRET_REGISTERED", null, "TS-0001"));
    for (int p = 1; p <= partners; p++) {
      events.add(event(seq++, "NDA_EXECUTED", "P-" + p, "TS-0001"));
      events.add(event(seq++, "DISCLOSURE_APPROVED", "P-" + p, "TS-0001"));
      events.add(event(seq++, "SECRET_DISCLOSED", "P-" + p, "TS-0001"));
    }
    events.add(event(seq, "SECRET_CHANGED", null, "TS-0001"));
    return events;
  }

  @Test
  void aSmallPackListsEveryStepAndStillSummarisesEachPartner() {
    ReportTimeline.Parts parts = ReportTimeline.of(secretHistory(2), true, 500);
    assertThat(parts.timeline()).extracting(r -> r.get("event")).containsExactly("SECRET_REGISTERED", "NDA_EXECUTED",
        "DISCLOSURE_APPROVED", "SECRET_DISCLOSED", "NDA_EXECUTED", "DISCLOSURE_APPROVED", "SECRET_DISCLOSED", "SECRET_CHANGED");
    assertThat(parts.history()).extracting(r -> r.get("group")).containsExactly("P-1", "P-2");
    Map<String, String> first = parts.history().get(0);
    assertThat(first).containsEntry("events", "3").containsEntry("positions", "11 – 13")
        .containsEntry("steps", "NDA_EXECUTED, DISCLOSURE_APPROVED, SECRET_DISCLOSED");
    assertThat(first.get("period")).isEqualTo(T0.plusSeconds(11 * 60) + " – " + T0.plusSeconds(13 * 60));
    assertThat(parts.fields().get("timelineNote")).startsWith("Every recorded step that concerns the subject (8)");
    assertThat(parts.fields()).containsEntry("historyGroup", "Partner");
  }

  @Test
  void aLargePackListsTheSecretsOwnStepsAndOneRowPerPartnerAndPointsToEventsJsonl() {
    List<EvidenceEvent> events = secretHistory(1_000);
    ReportTimeline.Parts parts = ReportTimeline.of(events, true, 500);
    assertThat(parts.timeline()).extracting(r -> r.get("event")).containsExactly("SECRET_REGISTERED", "SECRET_CHANGED");
    assertThat(parts.history()).hasSize(1_000);
    assertThat(parts.history().get(999)).containsEntry("group", "P-1000").containsEntry("events", "3");
    assertThat(parts.fields().get("timelineNote")).contains("3002 recorded steps", "events.jsonl", "the 2 step(s)");
    assertThat(parts.fields().get("historyNote")).contains("One row per partner (1000)", "events.jsonl");
  }

  @Test
  void aPartnersPackSummarisesPerSecretAndCountsRepeatedSteps() {
    List<EvidenceEvent> events = List.of(event(1, "PARTNER_REGISTERED", "P-7"), event(2, "SECRET_DISCLOSED", "P-7", "TS-0001"),
        event(3, "SECRET_DISCLOSED", "P-7", "TS-0002"), event(4, "RECERTIFICATION_ATTESTED", "P-7", "TS-0001"),
        event(5, "RECERTIFICATION_ATTESTED", "P-7", "TS-0001"));
    ReportTimeline.Parts parts = ReportTimeline.of(events, false, 2);
    assertThat(parts.timeline()).extracting(r -> r.get("event")).containsExactly("PARTNER_REGISTERED");
    assertThat(parts.history()).extracting(r -> r.get("group")).containsExactly("TS-0001", "TS-0002");
    assertThat(parts.history().get(0)).containsEntry("steps", "SECRET_DISCLOSED, RECERTIFICATION_ATTESTED ×2")
        .containsEntry("positions", "2 – 5");
    assertThat(parts.fields()).containsEntry("historyGroup", "Secret");
  }

  @Test
  void theReportTemplateHasTheHistoryTableAndFillsIt() {
    ReportTimeline.Parts parts = ReportTimeline.of(secretHistory(3), true, 2);
    Map<String, String> fields = new java.util.HashMap<>(parts.fields());
    byte[] docx = ReportDocument.render(ReportDocument.template(), fields, Map.of("timeline", parts.timeline(), "history",
        parts.history(), "recipient", List.of(), "measure", List.of()));
    String xml = documentXml(docx);
    assertThat(xml).contains("History per partner, in brief", "P-3", "NDA_EXECUTED, DISCLOSURE_APPROVED, SECRET_DISCLOSED",
        "events.jsonl").doesNotContain("{{");
  }

  private static String documentXml(byte[] docx) {
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
      for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.getName().equals("word/document.xml")) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError("no word/document.xml");
  }
}
