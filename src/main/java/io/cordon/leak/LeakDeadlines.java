package io.cordon.leak;

import io.cordon.platform.TaskDeadlines;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Deadlines of the leak response's user tasks in hours ({@code cordon.leak.deadlines.<Task_Id>}), used in the model as
 * {@code ${leakDeadlines.due('Task_AssessLeak')}}. A task not configured is due in 8 hours, reminded after 6 and
 * escalated to the escalation group after 9. The data-protection assessment is due by the regulator deadline instead.
 */
@Component("leakDeadlines")
@ConfigurationProperties("cordon.leak")
public class LeakDeadlines extends TaskDeadlines {

  LeakDeadlines() {
    super(new Deadline(Duration.ofHours(8), Duration.ofHours(6), Duration.ofHours(9)));
  }
}
