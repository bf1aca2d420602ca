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
 * pack to legal, security, admins). The page's button starts a background build; the build's page follows it until
 * the ZIP is ready and links the download, all with the console's session.
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
      assertThat(page).as(entitled).contains("id=\"evidence-pack\"").contains("action=\"/console/packs/secrets/" + secret + "\"")
          .contains("href=\"/api/secrets/" + secret + "/measures\"").contains("id=\"scorecard\"");
      // The scorecard is the secret's: disclosed once, after an executed NDA and the owner's approval.
      assertThat(page).as(entitled).contains("data-result=\"DOCUMENTED\"").contains("Documented")
          .contains("each after its NDA was executed");
      HttpResponse<byte[]> zip = session.download(built(session, "/console/secrets/" + secret, "evidence-pack"));
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
      // Nor can they start its build from the console.
      HttpResponse<String> start = session.post("/console/packs/secrets/" + secret);
      assertThat(start.statusCode()).as(unentitled).isEqualTo(403);
      assertThat(start.body()).as(unentitled).contains("You are not allowed to do this");
    }

    // A crown jewel's evidence: its owner, security and admins, not legal.
    ConsoleSession lena = ConsoleSession.signIn(port, "lena");
    assertThat(lena.get("/console/secrets/" + crownJewel).body()).doesNotContain("id=\"scorecard\"")
        .doesNotContain("/console/packs/secrets/" + crownJewel);
    assertThat(ConsoleSession.signIn(port, "oscar").get("/console/secrets/" + crownJewel).body()).contains("id=\"scorecard\"")
        .contains("/console/packs/secrets/" + crownJewel);
  }

  @Test
  void aPartnersPackIsLinkedForLegalSecurityAndAdminsOnly() throws Exception {
    var partner = fixture.activePartner(RiskTier.LOW, 6, List.of(), Classification.CONFIDENTIAL);
    String pack = "/api/evidence/packs/partners/" + partner.code();
    for (String entitled : List.of("lena", "sam", "ada")) {
      ConsoleSession session = ConsoleSession.signIn(port, entitled);
      assertThat(session.get("/console/partners/" + partner.code()).body()).as(entitled)
          .contains("id=\"partner-pack\"").contains("action=\"/console/packs/partners/" + partner.code() + "\"");
      assertThat(session.download(built(session, "/console/partners/" + partner.code(), "partner-pack")).statusCode())
          .as(entitled).isEqualTo(200);
    }
    for (String unentitled : List.of("paula", "oscar")) {
      ConsoleSession session = ConsoleSession.signIn(port, unentitled);
      assertThat(session.get("/console/partners/" + partner.code()).body()).as(unentitled)
          .doesNotContain("id=\"partner-pack\"").doesNotContain(pack);
      assertThat(session.download(pack).statusCode()).as(unentitled).isEqualTo(403);
      assertThat(session.post("/console/packs/partners/" + partner.code()).statusCode()).as(unentitled).isEqualTo(403);
    }
  }

  /**
   * Starts the build with the page's button, follows the build's page (which asks to be reloaded while it runs) until
   * it offers the download, and returns the download's address.
   */
  static String built(ConsoleSession session, String page, String formId) throws Exception {
    HttpResponse<String> started = session.submit(page, formId);
    assertThat(started.statusCode()).as(page).isEqualTo(302);
    String location = started.headers().firstValue("Location").orElseThrow();
    String buildPage = location.substring(location.indexOf("/console/packs/"));
    assertThat(buildPage).matches("/console/packs/[0-9a-f-]{36}");
    long until = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
    while (true) {
      HttpResponse<String> build = session.get(buildPage);
      assertThat(build.statusCode()).isEqualTo(200);
      String body = build.body();
      assertThat(body).doesNotContain("data-status=\"FAILED\"");
      java.util.regex.Matcher download = java.util.regex.Pattern.compile("id=\"pack-download\" href=\"([^\"]+)\"").matcher(body);
      if (download.find()) {
        assertThat(build.headers().firstValue("Refresh")).isEmpty();
        assertThat(body).contains("data-status=\"READY\"").contains("id=\"pack-manifest\"");
        return download.group(1);
      }
      // Still queued or running: the page reloads itself and shows how far the build is.
      assertThat(build.headers().firstValue("Refresh")).hasValue(String.valueOf(PackPages.REFRESH_SECONDS));
      assertThat(body).contains("id=\"pack-progress\"");
      assertThat(System.nanoTime()).as("the build of " + page + " ends").isLessThan(until);
      Thread.sleep(300);
    }
  }
}
