package io.cordon.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.partner.RiskTier;
import io.cordon.recertification.RecertificationFixture;
import io.cordon.secret.Classification;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A secret's evidence pack and measures scorecard on its page, and a partner's evidence pack on the partner's page:
 * shown to those the API gives them to (the owner, legal, security, admins; a crown jewel's not to legal; a partner's
 * pack to legal, security, admins), and the links work with the console's session.
 */
@CordonIntegrationTest
class ConsoleEvidenceIT {

  @LocalServerPort
  int port;
  @Autowired
  RecertificationFixture fixture;

  @Test
  void theOwnerLegalAndSecuritySeeTheScorecardAndThePackOthersDoNot() throws Exception {
    var partner = fixture.activePartner(RiskTier.LOW, 6, List.of(), Classification.SECRET, Classification.CROWN_JEWEL);
    String secret = partner.secretCodes().get(0);
    String crownJewel = partner.secretCodes().get(1);
    String pack = "/api/evidence/packs/secrets/" + secret;

    for (String entitled : List.of("oscar", "lena", "sam", "ada")) {
      ConsoleSession session = ConsoleSession.signIn(port, entitled);
      String page = session.get("/console/secrets/" + secret).body();
      assertThat(page).as(entitled).contains("id=\"evidence-pack\"").contains("href=\"" + pack + "\"")
          .contains("href=\"/api/secrets/" + secret + "/measures\"").contains("id=\"scorecard\"");
      // The scorecard is the secret's: disclosed once, after an executed NDA and the owner's approval.
      assertThat(page).as(entitled).contains("data-result=\"DOCUMENTED\"").contains("Documented")
          .contains("each after its NDA was executed");
      HttpResponse<byte[]> zip = session.download(pack);
      assertThat(zip.statusCode()).as(entitled).isEqualTo(200);
      assertThat(zip.headers().firstValue("Content-Type")).as(entitled).hasValue("application/zip");
      assertThat(zip.body()).as(entitled).startsWith('P', 'K');
    }

    for (String unentitled : List.of("paula", "olivia")) {
      ConsoleSession session = ConsoleSession.signIn(port, unentitled);
      String page = session.get("/console/secrets/" + secret).body();
      assertThat(page).as(unentitled).doesNotContain("id=\"evidence-pack\"").doesNotContain(pack)
          .doesNotContain("id=\"scorecard\"").doesNotContain("data-result=")
          .contains("The evidence pack and the measures scorecard are for the secret");
      assertThat(session.download(pack).statusCode()).as(unentitled).isEqualTo(403);
    }

    // A crown jewel's evidence: its owner, security and admins, not legal.
    ConsoleSession lena = ConsoleSession.signIn(port, "lena");
    assertThat(lena.get("/console/secrets/" + crownJewel).body()).doesNotContain("id=\"scorecard\"")
        .doesNotContain("/api/evidence/packs/secrets/" + crownJewel);
    assertThat(ConsoleSession.signIn(port, "oscar").get("/console/secrets/" + crownJewel).body()).contains("id=\"scorecard\"")
        .contains("/api/evidence/packs/secrets/" + crownJewel);
  }

  @Test
  void aPartnersPackIsLinkedForLegalSecurityAndAdminsOnly() throws Exception {
    var partner = fixture.activePartner(RiskTier.LOW, 6, List.of(), Classification.CONFIDENTIAL);
    String pack = "/api/evidence/packs/partners/" + partner.code();
    for (String entitled : List.of("lena", "sam", "ada")) {
      ConsoleSession session = ConsoleSession.signIn(port, entitled);
      assertThat(session.get("/console/partners/" + partner.code()).body()).as(entitled)
          .contains("id=\"partner-pack\"").contains("href=\"" + pack + "\"");
      assertThat(session.download(pack).statusCode()).as(entitled).isEqualTo(200);
    }
    for (String unentitled : List.of("paula", "oscar")) {
      ConsoleSession session = ConsoleSession.signIn(port, unentitled);
      assertThat(session.get("/console/partners/" + partner.code()).body()).as(unentitled)
          .doesNotContain("id=\"partner-pack\"").doesNotContain(pack);
      assertThat(session.download(pack).statusCode()).as(unentitled).isEqualTo(403);
    }
  }
}
