package io.cordon.notification;

import io.cordon.secret.Classification;

/**
 * A trade secret as a mail may mention it: code and classification, and the title unless it is a
 * {@code CROWN_JEWEL}. The title of a crown jewel is dropped here, so no template and no caller can put it in a mail
 * (mail leaves Cordon and lands in inboxes, forwards and archives Cordon does not control).
 */
public record SecretLine(String code, Classification classification, String title) {

  public SecretLine {
    if (code == null || code.isBlank() || classification == null) {
      throw new IllegalArgumentException("secret code and classification are required");
    }
    if (classification == Classification.CROWN_JEWEL) {
      title = null;
    }
  }
}
