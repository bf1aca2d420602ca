package io.cordon;

import io.cordon.disclosure.NdaCheck;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test double for the NDA register behind the disclosure gate: a test declares which NDA is in force for which
 * partner. Everything else is {@code UNKNOWN}, as in the application without NDAs.
 */
@TestConfiguration
public class TestNdas {

  private static final Map<String, String> IN_FORCE = new ConcurrentHashMap<>();

  public static void inForce(String ndaReference, String partnerCode) {
    IN_FORCE.put(ndaReference, partnerCode);
  }

  @Bean
  @Primary
  NdaCheck testNdaCheck() {
    return (reference, version, partnerCode) -> {
      String partner = IN_FORCE.get(reference);
      if (partner == null) {
        return NdaCheck.Standing.UNKNOWN;
      }
      return partner.equals(partnerCode) ? NdaCheck.Standing.IN_FORCE : NdaCheck.Standing.OTHER_PARTNER;
    };
  }
}
