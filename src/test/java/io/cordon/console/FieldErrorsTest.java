package io.cordon.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.platform.InvalidInputException;
import io.cordon.platform.InvalidInputException.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

class FieldErrorsTest {

  @Test
  void aPropertyPathNamesTheFormField() {
    assertThat(FieldErrors.field("register.details.title", "details")).isEqualTo("title");
    assertThat(FieldErrors.field("register.details.countries[0].<list element>", "details")).isEqualTo("countries");
    assertThat(FieldErrors.field("update.details.systems[2]", "details")).isEqualTo("systems");
  }

  @Test
  void theServicesViolationsGoNextToTheirFieldsAndTheRestAboveTheForm() {
    SecretForm form = new SecretForm();
    BindingResult binding = new BeanPropertyBindingResult(form, "form");
    Object result = FieldErrors.collect(binding, "details", () -> {
      throw InvalidInputException.of(List.of(new Violation("ownerId", "unknown owner 'x'"), new Violation("nonsense", "odd")));
    });
    assertThat(result).isNull();
    assertThat(binding.getFieldError("ownerId").getDefaultMessage()).isEqualTo("unknown owner 'x'");
    assertThat(binding.getGlobalErrors()).extracting(e -> e.getDefaultMessage()).containsExactly("nonsense: odd");
  }

  @Test
  void typedListsBecomeTheApisLists() {
    SecretForm form = new SecretForm();
    form.setTitle("  Alloy family ");
    form.setCategory("TECHNICAL");
    form.setClassification("NOT_A_CLASSIFICATION");
    form.setOwnerId("oscar");
    form.setSystems("PLM, main\n\n ERP \n");
    form.setCountries("de; cn  us");
    form.setMeasures(List.of("ENCRYPTION", "BOGUS"));
    var details = form.toDetails();
    assertThat(details.title()).isEqualTo("Alloy family");
    assertThat(details.classification()).isNull();
    assertThat(details.systems()).containsExactly("PLM, main", "ERP");
    assertThat(details.countries()).containsExactly("DE", "CN", "US");
    assertThat(details.measures()).extracting(Enum::name).containsExactly("ENCRYPTION");
  }
}
