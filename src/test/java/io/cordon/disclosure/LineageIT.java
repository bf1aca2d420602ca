package io.cordon.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.Api;
import io.cordon.partner.RiskTier;
import io.cordon.CordonIntegrationTest;
import io.cordon.Ndas;
import io.cordon.nda.NdaLifecycle;
import io.cordon.nda.NdaService;
import io.cordon.evidence.EvidenceChain;
import io.cordon.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@CordonIntegrationTest
class LineageIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EvidenceChain evidence;
  @Autowired
  NdaService ndaService;
  @Autowired
  NdaLifecycle ndaLifecycle;
  @Autowired
  io.cordon.partner.PartnerService partners;

  private String ndaInForce(String partner, String... secrets) {
    return Ndas.inForce(ndaService, ndaLifecycle, partner, List.of(secrets));
  }

  private String secret(String classification) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "Lineage secret " + classification, "category", "PROCESS",
        "classification", classification, "ownerId", "oscar", "countries", List.of("DE"), "systems", List.of(),
        "sites", List.of(), "measures", List.of("ENCRYPTION")));
    return Api.as(rest, "oscar").post("/api/secrets", body).getBody().get("code").asText();
  }

  private String activePartner(String name) {
    String code = Api.as(rest, "paula").post("/api/partners", Fixtures.partner(name, "DE", null)).getBody().get("code").asText();
    for (String status : List.of("ONBOARDING", "ACTIVE")) {
      assertThat(Api.as(rest, "paula").post("/api/partners/" + code + "/status", Map.of("status", status)).getStatusCode())
          .isEqualTo(HttpStatus.OK);
    }
    return code;
  }

  private long request(String secret, String partner, String nda) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("secretCode", secret, "partnerCode", partner,
        "purpose", "Tooling design", "permittedRecipients", List.of("Li Wei")));
    body.put("ndaReference", nda);
    ResponseEntity<JsonNode> r = Api.as(rest, "paula").post("/api/disclosures", body);
    assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CREATED);
    return r.getBody().get("id").asLong();
  }

  private ResponseEntity<JsonNode> decide(String user, long id, String decision) {
    return Api.as(rest, user).post("/api/disclosures/" + id + "/decisions", Map.of("decision", decision, "comment", "ok"));
  }

  private ResponseEntity<JsonNode> disclose(long id) {
    return Api.as(rest, "paula").post("/api/disclosures/" + id + "/disclose", Map.of());
  }

  private ResponseEntity<JsonNode> gate(long id, String nda) {
    return Api.as(rest, "paula").post("/api/disclosures/" + id + "/disclose", Map.of("ndaReference", nda));
  }

  @Test
  void aSecretReachesAPartnerOnlyThroughTheGate() {
    String secret = secret("SECRET");
    String partner = activePartner("Gate Test GmbH");
    String other = activePartner("Other Party GmbH");
    String unknown = "NDA-" + UUID.randomUUID().toString().substring(0, 8);
    long id = request(secret, partner, unknown);

    ResponseEntity<JsonNode> notApproved = disclose(id);
    assertThat(notApproved.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(notApproved.getBody().get("detail").asText()).contains("not approved yet");
    assertThat(decide("olivia", id, "APPROVED").getStatusCode()).as("not her secret").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(decide("oscar", id, "APPROVED").getBody().get("status").asText()).isEqualTo("APPROVED");

    ResponseEntity<JsonNode> unknownNda = disclose(id);
    assertThat(unknownNda.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(unknownNda.getBody().get("detail").asText()).contains(unknown).contains("knows no such NDA");

    String othersNda = ndaInForce(other, secret);
    assertThat(gate(id, othersNda).getBody().get("detail").asText()).contains("another partner");

    String nda = ndaInForce(partner, secret);
    ResponseEntity<JsonNode> disclosed = gate(id, nda);
    assertThat(disclosed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(disclosed.getBody().get("status").asText()).isEqualTo("DISCLOSED");
    assertThat(disclosed.getBody().get("approvals").get(0).get("approverId").asText()).isEqualTo("oscar");
    assertThat(evidence.forSecret(secret, 1).get(0).type()).isEqualTo("SECRET_DISCLOSED");
    assertThat(evidence.forSecret(secret, 1).get(0).ndaReference()).isEqualTo(nda);
  }

  /** The REST gate demands what the processes demand: the matrix's approvals, an executed NDA that covers the secret. */
  @Test
  void aCrownJewelToAHighRiskPartnerNeedsSecurityAndAnNdaThatCoversIt() {
    String crownJewel = secret("CROWN_JEWEL");
    String other = secret("SECRET");
    String partner = activePartner("High Risk Machining Co");
    partners.assess(partner, RiskTier.HIGH);
    String narrowNda = ndaInForce(partner, other);
    long id = request(crownJewel, partner, narrowNda);
    assertThat(decide("oscar", id, "APPROVED").getBody().get("status").asText()).isEqualTo("APPROVED");

    ResponseEntity<JsonNode> ownerOnly = disclose(id);
    assertThat(ownerOnly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(ownerOnly.getBody().get("detail").asText()).contains("approval of security")
        .contains("lacks the audit-rights");

    assertThat(decide("sam", id, "APPROVED").getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> uncovered = disclose(id);
    assertThat(uncovered.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(uncovered.getBody().get("detail").asText()).doesNotContain("approval of security").contains(narrowNda);
    assertThat(Api.as(rest, "paula").get("/api/disclosures/" + id).getBody().get("status").asText()).isEqualTo("APPROVED");

    String nda = ndaInForce(partner, crownJewel);
    ResponseEntity<JsonNode> disclosed = gate(id, nda);
    assertThat(disclosed.getStatusCode()).as(String.valueOf(disclosed.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(disclosed.getBody().get("status").asText()).isEqualTo("DISCLOSED");
  }

  @Test
  void theGateRefusesAnInactivePartnerAndNewDisclosuresToASuspendedOne() {
    String secret = secret("CONFIDENTIAL");
    String partner = activePartner("Suspended Soon Ltd");
    String nda = ndaInForce(partner, secret);
    long id = request(secret, partner, nda);
    decide("oscar", id, "APPROVED");
    Api.as(rest, "paula").post("/api/partners/" + partner + "/status", Map.of("status", "SUSPENDED"));

    ResponseEntity<JsonNode> refused = disclose(id);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody().get("detail").asText()).contains("SUSPENDED").contains("only to active partners");
    ResponseEntity<JsonNode> another = Api.as(rest, "paula").post("/api/disclosures", Map.of("secretCode", secret(
        "CONFIDENTIAL"), "partnerCode", partner, "purpose", "more", "permittedRecipients", List.of()));
    assertThat(another.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aDeclineRevokesAndDuplicatesOrRetiredSecretsAreRefused() {
    String secret = secret("SECRET");
    String partner = activePartner("Decline Test SA");
    long id = request(secret, partner, null);
    ResponseEntity<JsonNode> duplicate = Api.as(rest, "paula").post("/api/disclosures", Map.of("secretCode", secret,
        "partnerCode", partner, "purpose", "again", "permittedRecipients", List.of()));
    assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(duplicate.getBody().get("detail").asText()).contains("already has an open disclosure");

    assertThat(decide("oscar", id, "DECLINED").getBody().get("status").asText()).isEqualTo("REVOKED");

    Api.as(rest, "oscar").post("/api/secrets/" + secret + "/status", Map.of("status", "RETIRED"));
    ResponseEntity<JsonNode> retired = Api.as(rest, "paula").post("/api/disclosures", Map.of("secretCode", secret,
        "partnerCode", partner, "purpose", "again", "permittedRecipients", List.of()));
    assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(retired.getBody().get("detail").asText()).contains("RETIRED");
  }

  @Test
  void whoHoldsSecretXAndWhatDoesPartnerPHoldArePagedAndFilteredByStatus() {
    String secret = secret("SECRET");
    String crownJewel = secret("CROWN_JEWEL");
    String p1 = activePartner("Holder One GmbH");
    String p2 = activePartner("Holder Two GmbH");
    String p3 = activePartner("Holder Three GmbH");
    String nda1 = ndaInForce(p1, secret, crownJewel);
    String nda2 = ndaInForce(p2, secret);
    String nda3 = ndaInForce(p3, secret);
    long d1 = request(secret, p1, nda1);
    long d2 = request(secret, p2, nda2);
    long d3 = request(secret, p3, nda3);
    long dCrown = request(crownJewel, p1, nda1);
    for (long id : List.of(d1, d2, d3, dCrown)) {
      decide("oscar", id, "APPROVED");
    }
    decide("sam", dCrown, "APPROVED"); // a crown jewel to a partner never assessed: security approves too
    for (long id : List.of(d1, d2, d3, dCrown)) {
      assertThat(disclose(id).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    Api.as(rest, "paula").post("/api/disclosures/" + d2 + "/status", Map.of("status", "RETURNED", "reason", "project ended"));
    Api.as(rest, "sam").post("/api/disclosures/" + d3 + "/status", Map.of("status", "SUSPENDED", "reason", "recertification lapsed"));

    JsonNode all = Api.as(rest, "lena").get("/api/secrets/" + secret + "/holders").getBody();
    assertThat(all.get("page").get("totalElements").asInt()).isEqualTo(3);
    assertThat(all.get("content").findValuesAsText("partnerCode")).containsExactly(p3, p2, p1);
    assertThat(all.get("content").get(1).get("closedAt").isNull()).isFalse();

    JsonNode current = Api.as(rest, "lena").get("/api/secrets/" + secret + "/holders?status=DISCLOSED&status=SUSPENDED").getBody();
    assertThat(current.get("content").findValuesAsText("partnerCode")).containsExactly(p3, p1);
    assertThat(current.get("content").findValuesAsText("ndaReference")).containsExactly(nda3, nda1);

    JsonNode firstPage = Api.as(rest, "lena").get("/api/secrets/" + secret + "/holders?size=2&page=0").getBody();
    assertThat(firstPage.get("content")).hasSize(2);
    assertThat(firstPage.get("page").get("totalPages").asInt()).isEqualTo(2);

    JsonNode heldByP1 = Api.as(rest, "paula").get("/api/partners/" + p1 + "/disclosures?status=DISCLOSED").getBody();
    assertThat(heldByP1.get("content").findValuesAsText("secretCode")).containsExactly(crownJewel, secret);
    JsonNode crownRow = heldByP1.get("content").get(0);
    assertThat(crownRow.has("secretTitle")).as("crown-jewel title hidden from procurement").isFalse();
    assertThat(heldByP1.get("content").get(1).get("secretTitle").asText()).isEqualTo("Lineage secret SECRET");
    JsonNode asOwner = Api.as(rest, "oscar").get("/api/partners/" + p1 + "/disclosures").getBody();
    assertThat(asOwner.get("content").get(0).get("secretTitle").asText()).isEqualTo("Lineage secret CROWN_JEWEL");
  }

  @Test
  void closedDisclosuresAreFinal() {
    String secret = secret("CONFIDENTIAL");
    String partner = activePartner("Final State Oy");
    String nda = ndaInForce(partner, secret);
    long id = request(secret, partner, nda);
    decide("oscar", id, "APPROVED");
    disclose(id);
    Api.as(rest, "paula").post("/api/disclosures/" + id + "/status", Map.of("status", "DESTROYED"));

    ResponseEntity<JsonNode> reopen = disclose(id);
    assertThat(reopen.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(reopen.getBody().get("detail").asText()).contains("none (final state)");
  }
}
