package io.cordon.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import static io.cordon.Fixtures.partner;
import io.cordon.evidence.EvidenceChain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@CordonIntegrationTest
class PartnerRegisterIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EvidenceChain evidence;

  private String register(Map<String, Object> body) {
    ResponseEntity<JsonNode> created = Api.as(rest, "paula").post("/api/partners", body);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("code").asText();
  }

  @Test
  void procurementRegistersAProspectWithNativeNameAndContacts() {
    String code = register(partner("Shenzhen Precision Manufacturing Co., Ltd.", "CN", null));
    JsonNode read = Api.as(rest, "lena").get("/api/partners/" + code).getBody();
    assertThat(read.get("status").asText()).isEqualTo("PROSPECT");
    assertThat(read.get("nativeName").asText()).isEqualTo("深圳精密制造有限公司");
    assertThat(read.get("contacts").get(0).get("email").asText()).isEqualTo("li.wei@partner.example");
    assertThat(evidence.forPartner(code, 1).get(0).type()).isEqualTo("PARTNER_REGISTERED");
    assertThat(Api.as(rest, "lena").post("/api/partners", partner("Other", "DE", null)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anIllegalStatusChangeIs409NamingTheAllowedOnes() {
    String code = register(partner("Acme Tooling GmbH", "DE", null));
    Api paula = Api.as(rest, "paula");

    ResponseEntity<JsonNode> illegal = paula.post("/api/partners/" + code + "/status", Map.of("status", "ACTIVE"));
    assertThat(illegal.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(illegal.getBody().get("detail").asText())
        .contains("cannot change from PROSPECT to ACTIVE").contains("ONBOARDING, REJECTED");

    for (String next : List.of("ONBOARDING", "ACTIVE", "SUSPENDED", "ACTIVE", "OFFBOARDED")) {
      ResponseEntity<JsonNode> ok = paula.post("/api/partners/" + code + "/status", Map.of("status", next, "reason", "test"));
      assertThat(ok.getStatusCode()).as(next).isEqualTo(HttpStatus.OK);
    }
    assertThat(evidence.forPartner(code, 1).get(0).payload()).contains("\"to\":\"OFFBOARDED\"");
  }

  @Test
  void malformedEmailsAndCountriesAreRefusedTogether() {
    Map<String, Object> bad = partner("Bad Data Ltd", "UK", null);
    bad.put("contacts", List.of(Map.of("name", "A", "email", "not-an-email"), Map.of("name", "B", "email", "b@@x")));
    ResponseEntity<JsonNode> response = Api.as(rest, "paula").post("/api/partners", bad);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors").findValuesAsText("field"))
        .contains("contacts[0].email", "contacts[1].email");

    Map<String, Object> unassigned = partner("Nowhere Ltd", "ZZ", null);
    ResponseEntity<JsonNode> second = Api.as(rest, "paula").post("/api/partners", unassigned);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(second.getBody().toString()).contains("ISO 3166");
  }

  @Test
  void aPartnerCannotBecomeItsOwnAncestor() {
    String parent = register(partner("Holding AG", "CH", null));
    String child = register(partner("Holding Subsidiary GmbH", "DE", parent));
    JsonNode current = Api.as(rest, "paula").get("/api/partners/" + parent).getBody();

    ResponseEntity<JsonNode> cycle = Api.as(rest, "paula").put("/api/partners/" + parent,
        Map.of("version", current.get("version").asLong(), "details", partner("Holding AG", "CH", child)));
    assertThat(cycle.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(cycle.getBody().toString()).contains("subsidiaries");
  }
}
