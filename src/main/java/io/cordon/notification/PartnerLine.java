package io.cordon.notification;

/** The partner a mail concerns, as shown in it. */
public record PartnerLine(String code, String name) {

  public PartnerLine {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("partner code is required");
    }
  }
}
