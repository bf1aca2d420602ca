package io.cordon.notification;

/**
 * Names the reminder delegates read: input parameters of the service task, and process variables a process may set
 * so that its mails name the partner and the secrets concerned.
 */
public final class MailVariables {

  /** Input parameter (optional): id of the user task to remind of; default: the task the boundary event is attached to. */
  public static final String TASK_DEFINITION_KEY = "taskDefinitionKey";
  /** Input parameter (optional): period of a repeating reminder, part of the idempotency key (e.g. the date). */
  public static final String PERIOD = "period";
  /** Process variable (optional): partner code, e.g. {@code P-0042}. */
  public static final String PARTNER_CODE = "partnerCode";
  /** Process variable (optional): secret codes, comma-separated string or a collection of strings. */
  public static final String SECRET_CODES = "secretCodes";

  private MailVariables() {
  }
}
