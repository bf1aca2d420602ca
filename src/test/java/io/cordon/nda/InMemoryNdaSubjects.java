package io.cordon.nda;

import io.cordon.platform.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Sample partners and secrets (TS-0040 to TS-0099) for the NDA engine's tests, which need exact values (Chinese
 * names, missing addresses). Any code that is not a sample is resolved by the real register adapter, so the other
 * tests of the shared context (onboarding) run against the register.
 */
@Component
@Primary
class InMemoryNdaSubjects implements NdaSubjects {

  static final Partner US_CONSULTANT = new Partner("P-US-005", "Dana Whitfield Consulting", null, "US", PartnerType.SERVICE_PROVIDER,
      "12 Elm Street, Boston, MA 02108", "MA-77120");
  static final Partner NO_ADDRESS = new Partner("P-GB-006", "Unfinished Record Ltd", null, "GB", PartnerType.SUPPLIER, null, "0001");

  private final Map<String, Partner> partners = new LinkedHashMap<>();
  private final Map<String, Secret> secrets = new LinkedHashMap<>();

  private final RegisterSubjects register;

  InMemoryNdaSubjects(RegisterSubjects register) {
    this.register = register;
    for (Partner p : List.of(NdaSamples.SHENZHEN, NdaSamples.STUTTGART, NdaSamples.OHIO, NdaSamples.LEEDS, US_CONSULTANT, NO_ADDRESS)) {
      partners.put(p.code(), p);
    }
    NdaSamples.secrets(60).forEach(s -> secrets.put(s.code(), s));
  }

  @Override
  public Subjects resolve(String partnerCode, List<String> secretCodes) {
    if (!partners.containsKey(partnerCode)) {
      try {
        return register.resolve(partnerCode, secretCodes);
      } catch (NotFoundException notInRegister) {
        // fall through: name what neither the samples nor the register know
      }
    }
    List<String> unknown = new ArrayList<>();
    Partner partner = partners.get(partnerCode);
    if (partner == null) {
      unknown.add(partnerCode);
    }
    List<Secret> found = new ArrayList<>();
    for (String code : secretCodes) {
      Secret secret = secrets.get(code);
      if (secret == null) {
        unknown.add(code);
      } else {
        found.add(secret);
      }
    }
    if (!unknown.isEmpty()) {
      throw new NotFoundException("Unknown partner or secret code(s): " + String.join(", ", unknown));
    }
    return new Subjects(partner, found);
  }
}
