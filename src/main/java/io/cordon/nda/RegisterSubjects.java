package io.cordon.nda;

import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerView;
import io.cordon.platform.NotFoundException;
import io.cordon.secret.SecretRef;
import io.cordon.secret.SecretService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The NDA engine's view of the register: the partner and the secrets' metadata (never a title or content). */
@Component
class RegisterSubjects implements NdaSubjects {

  private final PartnerService partners;
  private final SecretService secrets;

  RegisterSubjects(PartnerService partners, SecretService secrets) {
    this.partners = partners;
    this.secrets = secrets;
  }

  @Override
  @Transactional(readOnly = true)
  public Subjects resolve(String partnerCode, List<String> secretCodes) {
    PartnerView partner;
    Map<String, SecretRef> found;
    try {
      partner = partners.get(partnerCode);
      found = secrets.resolve(secretCodes);
    } catch (NotFoundException e) {
      throw unknown(partnerCode, secretCodes);
    }
    Partner p = new Partner(partner.code(), partner.legalName(), partner.nativeName(), partner.country(),
        PartnerType.valueOf(partner.type().name()), partner.address(), partner.registrationId());
    List<Secret> list = secretCodes.stream().map(found::get).map(s -> new Secret(s.code(),
        SecretCategory.valueOf(s.category().name()), Classification.valueOf(s.classification().name()))).toList();
    return new Subjects(p, list);
  }

  /** Every unknown code at once, the partner's included. */
  private NotFoundException unknown(String partnerCode, List<String> secretCodes) {
    List<String> unknown = new ArrayList<>();
    if (!partners.exists(partnerCode)) {
      unknown.add(partnerCode);
    }
    secretCodes.stream().filter(code -> !secrets.exists(code)).forEach(unknown::add);
    return new NotFoundException("Unknown partner or secret code(s): " + String.join(", ", unknown) + ".");
  }
}
