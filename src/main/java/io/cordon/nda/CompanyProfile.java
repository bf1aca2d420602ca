package io.cordon.nda;

import io.cordon.platform.Countries;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The company that uses Cordon, as it appears in its NDAs ({@code cordon.nda.company.*}). Bound at start-up: a missing
 * legal name, registration number, address or country stops Cordon with the variables to set, rather than every NDA
 * failing later. The Chinese name is needed only for partners in China; generation names it if it is missing then.
 * The country (ISO 3166 alpha-2) lets the clause-selection table choose the governing law for the company.
 */
@ConfigurationProperties(prefix = "cordon.nda.company")
public record CompanyProfile(String legalName, String nativeName, String registrationId, String address, String country) {

  public CompanyProfile {
    List<String> missing = new ArrayList<>();
    require(legalName, "cordon.nda.company.legal-name (CORDON_COMPANY_LEGAL_NAME)", missing);
    require(registrationId, "cordon.nda.company.registration-id (CORDON_COMPANY_REGISTRATION_ID)", missing);
    require(address, "cordon.nda.company.address (CORDON_COMPANY_ADDRESS)", missing);
    if (!Countries.isValid(country)) {
      missing.add("cordon.nda.company.country (CORDON_COMPANY_COUNTRY, an ISO 3166 alpha-2 code such as DE or GB"
          + (country == null || country.isBlank() ? ")" : "; '" + country + "' is not one)"));
    }
    if (!missing.isEmpty()) {
      throw new CompanyProfileMissingException(missing);
    }
    nativeName = nativeName == null || nativeName.isBlank() ? null : nativeName;
  }

  private static void require(String value, String name, List<String> missing) {
    if (value == null || value.isBlank()) {
      missing.add(name);
    }
  }
}
