package io.cordon.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import static io.cordon.Fixtures.secret;
import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

@CordonIntegrationTest
class SecretRegisterIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EvidenceChain evidence;

  private String register(String user, Map<String, Object> body) {
    ResponseEntity<JsonNode> created = Api.as(rest, user).post("/api/secrets", body);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("code").asText();
  }

  @Test
  void ownerRegistersASecretWithAGeneratedCodeAndEvidenceNamingTheOwner() {
    String code = register("oscar", secret("Coating recipe", "SECRET", "oscar"));

    assertThat(code).matches("TS-\\d{4,}");
    JsonNode read = Api.as(rest, "lena").get("/api/secrets/" + code).getBody();
    assertThat(read.get("title").asText()).isEqualTo("Coating recipe");
    assertThat(read.get("status").asText()).isEqualTo("ACTIVE");
    EvidenceEvent event = evidence.forSecret(code, 1).get(0);
    assertThat(event.type()).isEqualTo("SECRET_REGISTERED");
    assertThat(event.actor()).isEqualTo("oscar");
    assertThat(event.payload()).contains("\"classification\":\"SECRET\"").doesNotContain("Coating recipe");
  }

  @Test
  void procurementAndLegalReadTheRegisterButCannotChangeIt() {
    assertThat(Api.as(rest, "paula").get("/api/secrets").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(Api.as(rest, "lena").get("/api/secrets").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(Api.as(rest, "paula").post("/api/secrets", secret("X", "SECRET", "oscar")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(rest, "lena").post("/api/secrets", secret("X", "SECRET", "oscar")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(rest, "sam").post("/api/secrets", secret("Security-registered", "SECRET", "olivia")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void crownJewelsAreVisibleInDetailOnlyToTheirOwnerSecurityAndAdmins() {
    String code = register("oscar", secret("Battery cathode formula", "CROWN_JEWEL", "oscar"));

    for (String entitled : List.of("oscar", "sam", "ada")) {
      assertThat(Api.as(rest, entitled).get("/api/secrets/" + code).getBody().get("title").asText()).as(entitled)
          .isEqualTo("Battery cathode formula");
    }
    for (String other : List.of("paula", "lena", "olivia")) {
      JsonNode seen = Api.as(rest, other).get("/api/secrets/" + code).getBody();
      assertThat(seen.get("code").asText()).isEqualTo(code);
      assertThat(seen.get("classification").asText()).isEqualTo("CROWN_JEWEL");
      assertThat(seen.get("redacted").asBoolean()).isTrue();
      assertThat(seen.has("title")).as(other).isFalse();
      assertThat(seen.has("summary")).isFalse();
      assertThat(seen.has("sites")).isFalse();
    }
    // A title search must not confirm what the crown jewel is about.
    JsonNode found = Api.as(rest, "paula").get("/api/secrets?q=cathode").getBody();
    assertThat(found.get("content").findValuesAsText("code")).doesNotContain(code);
    JsonNode foundByOwner = Api.as(rest, "oscar").get("/api/secrets?q=cathode").getBody();
    assertThat(foundByOwner.get("content").findValuesAsText("code")).contains(code);
  }

  @Test
  void onlyItsOwnerSecurityOrAdminsChangeASecret() {
    String code = register("oscar", secret("Welding parameters", "SECRET", "oscar"));
    JsonNode current = Api.as(rest, "oscar").get("/api/secrets/" + code).getBody();
    Map<String, Object> update = Map.of("version", current.get("version").asLong(),
        "details", secret("Welding parameters v2", "SECRET", "oscar"));

    assertThat(Api.as(rest, "olivia").put("/api/secrets/" + code, update).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> bySam = Api.as(rest, "sam").put("/api/secrets/" + code, update);
    assertThat(bySam.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(bySam.getBody().get("title").asText()).isEqualTo("Welding parameters v2");

    ResponseEntity<JsonNode> stale = Api.as(rest, "oscar").put("/api/secrets/" + code, update);
    assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(stale.getBody().get("detail").asText()).contains("changed by someone else");
    assertThat(evidence.forSecret(code, 1).get(0).type()).isEqualTo("SECRET_CHANGED");
  }

  @Test
  void statusFollowsTheStateMachine() {
    String code = register("oscar", secret("Supplier price model", "CONFIDENTIAL", "oscar"));
    Api oscar = Api.as(rest, "oscar");

    assertThat(oscar.post("/api/secrets/" + code + "/status", Map.of("status", "COMPROMISED", "reason", "leak reported"))
        .getBody().get("status").asText()).isEqualTo("COMPROMISED");
    ResponseEntity<JsonNode> back = oscar.post("/api/secrets/" + code + "/status", Map.of("status", "ACTIVE"));
    assertThat(back.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(back.getBody().get("detail").asText()).contains("cannot change from COMPROMISED to ACTIVE").contains("RETIRED");
  }

  @Test
  void badInputIsRefusedWithEveryProblemAtOnceAndNothingStored() {
    long before = evidence.page(0, Integer.MAX_VALUE).size();
    Map<String, Object> bad = secret("x".repeat(201), "SECRET", "nobody");
    bad.put("summary", "line\u0000break");
    bad.put("countries", List.of("DE", "XX", "de"));
    ResponseEntity<JsonNode> response = Api.as(rest, "sam").post("/api/secrets", bad);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    List<String> fields = response.getBody().get("errors").findValuesAsText("field");
    assertThat(fields).contains("title", "summary");
    assertThat(response.getBody().toString()).doesNotContain("jakarta").doesNotContain("Exception");

    // Bean validation passes, the register's own rules do not: unknown owner and an unassigned country code.
    Map<String, Object> semanticallyBad = secret("Fine title", "SECRET", "nobody");
    semanticallyBad.put("countries", List.of("XX"));
    ResponseEntity<JsonNode> second = Api.as(rest, "sam").post("/api/secrets", semanticallyBad);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(second.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("ownerId", "countries");
    assertThat(second.getBody().toString()).contains("secret-owners");
    assertThat(evidence.page(0, Integer.MAX_VALUE)).hasSize((int) before);
  }

  @Test
  void theSecretsContentCanNeverBeSent() {
    Map<String, Object> withContent = secret("Recipe", "SECRET", "oscar");
    withContent.put("content", "the actual recipe");
    ResponseEntity<JsonNode> unknownField = Api.as(rest, "oscar").post("/api/secrets", withContent);
    assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownField.getBody().get("detail").asText()).contains("'content'").contains("metadata only");

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new org.springframework.core.io.ByteArrayResource("secret bytes".getBytes()) {
      @Override
      public String getFilename() {
        return "recipe.pdf";
      }
    });
    ResponseEntity<JsonNode> attachment = rest.withBasicAuth("oscar", "oscar")
        .postForEntity("/api/secrets", new HttpEntity<>(form, headers), JsonNode.class);
    assertThat(attachment.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(attachment.getBody().get("detail").asText()).contains("never stores");
  }

  @Test
  void markupAndPlaceholdersAreStoredAsText() {
    String title = "<script>alert(1)</script> ${jndi:ldap://x} & \"quotes\" 机密";
    String code = register("oscar", secret(title, "SECRET", "oscar"));
    assertThat(Api.as(rest, "oscar").get("/api/secrets/" + code).getBody().get("title").asText()).isEqualTo(title);
  }

  @Test
  void unknownSecretIs404AndUnknownSortIs400() {
    ResponseEntity<JsonNode> missing = Api.as(rest, "lena").get("/api/secrets/TS-999999");
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody().get("detail").asText()).contains("TS-999999");
    assertThat(Api.as(rest, "lena").get("/api/secrets?sort=nonsense").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.as(rest, "lena").get("/api/secrets?classification=TOP").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }
}
