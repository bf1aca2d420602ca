package io.cordon.onboarding;

import io.cordon.platform.TaskDeadlines;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Deadlines of the onboarding's user tasks ({@code cordon.onboarding.deadlines.<Task_Id>}), used in the model as
 * {@code ${onboardingDeadlines.due('Task_ReviewNda')}} and so on.
 */
@Component("onboardingDeadlines")
@ConfigurationProperties("cordon.onboarding")
public class OnboardingDeadlines extends TaskDeadlines {
}
