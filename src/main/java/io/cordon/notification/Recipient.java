package io.cordon.notification;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Whom a mail goes to: a Cordon user ({@code userId} set) or an outside address. The zone is where the recipient
 * reads the due date; {@code null} means the configured default ({@code cordon.mail.zone}).
 */
public record Recipient(String userId, String name, String email, ZoneId zone) {

  public Recipient {
    if (email == null || email.isBlank() || !email.contains("@") || email.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("recipient needs a valid e-mail address, got '" + email + "'");
    }
    email = email.strip();
    name = name == null || name.isBlank() ? email : name.strip();
  }

  /** The address as stored and compared: case-insensitive, so one person never gets the same mail twice. */
  String address() {
    return email.toLowerCase(Locale.ROOT);
  }
}
