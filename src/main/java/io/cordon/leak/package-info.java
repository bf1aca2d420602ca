/** BPMN glue for leak response: incidents, the lineage snapshot, containment, notification and legal action. */
package io.cordon.leak;
