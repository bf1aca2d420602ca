package io.cordon.onboarding;

import io.cordon.platform.TaskDeadlines;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Deadlines of the disclosure approval's user task ({@code cordon.disclosure-approval.deadlines.Task_ApproveDisclosure}),
 * the same whether an onboarding or a disclosure request called it; used in the model as
 * {@code ${disclosureApprovalDeadlines.due('Task_ApproveDisclosure')}} and so on.
 */
@Component("disclosureApprovalDeadlines")
@ConfigurationProperties("cordon.disclosure-approval")
public class DisclosureApprovalDeadlines extends TaskDeadlines {
}
