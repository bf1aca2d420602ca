/** The evidence chain: an append-only, hash-chained record of every step, written in the same transaction as the step, and its verification. */
package io.cordon.evidence;
