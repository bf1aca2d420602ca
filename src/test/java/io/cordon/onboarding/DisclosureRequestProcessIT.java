package io.cordon.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.Ndas;
import io.cordon.disclosure.DisclosureService;
import io.cordon.disclosure.DisclosureStatus;
import io.cordon.disclosure.DisclosureView;
import io.cordon.nda.NdaLifecycle;
import io.cordon.nda.NdaService;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** DisclosureRequestProcess: one more secret for an active partner, checked against its executed NDA. */
@CordonIntegrationTest
class DisclosureRequestProcessIT {

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  IdentityService identityService;
  @Autowired
  SecretService secrets;
  @Autowired
  PartnerService partners;
  @Autowired
  DisclosureService disclosures;
  @Autowired
  NdaService ndaService;
  @Autowired
  NdaLifecycle ndaLifecycle;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void logout() {
    identityService.clearAuthentication();
  }

  private String secret(Classification classification) {
    return secrets.register(new SecretDetails("Request test " + classification, "summary", SecretCategory.PROCESS,
        classification, "oscar", List.of(), List.of(), List.of("DE"), Set.of(ProtectionMeasure.ENCRYPTION))).code();
  }

  /** An active partner (tier MEDIUM) with an executed NDA covering one SECRET secret: no crown-jewel clauses. */
  private String activePartnerWithNda() {
    String code = partners.register(new PartnerDetails("Request Test GmbH " + System.nanoTime(), null, "DE", "HRB 1",
        "Werkstrasse 2, Ulm", PartnerType.SUPPLIER, null, List.of(new Contact("Jo", "jo@partner.example", null)))).code();
    partners.changeStatus(code, PartnerStatus.ONBOARDING, "test");
    partners.assess(code, RiskTier.MEDIUM);
    partners.changeStatus(code, PartnerStatus.ACTIVE, "test");
    Ndas.inForce(ndaService, ndaLifecycle, code, List.of(secret(Classification.SECRET)));
    return code;
  }

  private ProcessInstance request(String partnerCode, String secretCode) {
    identityService.setAuthentication("paula", List.of("procurement"));
    try {
      return runtimeService.startProcessInstanceByKey("DisclosureRequestProcess", Map.of("partnerCode", partnerCode,
          "secretCode", secretCode, "purpose", "Second production line", "permittedRecipients", "Jo, Kim"));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void runJobs(ProcessInstance pi) {
    managementService.createJobQuery().processInstanceId(pi.getId()).executable().list()
        .forEach(job -> managementService.executeJob(job.getId()));
  }

  private DisclosureView disclosureOf(String partner, String secret) {
    return disclosures.ofPartner(partner, EnumSet.allOf(DisclosureStatus.class)).stream()
        .filter(d -> d.secretCode().equals(secret)).findFirst().orElseThrow();
  }

  @Test
  void aSecretWithinScopeIsApprovedByItsOwnerAndDisclosedUnderTheNda() {
    String partner = activePartnerWithNda();
    String secret = secret(Classification.SECRET);
    ProcessInstance pi = request(partner, secret);
    assertThat(pi.getBusinessKey()).isEqualTo(partner + ":" + secret);
    assertThat(runtimeService.getVariable(pi.getId(), "inScope")).isEqualTo(true);
    runJobs(pi);

    Task approval = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ApproveDisclosure").singleResult();
    assertThat(approval.getAssignee()).isEqualTo("oscar");
    identityService.setAuthentication("oscar", List.of("secret-owners"));
    taskService.complete(approval.getId(), Map.of("approvalDecision", "APPROVED"));
    identityService.clearAuthentication();

    assertThat(pi).isEnded().hasPassed("Task_DiscloseApproved", "EndEvent_RequestDecided");
    DisclosureView d = disclosureOf(partner, secret);
    assertThat(d.status()).isEqualTo(DisclosureStatus.DISCLOSED);
    assertThat(d.ndaReference()).isEqualTo(ndaLifecycle.inForceFor(partner).orElseThrow().reference());
    assertThat(d.permittedRecipients()).containsExactly("Jo", "Kim");
  }

  @Test
  void aConfidentialSecretNeedsNoApproval() {
    String partner = activePartnerWithNda();
    String secret = secret(Classification.CONFIDENTIAL);
    ProcessInstance pi = request(partner, secret);
    runJobs(pi);
    assertThat(pi).isEnded();
    assertThat(disclosureOf(partner, secret).status()).isEqualTo(DisclosureStatus.DISCLOSED);
  }

  @Test
  void aCrownJewelOutsideTheNdasClausesGoesToLegalForAnAmendment() {
    String partner = activePartnerWithNda();
    String crownJewel = secret(Classification.CROWN_JEWEL);
    ProcessInstance pi = request(partner, crownJewel);

    assertThat(runtimeService.getVariable(pi.getId(), "inScope")).isEqualTo(false);
    assertThat((String) runtimeService.getVariable(pi.getId(), "scopeReason")).contains("audit-rights").contains("sub-tier-flow-down");
    assertThat(pi).isWaitingAt("Task_AmendNda");
    assertThat(taskService.getIdentityLinksForTask(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("legal"));
    assertThat(disclosures.ofPartner(partner, EnumSet.allOf(DisclosureStatus.class)))
        .noneMatch(d -> d.secretCode().equals(crownJewel));
  }

  @Test
  void aPartnerWithoutAnNdaInForceNeedsOneFirst() {
    String partner = partners.register(new PartnerDetails("No NDA Ltd " + System.nanoTime(), null, "GB", "0001", "1 Road",
        PartnerType.DISTRIBUTOR, null, List.of())).code();
    partners.changeStatus(partner, PartnerStatus.ONBOARDING, "test");
    partners.changeStatus(partner, PartnerStatus.ACTIVE, "test");
    ProcessInstance pi = request(partner, secret(Classification.CONFIDENTIAL));
    assertThat(pi).isWaitingAt("Task_AmendNda");
    assertThat((String) runtimeService.getVariable(pi.getId(), "scopeReason")).contains("no executed NDA in force");
  }

  @Test
  void onlyActivePartnersMayRequestMore() {
    String partner = activePartnerWithNda();
    partners.changeStatus(partner, PartnerStatus.SUSPENDED, "re-certification lapsed");
    String secret = secret(Classification.SECRET);
    assertThatThrownBy(() -> request(partner, secret)).isInstanceOf(BadUserRequestException.class).hasMessageContaining("SUSPENDED");
  }
}
