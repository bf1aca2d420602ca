package io.cordon.dispute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.evidence.EvidenceEvent;
import io.cordon.secret.ProtectionMeasure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Decides each measure of {@link MeasureList} for one secret from facts only: the secret's evidence events in chain
 * order, its protection measures in the register, and the clause keys of the NDAs it was disclosed under.
 */
@Component
class Scorecards {

  /** How recent a holder's attestation must be to count as current (a yearly re-certification plus a grace month). */
  static final Duration ATTESTATION_VALID = Duration.ofDays(400);
  private static final Set<String> CHECKS = Set.of("registered", "classified", "nda-before-disclosure", "owner-approval",
      "attestation-current", "return-at-end");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EVIDENCE_LISTED = 50;

  private final MeasureList measures;

  Scorecards(MeasureList measures) {
    this.measures = measures;
  }

  static boolean knows(String check) {
    if (check.startsWith("measure:")) {
      try {
        ProtectionMeasure.valueOf(check.substring("measure:".length()));
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return CHECKS.contains(check) || check.startsWith("nda-clause:") && check.length() > "nda-clause:".length();
  }

  /** The facts a scorecard is computed from. {@code ndaClauses}: clause keys per NDA reference, of the signed version. */
  record Facts(String secretCode, Set<ProtectionMeasure> measures, List<EvidenceEvent> events, Map<String, Set<String>> ndaClauses,
      long headSeq, Instant now) {
  }

  Scorecard evaluate(Facts facts) {
    History h = History.of(facts.events());
    List<Scorecard.Row> rows = new ArrayList<>();
    for (MeasureList.Measure m : measures.all()) {
      rows.add(decide(m, facts, h));
    }
    return new Scorecard(facts.secretCode(), facts.now(), facts.headSeq(), rows);
  }

  private static Scorecard.Row decide(MeasureList.Measure m, Facts f, History h) {
    String check = m.check();
    if (check.equals("registered")) {
      return h.registered.isEmpty() ? gap(m, "No registration of " + f.secretCode() + " is in the chain.", List.of())
          : documented(m, "Registered in the register.", h.registered);
    }
    if (check.equals("classified")) {
      return h.registered.isEmpty() ? gap(m, "No recorded classification.", List.of())
          : documented(m, "Classification recorded at registration" + (h.changes.isEmpty() ? "." : " and kept with each change."),
              concat(h.registered, h.changes));
    }
    if (check.startsWith("measure:")) {
      ProtectionMeasure measure = ProtectionMeasure.valueOf(check.substring("measure:".length()));
      List<Long> recorded = h.lastDetailsRecorded == null ? List.of() : List.of(h.lastDetailsRecorded);
      return f.measures() != null && f.measures().contains(measure)
          ? documented(m, measure + " is among the secret's recorded protection measures.", recorded)
          : gap(m, measure + " is not among the secret's recorded protection measures.", recorded);
    }
    if (h.disclosed.isEmpty() && !check.equals("return-at-end")) {
      return notApplicable(m, "The secret has not been disclosed to any partner.");
    }
    return switch (check) {
      case "nda-before-disclosure" -> {
        List<String> missing = new ArrayList<>();
        List<Long> evidence = new ArrayList<>();
        for (Disclosure d : h.disclosed.values()) {
          Long executed = d.nda == null ? null : h.ndaExecuted.get(d.nda);
          if (executed == null || executed > d.disclosedSeq) {
            missing.add("disclosure " + d.id + (d.nda == null ? " (no NDA named)" : " (" + d.nda + " not executed before it)"));
          } else {
            evidence.add(executed);
          }
          evidence.add(d.disclosedSeq);
        }
        yield missing.isEmpty() ? documented(m, h.disclosed.size() + " disclosure(s), each after its NDA was executed.", evidence)
            : gap(m, "Without an executed NDA before it: " + String.join(", ", missing) + ".", evidence);
      }
      case "owner-approval" -> {
        List<String> missing = new ArrayList<>();
        List<Long> evidence = new ArrayList<>();
        for (Disclosure d : h.disclosed.values()) {
          if (d.approvedSeq == null || d.approvedSeq > d.disclosedSeq) {
            missing.add("disclosure " + d.id);
          } else {
            evidence.add(d.approvedSeq);
          }
        }
        yield missing.isEmpty() ? documented(m, h.disclosed.size() + " disclosure(s), each approved before it was made.", evidence)
            : gap(m, "Not approved before disclosure: " + String.join(", ", missing) + ".", evidence);
      }
      case "attestation-current" -> {
        List<Disclosure> current = h.disclosed.values().stream().filter(d -> d.current).toList();
        if (current.isEmpty()) {
          yield notApplicable(m, "No partner holds the secret now.");
        }
        List<String> stale = new ArrayList<>();
        List<Long> evidence = new ArrayList<>();
        Instant since = f.now().minus(ATTESTATION_VALID);
        for (Disclosure d : current) {
          Attestation a = h.attested.get(d.partner);
          if (a != null && a.at.isAfter(since)) {
            evidence.add(a.seq);
          } else if (d.disclosedAt.isAfter(since)) {
            evidence.add(d.disclosedSeq);
          } else {
            stale.add(d.partner);
          }
        }
        yield stale.isEmpty() ? documented(m, current.size() + " current holder(s), each attested or disclosed to within "
            + ATTESTATION_VALID.toDays() + " days.", evidence)
            : gap(m, "No attestation within " + ATTESTATION_VALID.toDays() + " days from: " + String.join(", ", new java.util.TreeSet<>(stale)) + ".", evidence);
      }
      case "return-at-end" -> {
        if (h.offboarded.isEmpty()) {
          yield notApplicable(m, "No relationship with a holder of the secret has ended.");
        }
        List<String> open = new ArrayList<>();
        List<Long> evidence = new ArrayList<>(h.offboarded.values());
        for (Disclosure d : h.disclosed.values()) {
          if (h.offboarded.containsKey(d.partner)) {
            if (d.closedSeq == null) {
              open.add("disclosure " + d.id + " to " + d.partner);
            } else {
              evidence.add(d.closedSeq);
            }
          }
        }
        yield open.isEmpty() ? documented(m, "Every disclosure to the " + h.offboarded.size()
            + " partner(s) whose relationship ended was returned, destroyed or revoked.", evidence)
            : gap(m, "Still open after the relationship ended: " + String.join(", ", open) + ".", evidence);
      }
      default -> {
        String clause = check.substring("nda-clause:".length());
        Set<String> ndas = h.disclosed.values().stream().map(d -> d.nda).filter(n -> n != null)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
        List<String> without = ndas.stream().filter(n -> !f.ndaClauses().getOrDefault(n, Set.of()).contains(clause)).toList();
        List<Long> evidence = ndas.stream().map(h.ndaExecuted::get).filter(s -> s != null).toList();
        yield ndas.isEmpty() ? notApplicable(m, "No NDA is named by the secret's disclosures.")
            : without.isEmpty() ? documented(m, "Clause " + clause + " is in every NDA the secret was disclosed under: "
                + String.join(", ", ndas) + ".", evidence)
            : gap(m, "Clause " + clause + " is missing from " + String.join(", ", without) + ".", evidence);
      }
    };
  }

  private static Scorecard.Row documented(MeasureList.Measure m, String detail, Collection<Long> evidence) {
    return row(m, Scorecard.Result.DOCUMENTED, detail, evidence);
  }

  private static Scorecard.Row gap(MeasureList.Measure m, String detail, Collection<Long> evidence) {
    return row(m, Scorecard.Result.GAP, detail + " To close: " + m.closeGap(), evidence);
  }

  private static Scorecard.Row notApplicable(MeasureList.Measure m, String reason) {
    return row(m, Scorecard.Result.NOT_APPLICABLE, reason, List.of());
  }

  private static Scorecard.Row row(MeasureList.Measure m, Scorecard.Result result, String detail, Collection<Long> evidence) {
    List<Long> sorted = evidence.stream().distinct().sorted().toList();
    if (sorted.size() > EVIDENCE_LISTED) {
      detail = detail + " (" + sorted.size() + " events; the first " + EVIDENCE_LISTED + " are listed)";
      sorted = sorted.subList(0, EVIDENCE_LISTED);
    }
    return new Scorecard.Row(m.jurisdiction(), m.key(), m.title(), m.basis(), result, detail, sorted);
  }

  private static List<Long> concat(List<Long> a, List<Long> b) {
    List<Long> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static final class Disclosure {
    final long id;
    String partner;
    String nda;
    Long approvedSeq;
    long disclosedSeq;
    Instant disclosedAt;
    Long closedSeq;
    boolean current;

    Disclosure(long id) {
      this.id = id;
    }
  }

  private record Attestation(long seq, Instant at) {
  }

  /** The secret's history as the checks need it, read once from its events in chain order. */
  private static final class History {
    final List<Long> registered = new ArrayList<>();
    final List<Long> changes = new ArrayList<>();
    Long lastDetailsRecorded;
    final Map<Long, Disclosure> all = new LinkedHashMap<>();
    final Map<Long, Disclosure> disclosed = new TreeMap<>();
    final Map<String, Long> ndaExecuted = new java.util.HashMap<>();
    final Map<String, Attestation> attested = new java.util.HashMap<>();
    final Map<String, Long> offboarded = new TreeMap<>();

    static History of(List<EvidenceEvent> events) {
      History h = new History();
      for (EvidenceEvent e : events) {
        switch (e.type()) {
          case "SECRET_REGISTERED", "SECRETS_IMPORTED" -> {
            h.registered.add(e.seq());
            h.lastDetailsRecorded = e.seq();
          }
          case "SECRET_CHANGED" -> {
            h.changes.add(e.seq());
            h.lastDetailsRecorded = e.seq();
          }
          case "NDA_EXECUTED", "NDA_RENEWED" -> {
            if (e.ndaReference() != null) {
              h.ndaExecuted.putIfAbsent(e.ndaReference(), e.seq());
            }
          }
          case "RECERTIFICATION_ATTESTED" -> {
            if (e.partnerCode() != null) {
              h.attested.put(e.partnerCode(), new Attestation(e.seq(), e.occurredAt()));
            }
          }
          case "PARTNER_OFFBOARDED" -> {
            if (e.partnerCode() != null) {
              h.offboarded.putIfAbsent(e.partnerCode(), e.seq());
            }
          }
          default -> h.disclosureStep(e);
        }
      }
      return h;
    }

    private void disclosureStep(EvidenceEvent e) {
      if (!e.type().startsWith("DISCLOSURE_") && !e.type().equals("SECRET_DISCLOSED")) {
        return;
      }
      long id = disclosureId(e);
      if (id < 0) {
        return;
      }
      Disclosure d = all.computeIfAbsent(id, Disclosure::new);
      d.partner = e.partnerCode();
      if (e.ndaReference() != null) {
        d.nda = e.ndaReference();
      }
      switch (e.type()) {
        case "DISCLOSURE_APPROVED" -> {
          if (d.approvedSeq == null) {
            d.approvedSeq = e.seq();
          }
        }
        case "SECRET_DISCLOSED" -> {
          d.disclosedSeq = e.seq();
          d.disclosedAt = e.occurredAt();
          d.current = true;
          disclosed.put(id, d);
        }
        case "DISCLOSURE_REINSTATED" -> d.current = true;
        case "DISCLOSURE_SUSPENDED" -> d.current = true;
        case "DISCLOSURE_RETURNED", "DISCLOSURE_DESTROYED", "DISCLOSURE_REVOKED" -> {
          d.current = false;
          d.closedSeq = e.seq();
        }
        default -> {
        }
      }
    }

    private static long disclosureId(EvidenceEvent e) {
      try {
        JsonNode id = JSON.readTree(e.payload()).get("disclosureId");
        return id == null ? -1 : id.asLong();
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
  }
}
