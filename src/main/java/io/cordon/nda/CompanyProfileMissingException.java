package io.cordon.nda;

import java.util.List;

/** The company data every NDA needs is not configured; start-up stops and lists what to set. */
class CompanyProfileMissingException extends RuntimeException {

  private final List<String> missing;

  CompanyProfileMissingException(List<String> missing) {
    super("The company as its NDAs name it is not configured. Missing or invalid: " + String.join(", ", missing) + ".");
    this.missing = List.copyOf(missing);
  }

  List<String> missing() {
    return missing;
  }
}
