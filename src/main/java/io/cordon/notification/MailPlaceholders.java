package io.cordon.notification;

import java.util.Optional;

/**
 * What a queued mail may hold only as a placeholder, because it must not rest in the database: a partner link's
 * token. The outbox keeps {@code {prefix:argument}}; the sender asks the bean for that prefix to resolve it just before
 * the message goes out, once per message (the HTML and the text part get the same value).
 */
public interface MailPlaceholders {

  /** The prefix this bean resolves, without braces or colon, e.g. {@code partner-link}. */
  String prefix();

  /** The text to send in place of {@code {prefix:argument}}; empty when there is nothing to send any more. */
  Optional<String> resolve(String argument);

  static String of(String prefix, Object argument) {
    return "{" + prefix + ":" + argument + "}";
  }
}
