/** Disclosures of secrets to partners (the lineage: who holds what, under which NDA, approved by whom) and the gate through which a disclosure becomes real. */
package io.cordon.disclosure;
