package io.cordon.workflow;

import java.util.Optional;

/**
 * Says whom a task is about, for task names people read in Tasklist's lists and in reminder mails: the partner
 * register implements it ("Acme Feinmechanik GmbH (P-0137)").
 */
public interface TaskSubjects {

  /** The partner's legal name, empty if there is no such partner. */
  Optional<String> partnerName(String partnerCode);
}
