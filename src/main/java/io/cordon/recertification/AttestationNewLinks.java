package io.cordon.recertification;

import io.cordon.portal.NewLinks;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** New links for the attestation waiting at {@code Task_Attest}: those of its requested period. */
@Component
class AttestationNewLinks implements NewLinks {

  private final RecertificationService service;

  AttestationNewLinks(RecertificationService service) {
    this.service = service;
  }

  @Override
  public Optional<Integer> send(String processInstanceId, String taskKey, String partnerCode) {
    if (!AttestationRequest.TASK.equals(taskKey) || partnerCode == null) {
      return Optional.empty();
    }
    return service.periods(partnerCode).stream()
        .filter(p -> processInstanceId.equals(p.processInstanceId()) && p.status() == RecertificationStatus.REQUESTED)
        .findFirst().map(p -> service.sendNewLinks(p.id()));
  }
}
