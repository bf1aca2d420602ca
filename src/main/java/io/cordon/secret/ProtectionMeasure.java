package io.cordon.secret;

/** Reasonable measures of secrecy the owner has in place for a secret. */
public enum ProtectionMeasure {
  ACCESS_CONTROL, MARKING, ENCRYPTION, TRAINING, NDA_COVERAGE
}
