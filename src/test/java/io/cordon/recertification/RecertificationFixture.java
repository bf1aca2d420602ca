package io.cordon.recertification;

import io.cordon.Ndas;
import io.cordon.disclosure.Approval;
import io.cordon.disclosure.DisclosureRequest;
import io.cordon.disclosure.DisclosureService;
import io.cordon.nda.NdaLifecycle;
import io.cordon.nda.NdaService;
import io.cordon.onboarding.PartnerOnboarded;
import io.cordon.partner.Contact;
import io.cordon.partner.PartnerDetails;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.partner.PartnerType;
import io.cordon.partner.RiskTier;
import io.cordon.secret.Classification;
import io.cordon.secret.ProtectionMeasure;
import io.cordon.secret.SecretCategory;
import io.cordon.secret.SecretDetails;
import io.cordon.secret.SecretService;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An active partner as onboarding leaves it: tier assessed, an executed NDA, secrets owned by oscar disclosed under
 * it, the next re-certification date set, and {@link PartnerOnboarded} published (which starts the process).
 */
@Component
public class RecertificationFixture {

  public record Partner(String code, String contactEmail, String ndaReference, List<String> secretCodes, List<Long> disclosureIds,
      ProcessInstance process) {
  }

  private final SecretService secrets;
  private final PartnerService partners;
  private final DisclosureService disclosures;
  private final NdaService ndaService;
  private final NdaLifecycle ndaLifecycle;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;

  RecertificationFixture(SecretService secrets, PartnerService partners, DisclosureService disclosures,
      NdaService ndaService, NdaLifecycle ndaLifecycle, IdentityService identity, RuntimeService runtime,
      ApplicationEventPublisher events, TransactionTemplate tx) {
    this.secrets = secrets;
    this.partners = partners;
    this.disclosures = disclosures;
    this.ndaService = ndaService;
    this.ndaLifecycle = ndaLifecycle;
    this.identity = identity;
    this.runtime = runtime;
    this.events = events;
    this.tx = tx;
  }

  /** One secret per classification given, each disclosed to the new partner for the named permitted recipients. */
  public Partner activePartner(RiskTier tier, int monthsToFirstDue, List<String> permitted, Classification... classifications) {
    List<List<String>> each = new ArrayList<>();
    for (int i = 0; i < classifications.length; i++) {
      each.add(permitted);
    }
    return activePartnerWithRecipients(tier, monthsToFirstDue, each, classifications);
  }

  /** As {@link #activePartner}, with the permitted recipients of each disclosure, in the order of the classifications. */
  public Partner activePartnerWithRecipients(RiskTier tier, int monthsToFirstDue, List<List<String>> permittedEach,
      Classification... classifications) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String contact = "jo-" + run + "@partner.example";
    String code = partners.register(new PartnerDetails("Recert Test GmbH " + run, null, "DE", "HRB " + run,
        "Werkstrasse 2, Ulm", PartnerType.SUPPLIER, null, List.of(new Contact("Jo Partner", contact, "quality")))).code();
    partners.changeStatus(code, PartnerStatus.ONBOARDING, "test");
    partners.assess(code, tier);
    partners.changeStatus(code, PartnerStatus.ACTIVE, "test");
    List<String> codes = new ArrayList<>();
    for (Classification c : classifications) {
      codes.add(secrets.register(new SecretDetails("Recert secret " + c + " " + run, "summary", SecretCategory.PROCESS, c,
          "oscar", List.of(), List.of(), List.of("DE"), Set.of(ProtectionMeasure.ENCRYPTION))).code());
    }
    String nda = Ndas.inForce(ndaService, ndaLifecycle, code, codes);
    List<Long> ids = new ArrayList<>();
    identity.setAuthentication("oscar", List.of("secret-owners"));
    try {
      for (int i = 0; i < codes.size(); i++) {
        long id = disclosures.request(new DisclosureRequest(codes.get(i), code, nda, 1, "Tooling for the new line",
            permittedEach.get(i), null)).id();
        disclosures.decide(id, Approval.Decision.APPROVED, "needed for the tooling");
        ids.add(id);
      }
    } finally {
      identity.clearAuthentication();
    }
    // The approval matrix: a crown jewel to a high-risk partner needs security's approval too.
    if (tier == RiskTier.HIGH || tier == RiskTier.CRITICAL) {
      identity.setAuthentication("sam", List.of("security"));
      try {
        for (int i = 0; i < codes.size(); i++) {
          if (classifications[i] == Classification.CROWN_JEWEL) {
            disclosures.decide(ids.get(i), Approval.Decision.APPROVED, "security reviewed the partner");
          }
        }
      } finally {
        identity.clearAuthentication();
      }
    }
    ids.forEach(id -> disclosures.disclose(id, nda, 1));
    LocalDate next = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).plusMonths(monthsToFirstDue);
    partners.scheduleRecertification(code, next);
    tx.executeWithoutResult(s -> events.publishEvent(new PartnerOnboarded(code, tier.name(), nda, next, codes)));
    ProcessInstance process = runtime.createProcessInstanceQuery().processDefinitionKey("RecertificationProcess")
        .processInstanceBusinessKey(code).singleResult();
    return new Partner(code, contact, nda, codes, ids, process);
  }
}
