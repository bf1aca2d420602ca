package io.cordon.partner;

import io.cordon.workflow.TaskSubjects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Names the partner a task is about, for the task names in Tasklist. */
@Component
class PartnerTaskSubjects implements TaskSubjects {

  private final PartnerRepository partners;

  PartnerTaskSubjects(PartnerRepository partners) {
    this.partners = partners;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<String> partnerName(String partnerCode) {
    return partners.findByCode(partnerCode).map(partner -> partner.details().legalName());
  }
}
