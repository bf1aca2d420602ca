package io.cordon;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One GreenMail SMTP server for the whole integration suite, on a free port, started with the first application
 * context and stopped with the JVM. The context sends to it; the scheduled sweep is off, so tests send by calling
 * {@code OutboxSender.sweep()} and nothing is sent behind their back.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static GreenMail server;

  public static synchronized GreenMail get() {
    if (server == null) {
      GreenMail started = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
      started.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "greenmail-stop"));
      server = started;
    }
    return server;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    int port = get().getSmtp().getPort();
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testMailServer", Map.of(
        "spring.mail.host", "127.0.0.1",
        "spring.mail.port", port,
        "cordon.mail.from", "cordon@cordon.example",
        "cordon.mail.sending-enabled", false)));
  }
}
