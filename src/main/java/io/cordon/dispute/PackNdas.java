package io.cordon.dispute;

import io.cordon.nda.NdaLifecycle;
import io.cordon.nda.NdaRecords;
import io.cordon.nda.NdaService;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The NDAs a pack names, read at once (a few statements for all of them rather than a few per NDA): their versions,
 * their executions, and the clause keys of the version each partner signed ({@link Measures#clauseKeys}'s rule).
 */
final class PackNdas {

  private final Map<String, NdaRecords.NdaView> views;
  private final Map<String, NdaLifecycle.Execution> executions;
  private final Map<String, Set<String>> clauseKeys = new HashMap<>();

  private PackNdas(Map<String, NdaRecords.NdaView> views, Map<String, NdaLifecycle.Execution> executions, Collection<String> named) {
    this.views = views;
    this.executions = executions;
    for (String reference : named) {
      clauseKeys.put(reference, keysOf(reference));
    }
  }

  static PackNdas read(NdaService ndas, NdaLifecycle lifecycle, Collection<String> references) {
    return new PackNdas(ndas.getAll(references), lifecycle.executions(references), references);
  }

  Optional<NdaRecords.NdaView> view(String reference) {
    return Optional.ofNullable(views.get(reference));
  }

  Optional<NdaLifecycle.Execution> execution(String reference) {
    return Optional.ofNullable(executions.get(reference));
  }

  /** The clause keys of each NDA named when read (empty for an unknown one): a ready cache for {@link Measures#evaluate}. */
  Map<String, Set<String>> clauseKeys() {
    return clauseKeys;
  }

  Set<String> clauseKeys(String reference) {
    return clauseKeys.computeIfAbsent(reference, this::keysOf);
  }

  private Set<String> keysOf(String reference) {
    NdaRecords.NdaView view = views.get(reference);
    if (view == null) {
      return Set.of();
    }
    int version = execution(reference).map(NdaLifecycle.Execution::version).orElse(view.latestVersion());
    return view.versions().stream().filter(v -> v.version() == version).findFirst()
        .map(v -> v.clauses().stream().map(NdaRecords.UsedClause::key).collect(Collectors.toSet())).orElse(Set.of());
  }
}
