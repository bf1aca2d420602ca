package io.cordon.console;

import io.cordon.platform.InvalidInputException;
import jakarta.validation.ConstraintViolationException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.validation.BindingResult;

/**
 * Runs a service call for a form and puts what the service refused next to the field it concerns: bean validation
 * of the service's argument (a property path such as {@code register.details.countries[0].<list element>}) and the
 * service's own checks ({@link InvalidInputException} violations). The rules are the service's, not the page's.
 */
final class FieldErrors {

  private FieldErrors() {
  }

  /** The call's result, or null with the errors in {@code binding}. */
  static <T> T collect(BindingResult binding, String argument, Supplier<T> call) {
    return collect(binding, argument, UnaryOperator.identity(), call);
  }

  /** As {@link #collect(BindingResult, String, Supplier)}, each message shown as {@code language} puts it. */
  static <T> T collect(BindingResult binding, String argument, UnaryOperator<String> language, Supplier<T> call) {
    try {
      return call.get();
    } catch (ConstraintViolationException e) {
      e.getConstraintViolations().forEach(v -> reject(binding, field(v.getPropertyPath().toString(), argument),
          language.apply(v.getMessage())));
      return null;
    } catch (InvalidInputException e) {
      if (e.violations().isEmpty()) {
        binding.reject("invalid", language.apply(e.getMessage()));
      }
      e.violations().forEach(v -> reject(binding, v.field(), language.apply(v.message())));
      return null;
    }
  }

  private static void reject(BindingResult binding, String field, String message) {
    if (field != null && !field.isEmpty() && binding.getFieldType(field) != null) {
      binding.rejectValue(field, "invalid", message);
    } else {
      binding.reject("invalid", (field == null || field.isEmpty() ? "" : field + ": ") + message);
    }
  }

  /** {@code register.details.systems[2].<list element>} with argument {@code details} is field {@code systems}. */
  static String field(String path, String argument) {
    String marker = argument + ".";
    int at = path.indexOf(marker);
    String rest = at < 0 ? path.substring(path.lastIndexOf('.') + 1) : path.substring(at + marker.length());
    int end = rest.length();
    for (char c : new char[] {'.', '['}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return rest.substring(0, end);
  }
}
