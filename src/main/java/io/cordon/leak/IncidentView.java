package io.cordon.leak;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cordon.secret.Classification;
import io.cordon.secret.SecretStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A leak incident as the API shows it: what was reported, its secrets (code, classification, status: never a title),
 * the decisions taken so far, the regulator deadline, the evidence packs and legal holds, the legal action per
 * suspected partner, and the open tasks with their due dates.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentView(long id, String code, String processInstanceId, LeakService.Status status, String reportedBy,
    Instant reportedAt, String noticedHow, String suspected, LocalDate since, boolean personalData, int holders,
    List<Secret> secrets, Decisions decisions, Regulator regulator, List<Partner> partners, List<OpenTask> tasks,
    Closure closure) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Secret(String code, Classification classification, SecretStatus status, SecretStatus statusBefore,
      String packSha256, String packFileName, Long legalHoldId) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Decisions(String assessment, String assessmentNote, String assessedBy, String containment,
      String containmentNote, Integer suspended, String dataProtection, String dataProtectionNote) {
  }

  public record Regulator(String regime, Instant deadline) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Partner(String partnerCode, String legalAction, String note, String letterSha256,
      String offboardingProcessInstanceId, String decidedBy, Instant decidedAt) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OpenTask(String id, String taskDefinitionKey, String name, Instant created, Instant due, String assignee,
      List<String> candidateGroups, boolean overdue) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Closure(String summary, String lessons, String closedBy, Instant closedAt) {
  }
}
