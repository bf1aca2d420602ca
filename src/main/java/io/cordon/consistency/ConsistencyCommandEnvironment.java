package io.cordon.consistency;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code --cordon.consistency.check} (with or without {@code =true}) turns Cordon into a one-shot command: no job
 * executor and no mail sweep, and its web server only on a random loopback port, so it neither serves anyone nor
 * changes anything while it checks.
 */
class ConsistencyCommandEnvironment implements EnvironmentPostProcessor {

  static final String SWITCH = "cordon.consistency.check";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String value = environment.getProperty(SWITCH);
    if (value == null || "false".equalsIgnoreCase(value.strip())) {
      return;
    }
    Map<String, Object> command = new HashMap<>();
    command.put(SWITCH, "true");
    // The web security configuration needs a servlet context: a random port on the loopback address, reachable from
    // nowhere else, for the few seconds the check runs.
    command.put("server.port", "0");
    command.put("server.address", "127.0.0.1");
    command.put("camunda.bpm.job-execution.enabled", "false");
    command.put("cordon.mail.sending-enabled", "false");
    command.put("spring.main.banner-mode", "off");
    environment.getPropertySources().addFirst(new MapPropertySource("cordonConsistencyCommand", command));
  }
}
