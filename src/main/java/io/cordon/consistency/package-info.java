/**
 * Consistency checker: set-based SQL over the register, the engine's runtime tables, the document store, the evidence
 * chain and the mail outbox that lists every record breaking one of Cordon's invariants, on demand (REST), on a
 * schedule (health component and mail to the administrators) and from the command line.
 */
package io.cordon.consistency;
