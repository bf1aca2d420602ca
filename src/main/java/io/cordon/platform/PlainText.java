package io.cordon.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed: no control characters (line breaks only where {@code multiline}). Markup and {@code ${...}}
 * are allowed and stored as text; they are never interpreted.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

  String message() default "must not contain control characters";

  boolean multiline() default false;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PlainText, String> {
    private boolean multiline;

    @Override
    public void initialize(PlainText annotation) {
      multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || isPlain(value, multiline);
    }

    public static boolean isPlain(String value, boolean multiline) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
        if ((Character.isISOControl(c) && !(multiline && lineBreak))) {
          return false;
        }
      }
      return true;
    }
  }

}
