package io.cordon.evidence;

import java.util.Collection;

/**
 * Whether the current reader may see the details of the given secrets (for a crown jewel: its owner, security,
 * admins). Implemented by the register of secrets; the evidence views use it to redact event payloads.
 */
public interface EvidenceReaders {

  boolean maySeeDetails(Collection<String> secretCodes);
}
