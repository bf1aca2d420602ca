package io.cordon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Cordon: trade-secret safeguards for the supply chain, on an embedded Camunda 7 engine. */
@SpringBootApplication
public class CordonApplication {

  public static void main(String[] args) {
    SpringApplication.run(CordonApplication.class, args);
  }
}
