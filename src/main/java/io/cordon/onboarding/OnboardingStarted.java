package io.cordon.onboarding;

import java.util.List;

/** The checked request: the partner now ONBOARDING, the secrets requested, and what the decisions need. */
record OnboardingStarted(String partnerCode, String country, String partnerType, List<String> secretCodes,
    String highestClassification) {
}
