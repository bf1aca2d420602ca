package io.cordon.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The sentences that services put in their errors and notices (the API's problem details, in English), shown by the
 * console in the console's language. Each known sentence has a key {@code service.*} in the message bundle: its
 * English text is the sentence as the service writes it, with {@code {0}}, {@code {1}} for the parts that vary
 * (a code, a status); a translation is a file, as for every other text of the console. A sentence the bundle does not
 * know is shown as the service wrote it. The API is not touched: its problem details stay English.
 */
@Component("serviceMessages")
public class ServiceMessages {

  static final String PREFIX = "service.";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

  /** One known sentence: its key, the English text as a pattern, and which placeholder each group fills. */
  record Sentence(String key, Pattern english, int[] arguments, int count) {
  }

  private final MessageSource messages;
  private final List<Sentence> sentences;

  ServiceMessages(MessageSource messages) {
    this.messages = messages;
    this.sentences = sentences(english());
  }

  /**
   * The sentence in the language of the current request (English when the bundle does not know it). Public for the
   * pages' expressions ({@code ${@serviceMessages.text(...)}}).
   */
  public String text(String english) {
    return text(english, LocaleContextHolder.getLocale());
  }

  String text(String english, Locale locale) {
    if (english == null || english.isEmpty() || locale == null || Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
      return english;
    }
    String trimmed = english.strip();
    for (Sentence s : sentences) {
      Matcher m = s.english().matcher(trimmed);
      if (m.matches()) {
        Object[] args = new Object[s.count()];
        for (int g = 0; g < s.arguments().length; g++) {
          args[s.arguments()[g]] = m.group(g + 1);
        }
        return messages.getMessage(s.key(), args, english, locale);
      }
    }
    return english;
  }

  private static Properties english() {
    Properties english = new Properties();
    try (InputStream in = ServiceMessages.class.getResourceAsStream("/messages.properties")) {
      if (in != null) {
        english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return english;
  }

  /** The {@code service.*} texts as patterns, longest first (a longer sentence is the more specific). */
  static List<Sentence> sentences(Properties english) {
    List<Sentence> list = new ArrayList<>();
    for (String key : english.stringPropertyNames()) {
      if (!key.startsWith(PREFIX)) {
        continue;
      }
      String text = english.getProperty(key);
      boolean formatted = PLACEHOLDER.matcher(text).find();
      // With placeholders the bundle's text is a MessageFormat pattern, whose apostrophes are doubled.
      String literal = formatted ? text.replace("''", "'") : text;
      StringBuilder regex = new StringBuilder();
      List<Integer> order = new ArrayList<>();
      Matcher m = PLACEHOLDER.matcher(literal);
      int at = 0;
      int count = 0;
      while (m.find()) {
        regex.append(Pattern.quote(literal.substring(at, m.start()))).append("(.+?)");
        int index = Integer.parseInt(m.group(1));
        order.add(index);
        count = Math.max(count, index + 1);
        at = m.end();
      }
      regex.append(Pattern.quote(literal.substring(at)));
      list.add(new Sentence(key, Pattern.compile(regex.toString(), Pattern.DOTALL), order.stream().mapToInt(Integer::intValue).toArray(),
          count));
    }
    list.sort((a, b) -> Integer.compare(b.english().pattern().length(), a.english().pattern().length()));
    return List.copyOf(list);
  }
}
