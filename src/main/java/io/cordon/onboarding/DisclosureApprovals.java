package io.cordon.onboarding;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The approvals a process waits for, one {@code DisclosureApprovalProcess} each: the collection of the multi-instance
 * call activity {@code CallActivity_DisclosureApprovals} in the onboarding and the disclosure request
 * ({@code ${disclosureApprovals.items(execution)}}), read from what {@code Task_RequestDisclosures} wrote.
 */
@Component("disclosureApprovals")
public class DisclosureApprovals {

  /** One text per approval ({@code 12:OWNER:oscar}), passed to its instance as {@code approvalItem}. */
  public List<String> items(VariableScope caller) {
    return ApprovalItem.decodeAll(OnboardingVariables.APPROVAL_ITEMS.get(caller)).stream().map(ApprovalItem::encode).toList();
  }
}
