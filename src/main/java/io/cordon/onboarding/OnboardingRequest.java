package io.cordon.onboarding;

import java.util.List;

/** What the start form asks for. Either an existing prospect's code, or a new partner's basic data. */
record OnboardingRequest(String partnerCode, String partnerName, String partnerCountry, String partnerType,
    String partnerAddress, String partnerNativeName, String partnerRegistrationId, String contactName, String contactEmail, String purpose, List<String> secretCodes, String ndaKind) {
}
