package io.cordon.nda;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The company that uses Cordon, as it appears in its NDAs ({@code cordon.nda.company.*}). A missing value fails
 * generation with the field's name, never a blank in a contract.
 */
@ConfigurationProperties(prefix = "cordon.nda.company")
public record CompanyProfile(String legalName, String nativeName, String registrationId, String address) {
}
