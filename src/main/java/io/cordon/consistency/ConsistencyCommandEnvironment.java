package io.cordon.consistency;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code --cordon.consistency.check} (with or without {@code =true}) turns Cordon into a one-shot command: no web
 * server, no job executor and no mail sweep, so it neither serves nor changes anything while it checks.
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
    command.put("spring.main.web-application-type", "none");
    command.put("camunda.bpm.job-execution.enabled", "false");
    command.put("cordon.mail.sending-enabled", "false");
    environment.getPropertySources().addFirst(new MapPropertySource("cordonConsistencyCommand", command));
  }
}
