package io.cordon.partner;

public enum RiskTier {
  LOW, MEDIUM, HIGH, CRITICAL
}
