package io.cordon.dispute;

import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceEvent;
import io.cordon.nda.NdaLifecycle;
import io.cordon.nda.NdaRecords;
import io.cordon.nda.NdaService;
import io.cordon.secret.SecretService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reasonable-measures scorecard of a secret, and its summary over the whole register. */
@Service
public class Measures {

  private final EvidenceChain chain;
  private final SecretService secrets;
  private final NdaService ndas;
  private final NdaLifecycle lifecycle;
  private final Scorecards scorecards;

  Measures(EvidenceChain chain, SecretService secrets, NdaService ndas, NdaLifecycle lifecycle, Scorecards scorecards) {
    this.chain = chain;
    this.secrets = secrets;
    this.ndas = ndas;
    this.lifecycle = lifecycle;
    this.scorecards = scorecards;
  }

  /** Register-wide: how many secrets have gaps, and which measures they lack, per jurisdiction. */
  record Summary(Instant evaluatedAt, int secrets, int secretsWithGaps, List<GapCount> gaps) {
  }

  record GapCount(String jurisdiction, String measure, String title, int secrets, List<String> secretCodes) {
  }

  @Transactional(readOnly = true)
  public Scorecard forSecret(String code) {
    return evaluate(code, eventsOf(code), new HashMap<>());
  }

  @Transactional(readOnly = true)
  public Summary summary() {
    Map<String, List<String>> byMeasure = new TreeMap<>();
    Map<String, String> titles = new HashMap<>();
    Map<String, Set<String>> clauseCache = new HashMap<>();
    List<String> codes = secrets.allCodes();
    int withGaps = 0;
    for (String code : codes) {
      Scorecard card = evaluate(code, eventsOf(code), clauseCache);
      boolean gap = false;
      for (Scorecard.Row row : card.rows()) {
        if (row.result() == Scorecard.Result.GAP) {
          String key = row.jurisdiction() + "|" + row.measure();
          byMeasure.computeIfAbsent(key, k -> new ArrayList<>()).add(code);
          titles.put(key, row.title());
          gap = true;
        }
      }
      withGaps += gap ? 1 : 0;
    }
    List<GapCount> gaps = byMeasure.entrySet().stream().map(e -> {
      String[] k = e.getKey().split("\\|", 2);
      List<String> list = e.getValue();
      return new GapCount(k[0], k[1], titles.get(e.getKey()), list.size(), list.subList(0, Math.min(100, list.size())));
    }).toList();
    return new Summary(now(), codes.size(), withGaps, gaps);
  }

  List<EvidenceEvent> eventsOf(String code) {
    List<EvidenceEvent> events = new ArrayList<>(chain.forSecret(code, Integer.MAX_VALUE));
    Collections.reverse(events);
    return events;
  }

  Scorecard evaluate(String code, List<EvidenceEvent> eventsInOrder, Map<String, Set<String>> clauseCache) {
    Set<String> named = eventsInOrder.stream().filter(e -> e.type().equals("SECRET_DISCLOSED") && e.ndaReference() != null)
        .map(EvidenceEvent::ndaReference).collect(Collectors.toSet());
    Map<String, Set<String>> clauses = new LinkedHashMap<>();
    for (String nda : named) {
      clauses.put(nda, clauseCache.computeIfAbsent(nda, this::clauseKeys));
    }
    return scorecards.evaluate(new Scorecards.Facts(code, secrets.protectionMeasures(code), eventsInOrder, clauses,
        chain.headSeq(), now()));
  }

  /** The clause keys of the NDA version the partner signed (or of the latest version, if none was signed). */
  Set<String> clauseKeys(String reference) {
    try {
      int version = lifecycle.execution(reference).map(NdaLifecycle.Execution::version)
          .orElseGet(() -> ndas.get(reference).latestVersion());
      return ndas.version(reference, version).clauses().stream().map(NdaRecords.UsedClause::key).collect(Collectors.toSet());
    } catch (io.cordon.platform.NotFoundException e) {
      return Set.of();
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
  }
}
