package io.cordon.nda;

/** Clause categories, in the order their clauses appear in a document. */
public enum ClauseCategory {
  DEFINITION, OBLIGATIONS, PERMITTED_RECIPIENTS, RESIDUALS_EXCLUSION, SUB_TIER_FLOW_DOWN, AUDIT_RIGHTS, DATA_PROTECTION,
  RETURN_DESTROY, REMEDIES, WHISTLEBLOWER_NOTICE, TERM_SURVIVAL, GOVERNING_LAW
}
