/** BPMN glue for offboarding: certificates of return or destruction, closed disclosures, the partner offboarded. */
package io.cordon.offboarding;
