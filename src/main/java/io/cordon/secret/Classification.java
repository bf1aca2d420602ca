package io.cordon.secret;

/** How sensitive a secret is, in ascending order: {@code CONFIDENTIAL < SECRET < CROWN_JEWEL}. */
public enum Classification {
  CONFIDENTIAL, SECRET, CROWN_JEWEL;

  public boolean isAtLeast(Classification other) {
    return compareTo(other) >= 0;
  }
}
