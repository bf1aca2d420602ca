package io.cordon.leak;

import io.cordon.disclosure.CurrentHolder;
import io.cordon.disclosure.DisclosureService;
import io.cordon.nda.Clause;
import io.cordon.nda.ClauseCategory;
import io.cordon.nda.ClauseLibrary;
import io.cordon.nda.NdaLifecycle;
import io.cordon.nda.NdaRecords;
import io.cordon.nda.NdaService;
import io.cordon.recertification.RecertificationService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The lineage of secrets at one moment, as a leak response keeps it: every current holder, the NDA version that binds
 * it with the clauses a dispute turns on (governing law and forum, remedies, return or destroy, audit rights), the
 * disclosure's permitted recipients and the holders the partner's last attestation named. A few statements for any
 * number of holders: one for the holders, one per kind of NDA data, one per thousand attestations.
 */
@Component
class LeakSnapshot {

  /**
   * One holder. A clause is named by its reference ({@code governing-law-germany@1}, with the chosen fallback), the
   * governing law also by its jurisdictions; {@code attestedHolders} is null when the disclosure was never attested.
   */
  record Holder(long disclosureId, String secretCode, String partnerCode, String partnerName, String partnerCountry,
      String disclosureStatus, Instant disclosedAt, String ndaReference, Integer ndaVersion, String governingLaw,
      String remedies, String returnDestroy, String auditRights, List<String> permittedRecipients,
      List<String> attestedHolders, Instant attestedAt) {
  }

  private final DisclosureService disclosures;
  private final NdaService ndas;
  private final NdaLifecycle lifecycle;
  private final ClauseLibrary clauses;
  private final RecertificationService recertification;

  LeakSnapshot(DisclosureService disclosures, NdaService ndas, NdaLifecycle lifecycle, ClauseLibrary clauses,
      RecertificationService recertification) {
    this.disclosures = disclosures;
    this.ndas = ndas;
    this.lifecycle = lifecycle;
    this.clauses = clauses;
    this.recertification = recertification;
  }

  List<Holder> take(Collection<String> secretCodes) {
    List<CurrentHolder> current = disclosures.currentHolders(secretCodes);
    Set<String> references = new TreeSet<>();
    current.stream().map(CurrentHolder::ndaReference).filter(r -> r != null).forEach(references::add);
    Map<String, NdaRecords.NdaView> views = references.isEmpty() ? Map.of() : ndas.getAll(references);
    Map<String, NdaLifecycle.Execution> executions = references.isEmpty() ? Map.of() : lifecycle.executions(references);
    Map<Long, RecertificationService.AttestedHolders> attested = current.isEmpty() ? Map.of()
        : recertification.lastAttestedHolders(current.stream().map(CurrentHolder::disclosureId).toList());
    Map<String, Map<ClauseCategory, String>> bound = new HashMap<>();
    List<Holder> holders = new ArrayList<>(current.size());
    for (CurrentHolder h : current) {
      Integer version = h.ndaVersion();
      if (version == null && h.ndaReference() != null) {
        NdaLifecycle.Execution executed = executions.get(h.ndaReference());
        NdaRecords.NdaView view = views.get(h.ndaReference());
        version = executed != null ? Integer.valueOf(executed.version()) : view == null ? null : view.latestVersion();
      }
      Map<ClauseCategory, String> binding = h.ndaReference() == null || version == null ? Map.of()
          : bound.computeIfAbsent(h.ndaReference() + "@" + version, k -> binding(views.get(h.ndaReference()), ver(k)));
      RecertificationService.AttestedHolders last = attested.get(h.disclosureId());
      holders.add(new Holder(h.disclosureId(), h.secretCode(), h.partnerCode(), h.partnerName(), h.partnerCountry(),
          h.status().name(), h.disclosedAt(), h.ndaReference(), version, binding.get(ClauseCategory.GOVERNING_LAW),
          binding.get(ClauseCategory.REMEDIES), binding.get(ClauseCategory.RETURN_DESTROY),
          binding.get(ClauseCategory.AUDIT_RIGHTS), h.permittedRecipients(), last == null ? null : last.holders(),
          last == null ? null : last.attestedAt()));
    }
    return holders;
  }

  private static int ver(String key) {
    return Integer.parseInt(key.substring(key.lastIndexOf('@') + 1));
  }

  /** The clauses of one NDA version that a leak response needs, by category. */
  private Map<ClauseCategory, String> binding(NdaRecords.NdaView view, int version) {
    Map<ClauseCategory, String> binding = new HashMap<>();
    if (view == null) {
      return binding;
    }
    view.versions().stream().filter(v -> v.version() == version).findFirst().ifPresent(v -> {
      for (NdaRecords.UsedClause used : v.clauses()) {
        Clause clause = clauses.version(used.key(), used.version());
        if (clause == null) {
          continue;
        }
        String ref = used.ref();
        if (clause.category() == ClauseCategory.GOVERNING_LAW && !clause.jurisdictions().isEmpty()) {
          ref += " (" + String.join(", ", clause.jurisdictions()) + ")";
        }
        binding.merge(clause.category(), ref, (a, b) -> a + "; " + b);
      }
    });
    return binding;
  }
}
