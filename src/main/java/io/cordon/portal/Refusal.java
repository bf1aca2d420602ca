package io.cordon.portal;

import io.cordon.platform.InvalidInputException;

/**
 * A refused answer whose sentence the partner pages can say in the contact's language: a message key of the bundles
 * ({@code messages*.properties}) with its arguments, and the English sentence, which is the message everywhere else
 * (Tasklist, the API's problem details). A step may throw it inside the engine: the page finds it in the causes.
 */
public class Refusal extends InvalidInputException {

  /** A field the request does not have: the form was tampered with, or belongs to another request. */
  public static final String FOREIGN_FIELDS = "portal.error.foreignFields";

  /** The refusal of a form that sent fields its request does not have. */
  public static Refusal foreignFields() {
    return new Refusal(FOREIGN_FIELDS, "The form sent fields this request does not have. Open the link from your e-mail "
        + "again and answer on that page.");
  }

  private final String key;
  private final transient Object[] args;

  public Refusal(String key, String english, Object... args) {
    super(english);
    this.key = key;
    this.args = args.clone();
  }

  public String key() {
    return key;
  }

  public Object[] args() {
    return args.clone();
  }

  /** The refusal among an exception's causes, if there is one. */
  public static java.util.Optional<Refusal> in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof Refusal r) {
        return java.util.Optional.of(r);
      }
    }
    return java.util.Optional.empty();
  }
}
