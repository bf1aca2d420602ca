package io.cordon.portal;

import io.cordon.partner.PartnerView;
import java.time.Instant;
import java.util.List;

/**
 * A partner request that waits at a user task of a model (due diligence, a signed document): when the task is
 * created, each contact of the partner named by the process ({@code partnerCode}) gets a link; when it completes or is
 * cancelled, the links still open are withdrawn; a reminder of the task reminds the contacts with a fresh token. The
 * portal does all of that ({@link PartnerTaskRequests}); the request type says which task it is, what its mail says,
 * and, as any {@link PartnerRequestType}, its page and what its answer does (complete that task, through its form).
 */
public interface PartnerTaskRequest extends PartnerRequestType {

  /** The model's process definition key, e.g. {@code PartnerOnboardingProcess}. */
  String processKey();

  /** The user task the partner answers, e.g. {@code Task_ReviewDueDiligence}. */
  String taskKey();

  /**
   * What the contact's mail says.
   *
   * @param due      the task's due date, or null
   * @param reminder whether it is a reminder of a request already sent
   */
  Invitation invitation(PartnerView partner, Instant due, boolean reminder);

  /** The portal checks that the request's task is still open; a type may refuse more (its register's state). */
  @Override
  default boolean waiting(PartnerLink link) {
    return true;
  }

  /** A request mail: its subject, its paragraphs, and the label of the button that opens the link. */
  record Invitation(String subject, List<String> paragraphs, String action) {
  }
}
