package io.cordon.disclosure;

/**
 * Port to the NDA register: is this NDA in force for this partner? The disclosure gate lets a secret reach a partner
 * only when the answer is {@link Standing#IN_FORCE}: an executed NDA, with that partner, not expired or terminated.
 */
public interface NdaCheck {

  enum Standing {
    IN_FORCE, UNKNOWN, NOT_EXECUTED, EXPIRED, TERMINATED, OTHER_PARTNER
  }

  Standing standing(String ndaReference, Integer ndaVersion, String partnerCode);

  /** What the executed NDA covers: the secrets in its Schedule A and the clause keys of the signed version. */
  record Coverage(Standing standing, java.util.Set<String> scheduleA, java.util.Set<String> clauseKeys) {
  }

  Coverage coverage(String ndaReference, String partnerCode);
}
