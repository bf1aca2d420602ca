package io.cordon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The services' English sentences shown in the console's language through the bundle's {@code service.*} texts. */
class ServiceMessagesTest {

  private static final Locale CHINESE = Locale.forLanguageTag("zh");

  private final ResourceBundleMessageSource bundle = bundle();
  private final ServiceMessages messages = new ServiceMessages(bundle);

  private static ResourceBundleMessageSource bundle() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  @Test
  void aKnownSentenceIsTranslatedWithItsVaryingParts() {
    assertThat(messages.text("No trade secret with code TS-0042.", CHINESE)).isEqualTo("没有编号为 TS-0042 的商业秘密。");
    assertThat(messages.text("'Germany' is not an ISO 3166 country code", CHINESE)).isEqualTo("“Germany”不是 ISO 3166 国家代码");
    assertThat(messages.text("Partner P-0007 is ONBOARDING: only active or suspended partners are offboarded.", CHINESE))
        .isEqualTo("合作方 P-0007 的状态为 ONBOARDING：只有活跃或已暂停的合作方才能退出合作。");
  }

  @Test
  void theMostSpecificSentenceWins() {
    assertThat(messages.text("Trade secret TS-0001 stays AT_RISK: leak incident INC-3 is open for it and returns it to its status "
        + "before the report when it closes; close or cancel that incident instead.", CHINESE))
        .isEqualTo("商业秘密 TS-0001 保持状态 AT_RISK：泄露事件 INC-3 尚未结束，结束时会将其恢复为报告前的状态；请改为关闭或取消该事件。");
    assertThat(messages.text("Trade secret TS-0001 stays ACTIVE: something else.", CHINESE))
        .isEqualTo("商业秘密 TS-0001 保持状态 ACTIVE：something else。");
  }

  @Test
  void englishAndUnknownSentencesAreShownAsTheServiceWroteThem() {
    assertThat(messages.text("No trade secret with code TS-0042.", Locale.ENGLISH)).isEqualTo("No trade secret with code TS-0042.");
    assertThat(messages.text("No trade secret with code TS-0042.", Locale.US)).isEqualTo("No trade secret with code TS-0042.");
    assertThat(messages.text("A sentence no bundle knows.", CHINESE)).isEqualTo("A sentence no bundle knows.");
    assertThat(messages.text(null, CHINESE)).isNull();
  }

  @Test
  void everyServiceSentenceOfTheBundleIsRecognisedAndTranslated() throws IOException {
    Properties english = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
      english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    int checked = 0;
    for (String key : english.stringPropertyNames()) {
      if (!key.startsWith(ServiceMessages.PREFIX)) {
        continue;
      }
      Object[] args = {"A-10", "B-20", "C-30"};
      String text = english.getProperty(key);
      String sentence = text.contains("{0}") || text.contains("{1}") ? new MessageFormat(text, Locale.ENGLISH).format(args) : text;
      String translated = messages.text(sentence, CHINESE);
      assertThat(translated).as(key).isEqualTo(bundle.getMessage(key, args, CHINESE)).isNotEqualTo(sentence);
      checked++;
    }
    assertThat(checked).isGreaterThan(25);
  }
}
