/**
 * Periodic re-certification (BPMN glue and its records): one {@code RecertificationProcess} per active partner, started
 * when onboarding completes. Each period the interval comes from {@code RecertificationInterval.dmn}; the partner is
 * asked to attest, per disclosure, who holds it and whether it is still needed; a lapse suspends the partner's
 * disclosures; the executed NDA's term is watched. Also the calendar and the attestation history (REST).
 */
package io.cordon.recertification;
