package io.cordon.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.Api;
import io.cordon.CordonIntegrationTest;
import io.cordon.Fixtures;
import io.cordon.Ndas;
import io.cordon.evidence.CanonicalJson;
import io.cordon.evidence.ChainAnchors;
import io.cordon.evidence.EvidenceChain;
import io.cordon.evidence.EvidenceEvent;
import io.cordon.evidence.TestTimestampAuthority;
import io.cordon.nda.NdaLifecycle;
import io.cordon.identity.CordonUser;
import io.cordon.nda.NdaService;
import io.cordon.nda.PdfRenderer;
import io.cordon.recertification.Period;
import io.cordon.recertification.RecertificationService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A pack built through the API for a secret with two recipients (one still holding it, one that destroyed it), with
 * the chain anchored by a time-stamp authority in this JVM; unpacked and checked as an outsider would: by verify.sh
 * (bash, sha256sum, jq, openssl) and by recomputing every hash here.
 */
@CordonIntegrationTest
class EvidencePackIT {

  static TestTimestampAuthority tsa;
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  TestRestTemplate rest;
  @Autowired
  NdaService ndaService;
  @Autowired
  NdaLifecycle ndaLifecycle;
  @Autowired
  ChainAnchors anchors;
  @Autowired
  EvidenceChain chain;
  @Autowired
  PdfRenderer pdfRenderer;
  @Autowired
  RecertificationService recertifications;
  @TempDir
  Path dir;

  @BeforeAll
  static void startAuthority() throws Exception {
    tsa = new TestTimestampAuthority();
  }

  @AfterAll
  static void stopAuthority() {
    tsa.close();
  }

  record Setup(String secret, String holder, String former, String nda) {
  }

  private Setup secretWithTwoRecipients(String classification) {
    String secret = Api.as(rest, "oscar").post("/api/secrets", Fixtures.secret("Pack secret " + classification, classification, "oscar"))
        .getBody().get("code").asText();
    String holder = activePartner("Pack Holder GmbH");
    String former = activePartner("Pack Former GmbH");
    String nda = Ndas.inForce(ndaService, ndaLifecycle, holder, List.of(secret));
    String formerNda = Ndas.inForce(ndaService, ndaLifecycle, former, List.of(secret));
    boolean crownJewel = "CROWN_JEWEL".equals(classification);
    disclose(secret, holder, nda, crownJewel);
    long destroyed = disclose(secret, former, formerNda, crownJewel);
    assertThat(Api.as(rest, "paula").post("/api/disclosures/" + destroyed + "/status",
        Map.of("status", "DESTROYED", "reason", "project ended")).getStatusCode()).isEqualTo(HttpStatus.OK);
    return new Setup(secret, holder, former, nda);
  }

  private String activePartner(String name) {
    String code = Api.as(rest, "paula").post("/api/partners", Fixtures.partner(name, "DE", null)).getBody().get("code").asText();
    for (String status : List.of("ONBOARDING", "ACTIVE")) {
      Api.as(rest, "paula").post("/api/partners/" + code + "/status", Map.of("status", status));
    }
    return code;
  }

