package io.cordon.nda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.nda.NdaRecords.Inputs;
import io.cordon.nda.NdaRecords.NdaVersionView;
import io.cordon.nda.NdaRecords.UsedClause;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** NDAs and their generated versions. Versions are only ever added. */
@Repository
class NdaStore {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  NdaStore(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  record NdaRow(long id, String reference, String partnerCode, NdaKind kind, int latestVersion) {
  }

  /** Inserts an NDA and gives it its reference, NDA- and the zero-padded id. */
  NdaRow create(String partnerCode, NdaKind kind, Instant now, String user) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("insert into nda (partner_code, kind, latest_version, created_at, created_by) "
          + "values (?, ?, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS);
      ps.setString(1, partnerCode);
      ps.setString(2, kind.name());
      ps.setTimestamp(3, Timestamp.from(now));
      ps.setString(4, user);
      return ps;
    }, key);
    long id = key.getKeyList().get(0).values().stream().map(v -> ((Number) v).longValue()).findFirst().orElseThrow();
    String reference = String.format("NDA-%05d", id);
    jdbc.update("update nda set reference = ? where id = ?", reference, id);
    return new NdaRow(id, reference, partnerCode, kind, 0);
  }

  /** The NDA, locked until the transaction ends so that two regenerations cannot take the same version number. */
  Optional<NdaRow> find(String reference, boolean lock) {
    return jdbc.query("select id, reference, partner_code, kind, latest_version from nda where reference = ?" + (lock ? " for update" : ""),
        (rs, n) -> new NdaRow(rs.getLong(1), rs.getString(2), rs.getString(3), NdaKind.valueOf(rs.getString(4)), rs.getInt(5)),
        reference).stream().findFirst();
  }

  /** The version the partner signs or signed (the approved one), else the latest. */
  int signedOrLatestVersion(NdaRow nda) {
    Integer approved = jdbc.queryForObject("select approved_version from nda where id = ?", Integer.class, nda.id());
    return approved != null ? approved : nda.latestVersion();
  }

  void addVersion(NdaRow nda, NdaVersionView v, Inputs inputs) {
    jdbc.update("insert into nda_version (nda_id, version, template_key, template_version, template_sha256, clauses, inputs, "
        + "document_sha256, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", nda.id(), v.version(), v.templateKey(),
        v.templateVersion(), v.templateSha256(), write(v.clauses()), write(inputs), v.documentSha256(), Timestamp.from(v.createdAt()),
        v.createdBy());
    jdbc.update("update nda set latest_version = ? where id = ?", v.version(), nda.id());
  }

  List<NdaVersionView> versions(NdaRow nda) {
    return jdbc.query("select version, template_key, template_version, template_sha256, clauses, inputs, document_sha256, "
        + "created_at, created_by from nda_version where nda_id = ? order by version", (rs, n) -> view(nda, rs), nda.id());
  }

  Inputs inputs(NdaRow nda, int version) {
    return jdbc.query("select inputs from nda_version where nda_id = ? and version = ?", (rs, n) -> read(rs.getString(1),
        new TypeReference<Inputs>() { }), nda.id(), version).stream().findFirst().orElseThrow();
  }

  /** Each NDA named with all its versions, in two statements per {@value #IN_LIST} references; unknown ones are left out. */
  Map<String, NdaRecords.NdaView> views(Collection<String> references) {
    Map<String, NdaRecords.NdaView> views = new HashMap<>();
    for (List<String> chunk : chunks(references)) {
      Map<Long, NdaRow> rows = new HashMap<>();
      jdbc.query("select id, reference, partner_code, kind, latest_version from nda where reference in (" + marks(chunk.size()) + ")",
          rs -> {
            NdaRow row = new NdaRow(rs.getLong(1), rs.getString(2), rs.getString(3), NdaKind.valueOf(rs.getString(4)), rs.getInt(5));
            rows.put(row.id(), row);
          }, chunk.toArray());
      if (rows.isEmpty()) {
        continue;
      }
      Map<Long, List<NdaVersionView>> versions = new HashMap<>();
      jdbc.query("select nda_id, version, template_key, template_version, template_sha256, clauses, inputs, document_sha256, "
          + "created_at, created_by from nda_version where nda_id in (" + marks(rows.size()) + ") order by nda_id, version", rs -> {
            NdaRow nda = rows.get(rs.getLong("nda_id"));
            versions.computeIfAbsent(nda.id(), k -> new ArrayList<>()).add(view(nda, rs));
          }, rows.keySet().toArray());
      rows.values().forEach(r -> views.put(r.reference(), new NdaRecords.NdaView(r.reference(), r.partnerCode(), r.kind(),
          r.latestVersion(), List.copyOf(versions.getOrDefault(r.id(), List.of())))));
    }
    return views;
  }

  /** {@link #execution} of each executed NDA named, in one statement per {@value #IN_LIST} references. */
  Map<String, NdaLifecycle.Execution> executions(Collection<String> references) {
    Map<String, NdaLifecycle.Execution> executions = new HashMap<>();
    for (List<String> chunk : chunks(references)) {
      jdbc.query("select n.reference, n.approved_version, n.partner_code, n.executed_sha256, n.signature_date, n.expires_on, v.inputs "
          + "from nda n join nda_version v on v.nda_id = n.id and v.version = n.approved_version "
          + "where n.reference in (" + marks(chunk.size()) + ") and n.status = 'EXECUTED'", rs -> {
            String reference = rs.getString(1);
            executions.put(reference, new NdaLifecycle.Execution(reference, rs.getInt(2), rs.getString(3),
                read(rs.getString(7), new TypeReference<Inputs>() { }).secretCodes(), rs.getString(4), rs.getDate(5).toLocalDate(),
                rs.getDate(6).toLocalDate()));
          }, chunk.toArray());
    }
    return executions;
  }

  /** IN lists of at most this many values: well within every supported database's limits. */
  static final int IN_LIST = 500;

  static List<List<String>> chunks(Collection<String> values) {
    List<String> distinct = values.stream().filter(Objects::nonNull).distinct().sorted().toList();
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < distinct.size(); i += IN_LIST) {
      chunks.add(distinct.subList(i, Math.min(distinct.size(), i + IN_LIST)));
    }
    return chunks;
  }

  static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  /** The executed NDA with the secrets of its executed version, in one read; empty unless it is executed. */
  Optional<NdaLifecycle.Execution> execution(String reference) {
    return jdbc.query("select n.approved_version, n.partner_code, n.executed_sha256, n.signature_date, n.expires_on, v.inputs "
            + "from nda n join nda_version v on v.nda_id = n.id and v.version = n.approved_version "
            + "where n.reference = ? and n.status = 'EXECUTED'",
        (rs, n) -> new NdaLifecycle.Execution(reference, rs.getInt(1), rs.getString(2),
            read(rs.getString(6), new TypeReference<Inputs>() { }).secretCodes(), rs.getString(3),
            rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate()), reference).stream().findFirst();
  }

  private NdaVersionView view(NdaRow nda, ResultSet rs) throws SQLException {
    Inputs inputs = read(rs.getString("inputs"), new TypeReference<Inputs>() { });
    return new NdaVersionView(nda.reference(), rs.getInt("version"), nda.partnerCode(), nda.kind(), inputs.secretCodes(),
        rs.getString("template_key"), rs.getInt("template_version"), rs.getString("template_sha256"),
        read(rs.getString("clauses"), new TypeReference<List<UsedClause>>() { }), rs.getString("document_sha256"),
        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
