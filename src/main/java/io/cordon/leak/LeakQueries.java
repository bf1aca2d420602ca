package io.cordon.leak;

import io.cordon.dispute.EvidenceAccess;
import io.cordon.identity.CordonGroups;
import io.cordon.identity.CordonUser;
import io.cordon.identity.CurrentUser;
import io.cordon.platform.NotFoundException;
import io.cordon.secret.SecretRef;
import io.cordon.secret.SecretService;
import io.cordon.secret.SecretStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading incidents for the API: legal, security and admins see every incident; a secret owner sees the incidents
 * that concern a secret it owns. The open tasks are read on Cordon's authority (whoever asks sees every step's due
 * date, not only the tasks it may work on).
 */
@Service
class LeakQueries {

  private final LeakStore store;
  private final SecretService secrets;
  private final CurrentUser currentUser;
  private final TaskService tasks;
  private final ProcessEngineConfigurationImpl engine;
  private final EvidenceAccess evidence;

  LeakQueries(LeakStore store, SecretService secrets, CurrentUser currentUser, ProcessEngine engine, EvidenceAccess evidence) {
    this.evidence = evidence;
    this.store = store;
    this.secrets = secrets;
    this.currentUser = currentUser;
    this.tasks = engine.getTaskService();
    this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @Transactional(readOnly = true)
  List<IncidentView> list(int limit) {
    CordonUser user = currentUser.get();
    return store.list(null, seesAll(user) ? limit : 1000).stream().map(row -> view(row, user)).filter(v -> v != null)
        .limit(limit).toList();
  }

  @Transactional(readOnly = true)
  IncidentView get(long id) {
    CordonUser user = currentUser.get();
    LeakStore.Row row = store.find(id).orElseThrow(() -> new NotFoundException("No leak incident with id " + id + "."));
    IncidentView view = view(row, user);
    if (view == null) {
      throw new AccessDeniedException("Only legal, security, admins and the owners of its secrets see leak incident " + row.code() + ".");
    }
    return view;
  }

  @Transactional(readOnly = true)
  List<LeakSnapshot.Holder> snapshot(long id) {
    get(id);
    return store.snapshot(id);
  }

  @Transactional(readOnly = true)
  byte[] pack(long id, String secretCode) {
    IncidentView incident = get(id);
    if (incident.secrets().stream().noneMatch(s -> s.code().equals(secretCode))) {
      throw new NotFoundException("Leak incident " + incident.code() + " does not concern " + secretCode + ".");
    }
    if (!evidence.mayHave(secrets.get(secretCode))) {
      throw new AccessDeniedException("The evidence of " + secretCode + " is for its owner, security and admins only"
          + " (legal too, unless it is a crown jewel).");
    }
    return store.pack(id, secretCode).orElseThrow(() -> new NotFoundException("Leak incident " + incident.code()
        + " has no evidence pack of " + secretCode + " (yet): packs are built when the evidence is preserved."));
  }

  /** The cease-and-desist letter sent to a partner of the incident (legal, security and admins only). */
  @Transactional(readOnly = true)
  byte[] letter(long id, String partnerCode) {
    IncidentView incident = get(id);
    return store.letter(id, partnerCode).orElseThrow(() -> new NotFoundException("Leak incident " + incident.code()
        + " has no cease-and-desist letter to " + partnerCode + ": legal generates one by deciding cease and desist for a "
        + "suspected partner."));
  }

  private static boolean seesAll(CordonUser user) {
    return CurrentUser.isSystem(user) || user.isMemberOf(CordonGroups.LEGAL) || user.isMemberOf(CordonGroups.SECURITY)
        || user.isMemberOf(CordonGroups.ADMINS);
  }

  /** The incident as this user may see it, or null if it may not. */
  private IncidentView view(LeakStore.Row row, CordonUser user) {
    List<LeakStore.SecretRow> secretRows = store.secrets(row.id());
    Map<String, SecretRef> refs = secrets.resolve(secretRows.stream().map(LeakStore.SecretRow::secretCode).toList());
    if (!seesAll(user) && refs.values().stream().noneMatch(r -> user.id().equals(r.ownerId()))) {
      return null;
    }
    List<IncidentView.Secret> secretViews = secretRows.stream().map(s -> {
      SecretRef ref = refs.get(s.secretCode());
      return new IncidentView.Secret(s.secretCode(), ref.classification(), ref.status(), SecretStatus.valueOf(s.statusBefore()),
          s.packSha256(), s.packFileName(), s.holdId());
    }).toList();
    List<IncidentView.Partner> partners = store.partners(row.id()).stream().map(p -> new IncidentView.Partner(p.partnerCode(),
        p.legalAction(), p.note(), p.letterSha256(), p.offboardingProcess(), p.decidedBy(), p.decidedAt())).toList();
    return new IncidentView(row.id(), row.code(), row.processInstance(), row.status(), row.reportedBy(), row.reportedAt(),
        row.noticedHow(), row.suspected(), row.since(), row.personalData(), row.holders(), secretViews,
        new IncidentView.Decisions(row.assessment(), row.assessmentNote(), row.assessedBy(), row.containment(),
            row.containmentNote(), row.suspended(), row.dpaOutcome(), row.dpaNote()),
        row.regulatorDeadline() == null ? null : new IncidentView.Regulator(row.regulatorRegime(), row.regulatorDeadline()),
        partners, openTasks(row.processInstance()),
        row.closedAt() == null ? null : new IncidentView.Closure(row.summary(), row.lessons(), row.closedBy(), row.closedAt()));
  }

  private List<IncidentView.OpenTask> openTasks(String processInstanceId) {
    if (processInstanceId == null) {
      return List.of();
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc().listPage(0, 50);
      return open.stream().map(t -> new IncidentView.OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(),
          t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant(), t.getAssignee(),
          tasks.getIdentityLinksForTask(t.getId()).stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())
              && l.getGroupId() != null).map(l -> l.getGroupId()).toList(),
          t.getDueDate() != null && t.getDueDate().toInstant().isBefore(now))).toList();
    }));
  }
}
