package io.cordon.nda;

import java.util.List;

/**
 * The port through which the NDA engine learns, by value, who the partner is and which secrets an NDA covers. The
 * partner and trade-secret register implements it; this module depends on nothing else.
 */
public interface NdaSubjects {

  /**
   * The partner and the secrets, secrets in the order of {@code secretCodes}.
   *
   * @throws io.cordon.platform.NotFoundException naming every unknown partner or secret code
   */
  Subjects resolve(String partnerCode, List<String> secretCodes);

  /** A partner and the secrets an NDA is to cover. */
  record Subjects(Partner partner, List<Secret> secrets) {
  }

  /**
   * @param nativeName     the legal name in the partner's own script (e.g. Chinese), {@code null} if none recorded
   * @param country        ISO 3166-1 alpha-2, upper case
   * @param address        registered address, {@code null} if not recorded (generation then fails naming it)
   * @param registrationId company registration number, {@code null} if not recorded
   */
  record Partner(String code, String legalName, String nativeName, String country, PartnerType type, String address,
      String registrationId) {
  }

  /** Metadata only: a secret's content never reaches the NDA engine. */
  record Secret(String code, SecretCategory category, Classification classification) {
  }

  enum PartnerType { SUPPLIER, CONTRACT_MANUFACTURER, DISTRIBUTOR, RD_PARTNER, SERVICE_PROVIDER }

  enum SecretCategory { TECHNICAL, PROCESS, BUSINESS, DATA, SOFTWARE }

  /** In ascending order of sensitivity. */
  enum Classification { CONFIDENTIAL, SECRET, CROWN_JEWEL }
}
