package io.cordon.dispute;

import io.cordon.identity.CurrentUser;
import io.cordon.platform.NotFoundException;
import io.cordon.platform.ServiceUnavailableException;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence packs built in the background. A large pack (a secret disclosed to a thousand partners, whose report's PDF
 * LibreOffice lays out for a minute or more) takes longer than a request should wait: the requester starts the build,
 * sees its phase, and downloads the ZIP when it is ready. The build is {@link EvidencePacks#build} run as the
 * requester, so the access rules and the one {@code EVIDENCE_PACK_BUILT} event are those of a direct download. Builds
 * run one at a time per node (a pack holds every document in memory); their state is in the database, so any node
 * answers for them. A build and its ZIP are its requester's alone.
 */
@Service
public class PackBuilds {

  public enum Status { QUEUED, RUNNING, READY, FAILED }

  /** What the requester sees of a build. */
  public record BuildView(String id, String kind, String code, String requestedBy, Instant requestedAt, Status status, String phase,
      Instant finishedAt, String fileName, String manifestSha256, Integer files, Long bytes, Long millis, String problem) {
  }

  public record Download(String fileName, String manifestSha256, byte[] zip) {
  }

  /** A queued or running build older than this did not finish (its node stopped): it is shown as failed. */
  static final Duration ABANDONED = Duration.ofHours(2);
  /** A ready ZIP is kept this long for its requester; the build's record (and the chain's event) stay. */
  static final Duration KEPT = Duration.ofDays(7);
  private static final int QUEUE = 20;
  private static final Logger log = LoggerFactory.getLogger(PackBuilds.class);
  private static final String COLUMNS = "id, subject_kind, subject_code, requested_by, requested_at, status, phase, finished_at, "
      + "file_name, manifest_sha256, files, bytes, millis, problem";

  private final EvidencePacks packs;
  private final CurrentUser currentUser;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;
  private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
      r -> {
        Thread t = new Thread(r, "evidence-pack-builder");
        t.setDaemon(true);
        return t;
      });

  PackBuilds(EvidencePacks packs, CurrentUser currentUser, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.packs = packs;
    this.currentUser = currentUser;
    this.jdbc = jdbc;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Starts building the pack as the caller. The caller's access is checked now (403 or 404 at once, as for a direct
   * download) and again by the build.
   */
  public BuildView start(EvidencePacks.Subject subject) {
    packs.check(subject);
    String user = currentUser.get().id();
    String id = UUID.randomUUID().toString();
    Instant now = now();
    own.executeWithoutResult(tx -> {
      jdbc.update("update evidence_pack_build set content = null where content is not null and requested_at < ?",
          Timestamp.from(now.minus(KEPT)));
      jdbc.update("insert into evidence_pack_build (id, subject_kind, subject_code, requested_by, requested_at, status) "
          + "values (?, ?, ?, ?, ?, ?)", id, subject.kind().name(), subject.code(), user, Timestamp.from(now), Status.QUEUED.name());
    });
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    try {
      executor.execute(() -> run(id, subject, caller));
    } catch (RejectedExecutionException e) {
      finish(id, Status.FAILED, "Too many evidence packs are being built on this server. Start it again in a few minutes.");
      throw new ServiceUnavailableException("Too many evidence packs are being built on this server (" + QUEUE
          + " waiting). Start it again in a few minutes.");
    }
    return get(id);
  }

  /** The caller's build; another user's is not found. */
  public BuildView get(String id) {
    List<BuildView> rows = jdbc.query("select " + COLUMNS + " from evidence_pack_build where id = ? and requested_by = ?",
        (rs, n) -> view(rs), id, currentUser.get().id());
    if (rows.isEmpty()) {
      throw new NotFoundException("You have no evidence pack build " + id + ". Start one with POST on the pack's address.");
    }
    return rows.get(0);
  }

  /** The caller's builds, newest first. */
  public List<BuildView> mine(int limit) {
    return jdbc.query("select " + COLUMNS + " from evidence_pack_build where requested_by = ? order by requested_at desc limit ?",
        (rs, n) -> view(rs), currentUser.get().id(), limit);
  }

  /** The ZIP of the caller's ready build. */
  public Download download(String id) {
    BuildView build = get(id);
    if (build.status() != Status.READY) {
      throw new io.cordon.platform.ConflictException("The evidence pack is not ready: it is " + build.status().name().toLowerCase()
          + (build.problem() == null ? (build.phase() == null ? "" : ", last finished step: " + build.phase()) : ": " + build.problem())
          + ". Ask again in a moment" + (build.status() == Status.FAILED ? ", or start a new build." : "."));
    }
    byte[] zip = jdbc.query("select content from evidence_pack_build where id = ?", rs -> rs.next() ? rs.getBytes(1) : null, id);
    if (zip == null) {
      throw new NotFoundException("The evidence pack of build " + id + " was kept for " + KEPT.toDays()
          + " days and is gone. Start a new build.");
    }
    return new Download(build.fileName(), build.manifestSha256(), zip);
  }

  private void run(String id, EvidencePacks.Subject subject, Authentication caller) {
    SecurityContextHolder.getContext().setAuthentication(caller);
    long t0 = System.nanoTime();
    try {
      phase(id, Status.RUNNING, "started");
      EvidencePacks.Pack pack = packs.build(subject, done -> phase(id, Status.RUNNING, done));
      long millis = (System.nanoTime() - t0) / 1_000_000;
      own.executeWithoutResult(tx -> jdbc.update("update evidence_pack_build set status = ?, finished_at = ?, file_name = ?, "
          + "manifest_sha256 = ?, files = ?, bytes = ?, millis = ?, content = ? where id = ?", Status.READY.name(),
          Timestamp.from(now()), pack.fileName(), pack.manifestSha256(), pack.files(), pack.zip().length, millis, pack.zip(), id));
    } catch (RuntimeException e) {
      log.warn("Evidence pack build {} of {} {} failed", id, subject.kind(), subject.code(), e);
      finish(id, Status.FAILED, e instanceof NotFoundException || e instanceof ServiceUnavailableException
          || e instanceof org.springframework.security.access.AccessDeniedException ? e.getMessage()
          : "The pack could not be built. Start it again; if it fails again, tell your administrator (build " + id + ").");
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private void phase(String id, Status status, String phase) {
    own.executeWithoutResult(tx -> jdbc.update("update evidence_pack_build set status = ?, phase = ? where id = ?", status.name(),
        phase, id));
  }

  private void finish(String id, Status status, String problem) {
    own.executeWithoutResult(tx -> jdbc.update("update evidence_pack_build set status = ?, finished_at = ?, problem = ? where id = ?",
        status.name(), Timestamp.from(now()), problem.length() > 1000 ? problem.substring(0, 1000) : problem, id));
  }

  private static BuildView view(java.sql.ResultSet rs) throws java.sql.SQLException {
    Instant requestedAt = rs.getTimestamp("requested_at").toInstant();
    Status status = Status.valueOf(rs.getString("status"));
    String problem = rs.getString("problem");
    if ((status == Status.QUEUED || status == Status.RUNNING) && requestedAt.isBefore(now().minus(ABANDONED))) {
      status = Status.FAILED;
      problem = "The build did not finish (the server may have been restarted). Start a new build.";
    }
    Timestamp finished = rs.getTimestamp("finished_at");
    return new BuildView(rs.getString("id"), rs.getString("subject_kind"), rs.getString("subject_code"), rs.getString("requested_by"),
        requestedAt, status, rs.getString("phase"), finished == null ? null : finished.toInstant(), rs.getString("file_name"),
        rs.getString("manifest_sha256"), (Integer) rs.getObject("files", Integer.class), (Long) rs.getObject("bytes", Long.class),
        (Long) rs.getObject("millis", Long.class), problem);
  }

  private static Instant now() {
    return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
