package io.cordon.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Link tokens: 256 random bits, URL-safe Base64 without padding (43 characters); only their SHA-256 is stored. */
final class LinkTokens {

  static final int BYTES = 32;
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private LinkTokens() {
  }

  static String generate() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the text can be a token at all: anything else is refused before the database is asked. */
  static boolean wellFormed(String token) {
    return token != null && FORMAT.matcher(token).matches();
  }

  static String hash(String token) {
    return sha256(token.getBytes(StandardCharsets.US_ASCII));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
