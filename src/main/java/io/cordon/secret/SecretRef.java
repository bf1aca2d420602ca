package io.cordon.secret;

/** What other modules need to know of a secret (no title: callers decide what their user may see). */
public record SecretRef(long id, String code, SecretCategory category, Classification classification, String ownerId,
    SecretStatus status) {

  static SecretRef of(TradeSecret s) {
    return new SecretRef(s.getId(), s.getCode(), s.getCategory(), s.getClassification(), s.getOwnerId(), s.getStatus());
  }
}
