package io.cordon.disclosure;

import static io.cordon.spreadsheet.TestWorkbooks.download;
import static io.cordon.spreadsheet.TestWorkbooks.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.CordonIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@CordonIntegrationTest
class LineageSpreadsheetIT {

  @Autowired
  TestRestTemplate rest;

  @Test
  void lineageOfASecretAndOfAPartnerAsWorkbooksWithCrownJewelsRedacted() {
    String tag = "T" + UUID.randomUUID().toString().substring(0, 8);
    String secret = post("olivia", "/api/secrets", Map.of("title", tag + " crown", "category", "TECHNICAL",
        "classification", "CROWN_JEWEL", "ownerId", "olivia", "systems", List.of(), "sites", List.of(),
        "countries", List.of(), "measures", List.of())).get("code").asText();
    String partner = post("paula", "/api/partners", Map.of("legalName", tag + " Precision GmbH", "country", "DE",
        "type", "SUPPLIER", "contacts", List.of())).get("code").asText();
    post("paula", "/api/disclosures", Map.of("secretCode", secret, "partnerCode", partner, "purpose", "Machining",
        "permittedRecipients", List.of("QA lead")));

    List<List<String>> holders = read(download(rest, "lena", "/api/secrets/" + secret + "/lineage.xlsx").getBody(), 0);
    assertThat(holders.get(0)).containsExactly("Disclosure", "Partner code", "Partner", "Country", "NDA", "NDA version",
        "Status", "Requested", "Disclosed", "Closed");
    assertThat(holders).hasSize(2);
    assertThat(holders.get(1).subList(1, 4)).containsExactly(partner, tag + " Precision GmbH", "DE");
    assertThat(holders.get(1).get(6)).isEqualTo("REQUESTED");

    List<List<String>> paulas = read(download(rest, "paula", "/api/partners/" + partner + "/lineage.xlsx").getBody(), 0);
    assertThat(paulas.get(1).get(1)).isEqualTo(secret);
    assertThat(paulas.get(1).get(2)).as("crown-jewel title hidden from procurement").isEmpty();
    assertThat(paulas.get(1).get(3)).isEqualTo("CROWN_JEWEL");
    List<List<String>> olivias = read(download(rest, "olivia", "/api/partners/" + partner + "/lineage.xlsx").getBody(), 0);
    assertThat(olivias.get(1).get(2)).isEqualTo(tag + " crown");

    assertThat(download(rest, "lena", "/api/secrets/TS-99999999/lineage.xlsx").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private JsonNode post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> response = rest.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(body, headers),
        JsonNode.class);
    assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.CREATED);
    return response.getBody();
  }
}
