package io.cordon.nda;

import io.cordon.platform.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Stands in for the partner and secret register in tests (the register implements {@link NdaSubjects} in main code):
 * the sample partners plus secrets TS-0040 to TS-0099.
 */
@Component
class InMemoryNdaSubjects implements NdaSubjects {

  static final Partner US_CONSULTANT = new Partner("P-US-005", "Dana Whitfield Consulting", null, "US", PartnerType.SERVICE_PROVIDER,
      "12 Elm Street, Boston, MA 02108", "MA-77120");
  static final Partner NO_ADDRESS = new Partner("P-GB-006", "Unfinished Record Ltd", null, "GB", PartnerType.SUPPLIER, null, "0001");

  private final Map<String, Partner> partners = new LinkedHashMap<>();
  private final Map<String, Secret> secrets = new LinkedHashMap<>();

  InMemoryNdaSubjects() {
    for (Partner p : List.of(NdaSamples.SHENZHEN, NdaSamples.STUTTGART, NdaSamples.OHIO, NdaSamples.LEEDS, US_CONSULTANT, NO_ADDRESS)) {
      partners.put(p.code(), p);
    }
    NdaSamples.secrets(60).forEach(s -> secrets.put(s.code(), s));
  }

  @Override
  public Subjects resolve(String partnerCode, List<String> secretCodes) {
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
