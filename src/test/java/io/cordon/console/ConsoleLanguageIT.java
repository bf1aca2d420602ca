package io.cordon.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.CordonIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in Chinese: chosen on the page ({@code ?lang=zh}, then kept by a cookie) or asked for by the browser
 * (Accept-Language); English otherwise, and for a language the console does not have.
 */
@CordonIntegrationTest
class ConsoleLanguageIT {

  @LocalServerPort
  int port;

  @Test
  void theLanguageChosenOnThePageIsKept() throws Exception {
    ConsoleSession oscar = ConsoleSession.signIn(port, "oscar");
    assertThat(oscar.get("/console/secrets").body()).contains("<html lang=\"en\"").contains(">Trade secrets<")
        .contains("href=\"/console/secrets?lang=zh\"");

    HttpResponse<String> chosen = oscar.get("/console/secrets?classification=SECRET&lang=zh");
    assertThat(chosen.statusCode()).isEqualTo(200);
    assertThat(chosen.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith(ConsoleLocales.COOKIE + "=zh"));
    assertThat(chosen.body()).contains("<html lang=\"zh\"").contains(">商业秘密<").contains(">登记商业秘密<")
        .doesNotContain(">Trade secrets<")
        // The switch keeps the page's filters.
        .contains("href=\"/console/secrets?classification=SECRET&amp;lang=en\"");

    // Kept on the next pages without the parameter, until English is chosen.
    assertThat(oscar.get("/console/due").body()).contains(">待办事项<").contains("各用户组的未完成任务");
    assertThat(oscar.get("/console/due?lang=en").body()).contains(">What is due<");
    assertThat(oscar.get("/console/due").body()).contains(">What is due<").doesNotContain("待办事项");
  }

  @Test
  void theBrowsersLanguageDecidesWhenNothingWasChosen() throws Exception {
    ConsoleSession sam = ConsoleSession.signIn(port, "sam");
    assertThat(sam.get("/console", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").body())
        .contains("<html lang=\"zh\"").contains("登记簿总览").contains("按密级统计的商业秘密");
    assertThat(sam.get("/console", "Accept-Language", "de-DE,de;q=0.9").body()).contains("The register at a glance");
    // A language the console has no bundle for is ignored.
    assertThat(sam.get("/console?lang=xx").body()).contains("The register at a glance");
    assertThat(ConsoleSession.anonymous(port).get("/console/login", "Accept-Language", "zh-CN").body())
        .contains("登录 Cordon").contains("用户名");
  }
}
