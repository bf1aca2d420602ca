package io.cordon.nda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.CordonIntegrationTest;
import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceEvent;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

@CordonIntegrationTest
class NdaApiIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EvidenceChain evidence;
  @Autowired
  JdbcTemplate jdbc;

  static List<String> secrets(int from, int count) {
    return IntStream.range(from, from + count).mapToObj(i -> String.format("TS-%04d", i)).toList();
  }

  ResponseEntity<JsonNode> generate(String user, Map<String, Object> body) {
    return rest.withBasicAuth(user, user).postForEntity("/api/ndas", body, JsonNode.class);
  }

  static Map<String, Object> request(String partner, List<String> secrets, String kind, boolean individuals) {
    return Map.of("partnerCode", partner, "secretCodes", secrets, "kind", kind, "individualsSign", individuals,
        "purpose", "evaluating the supply of injection-moulded sensor housings", "effectiveDate", "2026-03-02");
  }

  byte[] download(String path) {
    ResponseEntity<byte[]> response = rest.withBasicAuth("lena", "lena").getForEntity(path, byte[].class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  @Test
  void procurementGeneratesABilingualNdaForAChinesePartnerStoredWithHashVersionsAndEvidence() {
    ResponseEntity<JsonNode> created = generate("paula", request("P-SZ-001", secrets(40, 25), "MUTUAL", false));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode nda = created.getBody();
    String reference = nda.get("reference").asText();
    assertThat(nda.get("templateKey").asText()).isEqualTo("nda-mutual-en-zh");
    assertThat(nda.get("clauses").findValuesAsText("key")).contains("governing-law-prc", "confidentiality-measures-prc",
        "audit-rights", "sub-tier-flow-down", "residuals-exclusion").doesNotContain("governing-law-england-wales");
    assertThat(nda.get("createdBy").asText()).isEqualTo("paula");

    byte[] docx = download(created.getHeaders().getLocation().getPath());
    assertThat(CompiledTemplate.sha256(docx)).isEqualTo(nda.get("documentSha256").asText());
    String text = DocxTexts.poi(docx);
    assertThat(text).contains(reference, "Shenzhen Lianfa Moulding Co., Ltd.", "本协议适用中华人民共和国法律", "保密措施", "TS-0064", "审计");

    EvidenceEvent event = evidence.forPartner("P-SZ-001", 10).stream().filter(e -> reference.equals(e.ndaReference())).findFirst().orElseThrow();
    assertThat(event.type()).isEqualTo("NDA_GENERATED");
    assertThat(event.documentHash()).isEqualTo(nda.get("documentSha256").asText());
    assertThat(event.secretCodes()).hasSize(25).contains("TS-0040");
    assertThat(event.payload()).contains("nda-mutual-en-zh@", "governing-law-prc@2");
  }

  @Test
  void clausesFollowTheJurisdiction() {
    String german = DocxTexts.poi(download(generate("lena", request("P-DE-002", secrets(40, 2), "MUTUAL", false))
        .getHeaders().getLocation().getPath()));
    assertThat(german).contains("Regulation (EU) 2016/679", "England and Wales").doesNotContain("1833(b)");
    String american = DocxTexts.poi(download(generate("ada", request("P-US-005", secrets(40, 1), "ONE_WAY", true))
        .getHeaders().getLocation().getPath()));
    assertThat(american).contains("Non-Disclosure Agreement (One-Way)", "18 U.S.C. § 1833(b)", "State of New York")
        .doesNotContain("Regulation (EU)");
  }

  @Test
  void legalChoosesAFallbackAndTheComparisonNamesTheChangedClause() {
    JsonNode first = generate("lena", request("P-SZ-001", secrets(41, 2), "MUTUAL", false)).getBody();
    String reference = first.get("reference").asText();
    ResponseEntity<JsonNode> second = rest.withBasicAuth("lena", "lena").postForEntity("/api/ndas/" + reference + "/versions",
        Map.of("fallbacks", Map.of("governing-law-prc", "cietac-arbitration-shanghai")), JsonNode.class);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(second.getBody().get("version").asInt()).isEqualTo(2);
    assertThat(DocxTexts.poi(download("/api/ndas/" + reference + "/versions/2.docx"))).contains("中国国际经济贸易仲裁委员会");
    assertThat(DocxTexts.poi(download("/api/ndas/" + reference + "/versions/1.docx"))).doesNotContain("中国国际经济贸易仲裁委员会");

    JsonNode comparison = rest.withBasicAuth("sam", "sam").getForObject("/api/ndas/" + reference + "/compare?from=1&to=2", JsonNode.class);
    assertThat(comparison.get("sameDocument").asBoolean()).isFalse();
    for (JsonNode change : comparison.get("clauses")) {
      String expected = change.get("key").asText().equals("governing-law-prc") ? "CHANGED" : "UNCHANGED";
      assertThat(change.get("change").asText()).as(change.get("key").asText()).isEqualTo(expected);
    }

    // Back to the standard wording: the same inputs as version 1 give the same bytes.
    JsonNode third = rest.withBasicAuth("lena", "lena").postForObject("/api/ndas/" + reference + "/versions",
        Map.of("fallbacks", Map.of()), JsonNode.class);
    assertThat(third.get("documentSha256").asText()).isEqualTo(first.get("documentSha256").asText());
  }

  @Test
  void onlyLegalProcurementAndAdminsGenerate() {
    assertThat(generate("oscar", request("P-GB-004", secrets(40, 1), "MUTUAL", false)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(generate("sam", request("P-GB-004", secrets(40, 1), "MUTUAL", false)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.postForEntity("/api/ndas", request("P-GB-004", secrets(40, 1), "MUTUAL", false), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void unknownCodesAre404NamingThem() {
    ResponseEntity<JsonNode> response = generate("paula", request("P-NOPE", List.of("TS-0040", "TS-9999"), "MUTUAL", false));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody().get("detail").asText()).contains("P-NOPE", "TS-9999").doesNotContain("TS-0040");
    ResponseEntity<JsonNode> secretOnly = generate("paula", request("P-SZ-001", List.of("TS-0040", "TS-9998"), "MUTUAL", false));
    assertThat(secretOnly.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(secretOnly.getBody().get("detail").asText()).contains("TS-9998").doesNotContain("P-SZ-001", "TS-0040");
  }

  @Test
  void aMissingPartnerValueIs422NamingTheFieldAndLeavesNothingBehind() {
    Integer before = jdbc.queryForObject("select count(*) from nda", Integer.class);
    ResponseEntity<JsonNode> response = generate("paula", request("P-GB-006", secrets(40, 1), "MUTUAL", false));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(response.getBody().get("reason").asText()).isEqualTo("MISSING_FIELD");
    assertThat(response.getBody().get("detail").asText()).contains("partner.address");
    assertThat(jdbc.queryForObject("select count(*) from nda", Integer.class)).isEqualTo(before);
  }

  @Test
  void everyGroupCanListTemplatesAndClausesAndPreviewTheSelection() {
    for (String user : List.of("sam", "oscar", "paula")) {
      JsonNode templates = rest.withBasicAuth(user, user).getForObject("/api/nda/templates", JsonNode.class);
      assertThat(templates.findValuesAsText("key")).contains("nda-mutual", "nda-one-way", "nda-mutual-en-zh", "certificate-return-destruction");
      assertThat(templates.get(0).get("versions").get(0).get("version").asInt()).isEqualTo(1);
      JsonNode preview = rest.withBasicAuth(user, user).postForObject("/api/nda/clause-selection", Map.of("partnerCountry", "DE",
          "partnerType", "SUPPLIER", "kind", "MUTUAL", "highestClassification", "CROWN_JEWEL", "individualsSign", false), JsonNode.class);
      assertThat(preview.get("templateKey").asText()).as(user).isEqualTo("nda-mutual");
      assertThat(preview.get("clauses").toString()).contains("data-protection-eu@1", "audit-rights@1", "obligations@2");
    }
    JsonNode clauses = rest.withBasicAuth("oscar", "oscar").getForObject("/api/nda/clauses", JsonNode.class);
    JsonNode obligations = java.util.stream.StreamSupport.stream(clauses.spliterator(), false)
        .filter(c -> c.get("key").asText().equals("obligations")).findFirst().orElseThrow();
    assertThat(obligations.get("versions")).hasSize(2);
  }

  @Test
  void adminsUploadTemplatesMaliciousOnesAreRejectedWithTheReason() {
    assertThat(upload("lena", MaliciousTemplates.valid(), "c.docx").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> rejected = upload("ada", MaliciousTemplates.externalRelationship(), "c.docx");
    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(rejected.getBody().get("reason").asText()).isEqualTo("EXTERNAL_RELATIONSHIP");
    assertThat(rejected.getBody().toString()).doesNotContain("Exception", "at io.");
    assertThat(upload("ada", MaliciousTemplates.lyingZipBomb(), "c.docx").getBody().get("reason").asText()).isEqualTo("ZIP_BOMB");

    byte[] edited = MaliciousTemplates.edit("word/document.xml", xml -> xml.replace("Certificate of Return or Destruction",
        "Certificate of Return or Destruction of Confidential Information"));
    ResponseEntity<JsonNode> accepted = upload("ada", edited, "certificate-v2.docx");
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(accepted.getBody().get("version").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(upload("ada", edited, "again.docx").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void pdfRenditionIsReadable() {
    assumeThat(new PdfRenderer("", 120, false).available()).as("LibreOffice installed").isTrue();
    String path = generate("lena", request("P-GB-004", secrets(45, 3), "MUTUAL", false)).getHeaders().getLocation().getPath();
    ResponseEntity<byte[]> pdf = rest.withBasicAuth("sam", "sam").getForEntity(path.replace(".docx", ".pdf"), byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
  }

  ResponseEntity<JsonNode> upload(String user, byte[] bytes, String name) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, user).postForEntity("/api/nda/templates/certificate-return-destruction/versions",
        new HttpEntity<>(form, headers), JsonNode.class);
  }
}
