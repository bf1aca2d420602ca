package io.cordon.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.CordonIntegrationTest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The services' sentences (errors and notices, as in the API's problem details) shown by the console in the console's
 * language: a page not found, a form's refusals next to their fields, a failed evidence pack build; the API's problem
 * details stay English whatever the language asked for.
 */
@CordonIntegrationTest
class ConsoleServiceMessagesIT {

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aSecretNotFoundIsSaidInChineseOnThePageAndInEnglishByTheApi() throws Exception {
    ConsoleSession oscar = ConsoleSession.signIn(port, "oscar");
    HttpResponse<String> english = oscar.get("/console/secrets/TS-99999");
    assertThat(english.statusCode()).isEqualTo(404);
    assertThat(english.body()).contains("No trade secret with code TS-99999.");

    HttpResponse<String> chinese = oscar.get("/console/secrets/TS-99999?lang=zh");
    assertThat(chinese.statusCode()).isEqualTo(404);
    assertThat(chinese.body()).contains("没有编号为 TS-99999 的商业秘密。").doesNotContain("No trade secret");

    // The API (same session, Chinese chosen and asked for) keeps its problem details in English.
    HttpResponse<String> api = oscar.get("/api/secrets/TS-99999", "Accept-Language", "zh-CN,zh;q=0.9");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.body()).contains("No trade secret with code TS-99999.").doesNotContain("商业秘密");
  }

  @Test
  void aFormsRefusalsAreShownInChineseNextToTheirFields() throws Exception {
    ConsoleSession oscar = ConsoleSession.signIn(port, "oscar");
    oscar.get("/console?lang=zh");
    HttpResponse<String> refused = oscar.post("/console/secrets/new", "title", " ", "classification", "SECRET", "category",
        "TECHNICAL", "ownerId", "nobody-" + UUID.randomUUID().toString().substring(0, 6), "countries", "Germany");
    assertThat(refused.statusCode()).isEqualTo(200);
    // Bean validation's own messages come in Chinese from its bundle; Cordon's (the country code) from the console's.
    assertThat(refused.body()).containsPattern("id=\"title-error\">\\p{IsHan}+<")
        .contains("id=\"countries-error\">必须是 ISO 3166 两位字母国家代码，例如 DE 或 CN<")
        .doesNotContain("must not be blank").doesNotContain("country code such as");
  }

  @Test
  void aFailedPackBuildSaysWhyInTheConsolesLanguage() throws Exception {
    String failed = build("FAILED", "The pack could not be built. Start it again; if it fails again, tell your administrator "
        + "(build 1234).", Instant.now());
    String abandoned = build("RUNNING", null, ClockUtil.getCurrentTime().toInstant().minus(Duration.ofHours(3)));
    ConsoleSession oscar = ConsoleSession.signIn(port, "oscar");

    String english = oscar.get("/console/packs/" + failed).body();
    assertThat(english).contains("data-status=\"FAILED\"").contains("role=\"alert\"")
        .contains("The build failed. The pack could not be built. Start it again; if it fails again, tell your administrator (build 1234).")
        .contains("id=\"pack-again\"").contains("action=\"/console/packs/secrets/TS-0001\"").doesNotContain("pack-download");

    HttpResponse<String> chinese = oscar.get("/console/packs/" + failed + "?lang=zh");
    assertThat(chinese.headers().firstValue("Refresh")).isEmpty();
    assertThat(chinese.body()).contains("生成失败。证据包未能生成。请重新开始；如果再次失败，请告知管理员（生成编号 1234）。")
        .contains(">重新生成<").doesNotContain("could not be built");
    assertThat(oscar.get("/console/packs/" + abandoned).body()).contains("data-status=\"FAILED\"")
        .contains("生成未完成（服务器可能已重启）。请重新生成。");

    // Another user's build is not theirs to see.
    HttpResponse<String> other = ConsoleSession.signIn(port, "sam").get("/console/packs/" + failed);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("TS-0001");
  }

  private String build(String status, String problem, Instant requestedAt) {
    String id = UUID.randomUUID().toString();
    jdbc.update("insert into evidence_pack_build (id, subject_kind, subject_code, requested_by, requested_at, status, phase, problem) "
        + "values (?, 'SECRET', 'TS-0001', 'oscar', ?, ?, 'started', ?)", id, Timestamp.from(requestedAt), status, problem);
    return id;
  }
}
