package io.cordon.portal;

import java.util.Optional;

/**
 * New links for a partner request that a process module keeps itself rather than as a {@link PartnerTaskRequest}
 * (the re-certification attestation, per period): asked by {@code POST /api/tasks/{taskId}/partner-links} when the
 * task is not one of the portal's own.
 */
public interface NewLinks {

  /**
   * Sends the request's contacts new links if the task is this module's partner request; the old links stop working.
   *
   * @return the links sent, or empty when the task is not this module's
   */
  Optional<Integer> send(String processInstanceId, String taskKey, String partnerCode);
}
