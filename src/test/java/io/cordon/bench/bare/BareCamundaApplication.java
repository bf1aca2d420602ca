package io.cordon.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The start-up baseline: a bare Camunda 7 Spring Boot application with Cordon's starters (the same class path), no
 * beans, models, migrations or configuration of its own. Started by {@link io.cordon.bench.StartupBenchmark}.
 */
@SpringBootApplication
public class BareCamundaApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApplication.class, args);
  }
}
