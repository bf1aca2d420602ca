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
 * Text a person typed: no control characters (line breaks only where {@code multiline}) and no bidirectional
 * formatting characters, which could make a name print the text after it reversed (in a generated NDA, say).
 * Right-to-left scripts themselves are fine. Markup and {@code ${...}} are allowed and stored as text; they are never
 * interpreted.
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
      if (value != null && hasBidiControl(value)) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(BIDI_MESSAGE).addConstraintViolation();
        return false;
      }
      return value == null || isPlain(value, multiline);
    }

    static final String BIDI_MESSAGE = "must not contain bidirectional formatting characters (U+202A to U+202E, "
        + "U+2066 to U+2069, U+200E, U+200F, U+061C): they can reverse the text around this value. Remove them.";

    /** U+202A..U+202E embeddings and overrides, U+2066..U+2069 isolates, LRM, RLM and the Arabic letter mark. */
    public static boolean isBidiControl(int c) {
      return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    public static boolean hasBidiControl(String value) {
      return value.codePoints().anyMatch(Validator::isBidiControl);
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
