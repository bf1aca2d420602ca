/** Evidence for disputes: evidence packs, the reasonable-measures scorecard per secret and jurisdiction, built from the chain and the register. */
package io.cordon.dispute;
