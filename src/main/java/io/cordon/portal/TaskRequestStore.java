package io.cordon.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code partner_request} table: requests waiting at a user task; joins the caller's transaction. */
@Repository
class TaskRequestStore {

  /** One request: a task of a process, open until the task completes or is cancelled. */
  record TaskRequest(long id, String kind, String partnerCode, String processInstanceId, String taskId, String taskKey,
      Instant closedAt) {

    boolean open() {
      return closedAt == null;
    }
  }

  private static final String COLUMNS = "id, request_kind, partner_code, process_instance, task_id, task_key, closed_at";
  private static final RowMapper<TaskRequest> ROW = (rs, n) -> new TaskRequest(rs.getLong(1), rs.getString(2),
      rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
      rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());

  private final JdbcTemplate jdbc;

  TaskRequestStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String kind, String partnerCode, String processInstance, String taskId, String taskKey, Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var s = c.prepareStatement("insert into partner_request (request_kind, partner_code, process_instance, task_id, "
          + "task_key, created_at) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
      s.setString(1, kind);
      s.setString(2, partnerCode);
      s.setString(3, processInstance);
      s.setString(4, taskId);
      s.setString(5, taskKey);
      s.setTimestamp(6, Timestamp.from(now));
      return s;
    }, key);
    return key.getKey().longValue();
  }

  Optional<TaskRequest> find(long id) {
    return jdbc.query("select " + COLUMNS + " from partner_request where id = ?", ROW, id).stream().findFirst();
  }

  Optional<TaskRequest> ofTask(String taskId) {
    return jdbc.query("select " + COLUMNS + " from partner_request where task_id = ?", ROW, taskId).stream().findFirst();
  }

  boolean close(long id, Instant now, String reason) {
    return jdbc.update("update partner_request set closed_at = ?, closed_reason = ? where id = ? and closed_at is null",
        Timestamp.from(now), reason, id) == 1;
  }
}
