package io.cordon.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Canonical JSON (sorted keys, no white space) and SHA-256, as used by the evidence chain and evidence packs. */
public final class CanonicalJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .build();

  private static final HexFormat HEX = HexFormat.of();
  // One digest per thread: looking the algorithm up for every event cost a measurable share of chain verification.
  // digest() resets it, so each use starts clean.
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  });

  private CanonicalJson() {
  }

  public static String write(Map<String, Object> facts) {
    try {
      return MAPPER.writeValueAsString(facts);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Evidence payload cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256Hex(byte[] bytes) {
    return HEX.formatHex(SHA_256.get().digest(bytes));
  }

  /** Appends {@code value} as a JSON string (RFC 8259 escaping; non-ASCII stays as UTF-8 text). */
  /** Appends {@code value} as a JSON string (RFC 8259 escapes), as the canonical form writes it. */
  public static void quote(StringBuilder b, String value) {
    b.append('"');
    // Runs of characters that need no escape are copied at once (an evidence pack quotes every event's canonical
    // text: millions of characters, nearly all of them plain).
    int run = 0;
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      b.append(value, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> b.append(String.format("\\u%04x", (int) c));
      }
    }
    b.append(value, run, length);
    b.append('"');
  }
}
