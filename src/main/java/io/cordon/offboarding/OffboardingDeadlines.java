package io.cordon.offboarding;

import io.cordon.platform.TaskDeadlines;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Deadlines of the offboarding's user tasks ({@code cordon.offboarding.deadlines.<Task_Id>}), used in the model as
 * {@code ${offboardingDeadlines.due('Task_UploadSignedCertificate')}} and so on. A task not configured gets a partner's
 * usual time to return or destroy and to sign: a month, reminded a week before, escalated a day after.
 */
@Component("offboardingDeadlines")
@ConfigurationProperties("cordon.offboarding")
public class OffboardingDeadlines extends TaskDeadlines {

  OffboardingDeadlines() {
    super(new Deadline(Duration.ofDays(30), Duration.ofDays(23), Duration.ofDays(31)));
  }
}
