package io.cordon.workflow;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submission that is not the answer to its form: a variable the form does not have, a value of the wrong type or
 * outside the allowed ones, a required field missing. Nothing of the submission is kept; the message says what to fix.
 * A form validation failure to the engine, so that Camunda REST and Tasklist answer it as a bad request.
 */
public class FormRefusedException extends FormFieldValidationException {

  public FormRefusedException(String message) {
    super("form", message);
  }
}
