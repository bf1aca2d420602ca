package io.cordon.nda;

import io.cordon.nda.NdaRecords.ClauseChange;
import io.cordon.nda.NdaRecords.Comparison;
import io.cordon.nda.NdaRecords.NdaVersionView;
import io.cordon.nda.NdaRecords.UsedClause;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which clauses, secrets and template changed between two versions of an NDA. */
final class NdaComparison {

  private NdaComparison() {
  }

  static Comparison compare(NdaVersionView a, NdaVersionView b) {
    Map<String, UsedClause> from = a.clauses().stream().collect(Collectors.toMap(UsedClause::key, Function.identity()));
    Map<String, UsedClause> to = b.clauses().stream().collect(Collectors.toMap(UsedClause::key, Function.identity()));
    Set<String> keys = new LinkedHashSet<>();
    a.clauses().forEach(c -> keys.add(c.key()));
    b.clauses().forEach(c -> keys.add(c.key()));
    List<ClauseChange> changes = new ArrayList<>();
    for (String key : keys) {
      UsedClause x = from.get(key);
      UsedClause y = to.get(key);
      String change = x == null ? "ADDED" : y == null ? "REMOVED"
          : x.ref().equals(y.ref()) && x.sha256().equals(y.sha256()) ? "UNCHANGED" : "CHANGED";
      changes.add(new ClauseChange(key, change, x == null ? null : x.ref(), y == null ? null : y.ref()));
    }
    List<String> added = b.secretCodes().stream().filter(c -> !a.secretCodes().contains(c)).toList();
    List<String> removed = a.secretCodes().stream().filter(c -> !b.secretCodes().contains(c)).toList();
    return new Comparison(a.reference(), a.version(), b.version(), a.templateKey() + "@" + a.templateVersion(),
        b.templateKey() + "@" + b.templateVersion(), changes, added, removed, a.documentSha256().equals(b.documentSha256()));
  }
}