  /** Through the REST gate, with the approvals the matrix demands (partners never assessed count as critical). */
  private long disclose(String secret, String partner, String nda, boolean crownJewel) {
    Map<String, Object> body = new HashMap<>(Map.of("secretCode", secret, "partnerCode", partner, "purpose", "Tooling design",
        "permittedRecipients", List.of("Li Wei"), "ndaReference", nda));
    ResponseEntity<JsonNode> requested = Api.as(rest, "paula").post("/api/disclosures", body);
    assertThat(requested.getStatusCode()).as(String.valueOf(requested.getBody())).isEqualTo(HttpStatus.CREATED);
    long id = requested.getBody().get("id").asLong();
    assertThat(Api.as(rest, "oscar").post("/api/disclosures/" + id + "/decisions", Map.of("decision", "APPROVED", "comment", "ok"))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    if (crownJewel) {
      assertThat(Api.as(rest, "sam").post("/api/disclosures/" + id + "/decisions", Map.of("decision", "APPROVED",
          "comment", "security ok")).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    assertThat(Api.as(rest, "paula").post("/api/disclosures/" + id + "/disclose", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
    return id;
  }

  private ResponseEntity<byte[]> pack(String user, String path) {
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, byte[].class);
  }

  @Test
  void aSecretsPackVerifiesWithoutCordonAndRevealsAnyChange() throws Exception {
    Setup s = secretWithTwoRecipients("SECRET");
    anchors.anchor(tsa.url()).orElseThrow();

    ResponseEntity<byte[]> response = pack("oscar", "/api/evidence/packs/secrets/" + s.secret());
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    unzip(response.getBody(), dir);
    JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile());

    // Building the pack is itself evidence, carrying the manifest's hash.
    String manifestSha = CanonicalJson.sha256Hex(Files.readAllBytes(dir.resolve("manifest.json")));
    assertThat(response.getHeaders().getFirst("X-Manifest-SHA256")).isEqualTo(manifestSha);
    EvidenceEvent built = chain.forSecret(s.secret(), 1).get(0);
    assertThat(built.type()).isEqualTo("EVIDENCE_PACK_BUILT");
    assertThat(built.documentHash()).isEqualTo(manifestSha);
    assertThat(built.actor()).isEqualTo("oscar");

    // Every file listed, with its hash.
    List<String> paths = new ArrayList<>();
    for (JsonNode f : manifest.get("files")) {
      paths.add(f.get("path").asText());
      assertThat(CanonicalJson.sha256Hex(Files.readAllBytes(dir.resolve(f.get("path").asText())))).as(f.get("path").asText())
          .isEqualTo(f.get("sha256").asText());
    }
    assertThat(paths).contains("events.jsonl", "chain.jsonl", "lineage.xlsx", "report.docx", "scorecard.json", "verify.sh",
        "anchor/anchor.tsr", "anchor/anchored-hash.txt", "ndas/" + s.nda() + "/v1.docx", "ndas/" + s.nda() + "/executed-v1.pdf");
    assertThat(manifest.get("builtBy").asText()).isEqualTo("oscar");
    assertThat(manifest.get("subject").get("code").asText()).isEqualTo(s.secret());

    // Events: each hashes to its hash, links into the segment; the segment is unbroken and ends at the anchor.
    List<JsonNode> events = lines(dir.resolve("events.jsonl"));
    List<JsonNode> links = lines(dir.resolve("chain.jsonl"));
    Map<Long, JsonNode> bySeq = new HashMap<>();
    links.forEach(l -> bySeq.put(l.get("seq").asLong(), l));
    assertThat(events).extracting(e -> e.get("type").asText()).contains("SECRET_REGISTERED", "NDA_EXECUTED", "DISCLOSURE_APPROVED",
        "SECRET_DISCLOSED", "DISCLOSURE_DESTROYED");
    for (JsonNode e : events) {
      assertThat(CanonicalJson.sha256Hex(e.get("canonical").asText())).isEqualTo(e.get("hash").asText());
      assertThat(bySeq.get(e.get("seq").asLong()).get("hash").asText()).isEqualTo(e.get("hash").asText());
    }
    for (int i = 1; i < links.size(); i++) {
      assertThat(links.get(i).get("prevHash").asText()).isEqualTo(links.get(i - 1).get("hash").asText());
    }
    JsonNode anchor = manifest.get("anchor");
    assertThat(anchor.get("anchoredSeq").asLong()).isEqualTo(manifest.get("chainSegment").get("lastSeq").asLong());
    assertThat(bySeq.get(anchor.get("anchoredSeq").asLong()).get("hash").asText()).isEqualTo(anchor.get("anchoredHash").asText());

    // The report: timeline, recipients with NDA and clause keys, approvals, scorecard.
    String report = docxText(dir.resolve("report.docx"));
    assertThat(report).contains(s.secret(), "SECRET_DISCLOSED", "DISCLOSURE_DESTROYED", s.holder(), s.former(), s.nda(),
        "approved by oscar (owner)", "obligations", "DOCUMENTED", "GAP", "NOT_APPLICABLE", "Whistleblower", "PRC");
    if (!paths.contains("report.pdf")) {
      assertThat(manifest.get("reportPdf").asText()).contains("LibreOffice");
    }

    // verify.sh passes on the pack as built, with the authority's root as a verifier would obtain it, or with the
    // certificates the token carries...
    Path ca = Files.writeString(dir.resolve("trusted-tsa-root.pem"), tsa.certificatePem());
    Result clean = verify(dir, Map.of("TSA_CA", ca.toString()));
    assertThat(clean.exit()).as(clean.output()).isZero();
    assertThat(clean.output()).contains("PASS", "time-stamp token verifies", "CA: " + ca, "chain segment is unbroken",
        "every event sits at its place");
    assertThat(verify(dir).exit()).isZero();

    // ...fails on one changed byte in any file...
    Path lineage = dir.resolve("lineage.xlsx");
    byte[] original = Files.readAllBytes(lineage);
    byte[] changed = original.clone();
    changed[changed.length / 2] ^= 0x01;
    Files.write(lineage, changed);
    Result oneByte = verify(dir);
    assertThat(oneByte.exit()).isEqualTo(1);
    assertThat(oneByte.output()).contains("FAIL  file lineage.xlsx");
    Files.write(lineage, original);

    // ...and on one changed event, even with the manifest's hash of events.jsonl updated to match.
    Path eventsFile = dir.resolve("events.jsonl");
    String eventsText = Files.readString(eventsFile);
    JsonNode target = events.stream().filter(e -> e.get("type").asText().equals("DISCLOSURE_APPROVED")).findFirst().orElseThrow();
    String forgedLine = JSON.writeValueAsString(((com.fasterxml.jackson.databind.node.ObjectNode) target.deepCopy())
        .put("canonical", target.get("canonical").asText().replace("\"actor\":\"oscar\"", "\"actor\":\"mallory\"")));
    assertThat(forgedLine).contains("mallory");
    String forged = eventsText.replace(JSON.writeValueAsString(target), forgedLine);
    assertThat(forged).isNotEqualTo(eventsText);
    Files.writeString(eventsFile, forged);
    String manifestText = Files.readString(dir.resolve("manifest.json"));
    Files.writeString(dir.resolve("manifest.json"), manifestText.replace(CanonicalJson.sha256Hex(eventsText.getBytes(StandardCharsets.UTF_8)),
        CanonicalJson.sha256Hex(forged.getBytes(StandardCharsets.UTF_8))));
    Result oneEvent = verify(dir);
    assertThat(oneEvent.exit()).isEqualTo(1);
    assertThat(oneEvent.output()).contains("FAIL  event " + target.get("seq").asLong()).doesNotContain("FAIL  file");
  }

  @Test
  void aPackBuiltInTheBackgroundShowsItsProgressVerifiesAndIsRecordedOnce() throws Exception {
    Setup s = secretWithTwoRecipients("SECRET");
    String path = "/api/evidence/packs/secrets/" + s.secret();
    long packEventsBefore = chain.forSecret(s.secret(), 1000).stream().filter(e -> e.type().equals("EVIDENCE_PACK_BUILT")).count();

    ResponseEntity<JsonNode> started = rest.withBasicAuth("oscar", "oscar").exchange(path, HttpMethod.POST, null, JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String id = started.getBody().get("id").asText();
    String location = started.getHeaders().getLocation().toString();
    assertThat(location).isEqualTo("/api/evidence/packs/builds/" + id);
    assertThat(started.getBody().get("code").asText()).isEqualTo(s.secret());
    assertThat(started.getBody().get("status").asText()).isIn("QUEUED", "RUNNING", "READY");

    // Progress: the status names the last finished phase until the pack is ready.
    JsonNode build = started.getBody();
    List<String> phases = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (!build.get("status").asText().equals("READY") && System.nanoTime() < deadline) {
      assertThat(build.get("status").asText()).as(build.toString()).isNotEqualTo("FAILED");
      if (build.hasNonNull("phase")) {
        phases.add(build.get("phase").asText());
      }
      // Not ready: the download says so.
      ResponseEntity<String> early = rest.withBasicAuth("oscar", "oscar").getForEntity(location + "/zip", String.class);
      if (early.getStatusCode() == HttpStatus.CONFLICT) {
        assertThat(early.getBody()).contains("not ready");
      }
      Thread.sleep(100);
      build = Api.as(rest, "oscar").get(location).getBody();
    }
    assertThat(build.get("status").asText()).as(build.toString()).isEqualTo("READY");
    assertThat(build.get("phase").asText()).isEqualTo("evidence event");
    assertThat(build.get("files").asInt()).isPositive();

    // Another user does not see it, even one who could build the same pack; procurement may not start one.
    assertThat(Api.as(rest, "sam").get(location).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(pack("sam", location + "/zip").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(Api.as(rest, "sam").get("/api/evidence/packs/builds").getBody().toString()).doesNotContain(id);
    assertThat(Api.as(rest, "oscar").get("/api/evidence/packs/builds").getBody().get(0).get("id").asText()).isEqualTo(id);
    assertThat(rest.withBasicAuth("paula", "paula").exchange(path, HttpMethod.POST, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // The ZIP is a pack like a direct download: verify.sh passes; its manifest is the one the chain recorded, once.
    ResponseEntity<byte[]> zip = pack("oscar", location + "/zip");
    assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.OK);
    unzip(zip.getBody(), dir);
    String manifestSha = CanonicalJson.sha256Hex(Files.readAllBytes(dir.resolve("manifest.json")));
    assertThat(zip.getHeaders().getFirst("X-Manifest-SHA256")).isEqualTo(manifestSha).isEqualTo(build.get("manifestSha256").asText());
    List<EvidenceEvent> packEvents = chain.forSecret(s.secret(), 1000).stream().filter(e -> e.type().equals("EVIDENCE_PACK_BUILT"))
        .toList();
    assertThat(packEvents).hasSize((int) packEventsBefore + 1);
    assertThat(packEvents.get(0).documentHash()).isEqualTo(manifestSha);
    assertThat(packEvents.get(0).actor()).isEqualTo("oscar");
    String report = docxText(dir.resolve("report.docx"));
    assertThat(report).contains("History per partner, in brief", s.holder(), s.former(), "SECRET_DISCLOSED");
    Result verified = verify(dir);
    assertThat(verified.exit()).as(verified.output()).isZero();
  }

  @Test
  void aCrownJewelsPackIsBuiltInTheBackgroundOnlyForItsOwnerSecurityAndAdmins() {
    Setup s = secretWithTwoRecipients("CROWN_JEWEL");
    String path = "/api/evidence/packs/secrets/" + s.secret();
    ResponseEntity<String> legal = rest.withBasicAuth("lena", "lena").exchange(path, HttpMethod.POST, null, String.class);
    assertThat(legal.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("olivia", "olivia").exchange(path, HttpMethod.POST, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("sam", "sam").exchange(path, HttpMethod.POST, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    assertThat(rest.withBasicAuth("sam", "sam").exchange("/api/evidence/packs/secrets/TS-99999", HttpMethod.POST, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aCrownJewelsPackIsOnlyForItsOwnerSecurityAndAdmins() {
    Setup s = secretWithTwoRecipients("CROWN_JEWEL");
    String path = "/api/evidence/packs/secrets/" + s.secret();
    assertThat(pack("lena", path).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(pack("olivia", path).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(pack("paula", path).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(rest, "lena").get("/api/secrets/" + s.secret() + "/measures").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(pack("sam", path).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theScorecardShowsDocumentedMeasuresGapsAndWhatIsNotApplicable() {
    Setup s = secretWithTwoRecipients("SECRET");
    JsonNode card = Api.as(rest, "lena").get("/api/secrets/" + s.secret() + "/measures").getBody();
    Map<String, JsonNode> rows = new HashMap<>();
    card.get("rows").forEach(r -> rows.put(r.get("jurisdiction").asText() + "/" + r.get("measure").asText(), r));
    assertThat(rows.get("EU/nda-before-disclosure").get("result").asText()).isEqualTo("DOCUMENTED");
    assertThat(rows.get("EU/nda-before-disclosure").get("evidence")).isNotEmpty();
    assertThat(rows.get("US/owner-approval").get("result").asText()).isEqualTo("DOCUMENTED");
    assertThat(rows.get("EU/marked").get("result").asText()).isEqualTo("DOCUMENTED");
    assertThat(rows.get("EU/training").get("result").asText()).isEqualTo("GAP");
    assertThat(rows.get("EU/training").get("detail").asText()).contains("To close:");
    assertThat(rows.get("PRC/encryption").get("result").asText()).isEqualTo("GAP");
    assertThat(rows.get("EU/return-at-end").get("result").asText()).isEqualTo("NOT_APPLICABLE");
    assertThat(rows.get("EU/attestation-current").get("result").asText()).isEqualTo("DOCUMENTED");

    String unshared = Api.as(rest, "oscar").post("/api/secrets", Fixtures.secret("Never shared", "SECRET", "oscar")).getBody().get("code").asText();
    JsonNode alone = Api.as(rest, "oscar").get("/api/secrets/" + unshared + "/measures").getBody();
    alone.get("rows").forEach(r -> {
      if (r.get("measure").asText().equals("nda-before-disclosure")) {
        assertThat(r.get("result").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(r.get("detail").asText()).contains("not been disclosed");
      }
    });

    JsonNode summary = Api.as(rest, "lena").get("/api/measures/summary").getBody();
    assertThat(summary.get("secrets").asInt()).isGreaterThanOrEqualTo(2);
    List<String> trainingGaps = new ArrayList<>();
    int[] trainingGapCount = {0};
    summary.get("gaps").forEach(g -> {
      if (g.get("jurisdiction").asText().equals("EU") && g.get("measure").asText().equals("training")) {
        g.get("secretCodes").forEach(c -> trainingGaps.add(c.asText()));
        trainingGapCount[0] = g.get("secrets").asInt();
      }
    });
    assertThat(trainingGapCount[0]).isGreaterThanOrEqualTo(2);
    if (trainingGapCount[0] <= 100) { // the summary names at most 100 secrets per gap; a shared suite may hold more
      assertThat(trainingGaps).contains(s.secret(), unshared);
    }
  }

  @Test
  void theReportPdfReadsBackWithTheTimelineAndTheScorecard() throws Exception {
    assumeThat(pdfRenderer.available()).as("LibreOffice (soffice) installed; .ci/run installs it").isTrue();
    String secret = Api.as(rest, "oscar").post("/api/secrets", Fixtures.secret("Pdf pack secret", "SECRET", "oscar")).getBody()
        .get("code").asText();
    String holder = activePartner("Pdf Holder GmbH");
    String former = activePartner("Pdf Former GmbH");
    String nda = Ndas.inForce(ndaService, ndaLifecycle, holder, List.of(secret));
    String formerNda = Ndas.inForce(ndaService, ndaLifecycle, former, List.of(secret));
    long held = disclose(secret, holder, nda, false);
    long returned = disclose(secret, former, formerNda, false);
    // The holder attests at its re-certification (procurement enters it), then is suspended; the former returns it.
    SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
        new CordonUser("paula", List.of("procurement"), List.of()), null, List.of()));
    try {
      Period period = recertifications.schedule(holder, "pdf-pack-" + holder, 12, "LOW", "SECRET");
      recertifications.request(period.id(), "pdf-pack-" + period.id(), "paula");
      recertifications.attest(period.id(), "[{\"disclosureId\":" + held + ",\"stillNeeded\":true,\"holders\":[\"Li Wei\"]}]");
    } finally {
      SecurityContextHolder.clearContext();
    }
    assertThat(Api.as(rest, "paula").post("/api/disclosures/" + held + "/status",
        Map.of("status", "SUSPENDED", "reason", "attestation under review")).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(Api.as(rest, "paula").post("/api/disclosures/" + returned + "/status",
        Map.of("status", "RETURNED", "reason", "project ended")).getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<byte[]> response = pack("oscar", "/api/evidence/packs/secrets/" + secret);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    unzip(response.getBody(), dir);
    assertThat(dir.resolve("report.pdf")).as("report.pdf in the pack").exists();
    String text;
    try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(dir.resolve("report.pdf")))) {
      text = flat(new PDFTextStripper().getText(pdf));
    }
    List<String> clauses = ndaService.version(nda, 1).clauses().stream().map(c -> c.key()).toList();
    assertThat(clauses).contains("obligations");
    assertThat(text).contains(flat("Evidence report: trade secret " + secret + ", Pdf pack secret (SECRET, owner oscar)"),
        // timeline: registration with its classification, NDAs, approvals, disclosures, attestation, suspension, return
        "SECRET_REGISTERED", flat("\"classification\":\"SECRET\""), "NDA_EXECUTED", "DISCLOSURE_APPROVED", "SECRET_DISCLOSED",
        "RECERTIFICATION_ATTESTED", "DISCLOSURE_SUSPENDED", "DISCLOSURE_RETURNED", holder, former,
        // recipients: the NDA, its version and the clause keys it was signed with, who approved, the state
        flat(held + secret + holder), flat(nda + "1"), flat("approved by oscar (owner)"), "SUSPENDED", "RETURNED",
        // scorecard rows
        flat("An executed NDA before every disclosure"), "DOCUMENTED", "GAP", "NOT_APPLICABLE", "Whistleblower", "PRC");
    assertThat(text).as("clause keys of the signed version").contains(clauses);
  }

  @Test
  void partnerAndNdaPacksCarryTheScorecardOfEachSecretTheyCoverCrownJewelsOnlyForTheEntitled() throws Exception {
    String secret = Api.as(rest, "oscar").post("/api/secrets", Fixtures.secret("Covered secret", "SECRET", "oscar")).getBody()
        .get("code").asText();
    String jewel = Api.as(rest, "oscar").post("/api/secrets", Fixtures.secret("Covered jewel", "CROWN_JEWEL", "oscar")).getBody()
        .get("code").asText();
    String partner = activePartner("Scorecard Partner GmbH");
    String nda = Ndas.inForce(ndaService, ndaLifecycle, partner, List.of(secret, jewel));
    disclose(secret, partner, nda, false);
    disclose(jewel, partner, nda, true);

    for (String path : List.of("/api/evidence/packs/partners/" + partner, "/api/evidence/packs/ndas/" + nda)) {
      // legal: the secret's scorecard; the crown jewel's is withheld, by code only
      Path legal = Files.createTempDirectory(dir, "legal");
      ResponseEntity<byte[]> forLegal = pack("lena", path);
      assertThat(forLegal.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      unzip(forLegal.getBody(), legal);
      JsonNode manifest = JSON.readTree(legal.resolve("manifest.json").toFile());
      Map<String, JsonNode> cards = new HashMap<>();
      manifest.get("scorecards").forEach(c -> cards.put(c.get("secret").asText(), c));
      assertThat(cards).as(path).containsOnlyKeys(secret, jewel);
      assertThat(cards.get(secret).get("file").asText()).isEqualTo("scorecards/" + secret + ".json");
      JsonNode card = JSON.readTree(legal.resolve("scorecards/" + secret + ".json").toFile());
      assertThat(card.get("secretCode").asText()).isEqualTo(secret);
      assertThat(cards.get(secret).get("gaps").asLong()).isEqualTo(count(card, "GAP")).isPositive();
      Map<String, String> rows = new HashMap<>();
      card.get("rows").forEach(r -> rows.put(r.get("jurisdiction").asText() + "/" + r.get("measure").asText(), r.get("result").asText()));
      assertThat(rows).containsEntry("EU/nda-before-disclosure", "DOCUMENTED").containsEntry("US/owner-approval", "DOCUMENTED")
          .containsEntry("EU/training", "GAP");
      assertThat(cards.get(jewel).get("withheld").asText()).contains("crown jewel " + jewel);
      assertThat(cards.get(jewel).has("file")).isFalse();
      assertThat(legal.resolve("scorecards/" + jewel + ".json")).doesNotExist();
      String report = docxText(legal.resolve("report.docx"));
      assertThat(report).contains(secret + " · EU", secret + " · PRC", "DOCUMENTED", "GAP", "Withheld", jewel)
          .doesNotContain(jewel + " · EU", "Covered jewel");
      assertThat(report.indexOf("Reasonable-measures scorecard")).isPositive();

      // security: both scorecards, as in each secret's own pack
      Path security = Files.createTempDirectory(dir, "security");
      unzip(pack("sam", path).getBody(), security);
      JsonNode jewelCard = JSON.readTree(security.resolve("scorecards/" + jewel + ".json").toFile());
      assertThat(jewelCard.get("secretCode").asText()).isEqualTo(jewel);
      JsonNode own = Api.as(rest, "sam").get("/api/secrets/" + jewel + "/measures").getBody();
      assertThat(jewelCard.get("rows")).isEqualTo(own.get("rows"));
      assertThat(docxText(security.resolve("report.docx"))).contains(jewel + " · EU", secret + " · EU").doesNotContain("Withheld");
    }
  }

  private static long count(JsonNode card, String result) {
    long n = 0;
    for (JsonNode r : card.get("rows")) {
      n += r.get("result").asText().equals(result) ? 1 : 0;
    }
    return n;
  }

  /** Without any whitespace: line wrapping in narrow table cells neither breaks nor fakes a phrase. */
  private static String flat(String text) {
    return text.replaceAll("\\s+", "");
  }

  record Result(int exit, String output) {
  }

  static Result verify(Path dir) throws IOException, InterruptedException {
    return verify(dir, Map.of());
  }

  static Result verify(Path dir, Map<String, String> environment) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", dir.resolve("verify.sh").toString()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  static void unzip(byte[] zip, Path into) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        Path target = into.resolve(entry.getName()).normalize();
        assertThat(target.startsWith(into)).isTrue();
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      }
    }
  }

  static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  static String docxText(Path file) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(file)); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      return text.getText();
    }
  }
}
