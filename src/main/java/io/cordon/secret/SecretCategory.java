package io.cordon.secret;

public enum SecretCategory {
  TECHNICAL, PROCESS, BUSINESS, DATA, SOFTWARE
}
