package io.cordon.workflow;

import java.util.List;

/**
 * A process module's forms: one bean per process module lists the contract of every user task, start and message of
 * its models. Submissions to anything not listed set no variables.
 */
public interface ProcessForms {

  List<FormContract> contracts();
}
