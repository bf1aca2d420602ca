package io.cordon.nda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.CordonApplication;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Production shape (no demo profile): without the company's data Cordon does not start, and says which variables to
 * set, instead of failing every NDA and certificate with a 422 later.
 */
@ExtendWith(OutputCaptureExtension.class)
class CompanyProfileStartupIT {

  @Test
  void refusesToStartWithoutTheCompanyDataAndNamesTheVariables(CapturedOutput output) {
    assertThatThrownBy(() -> start("cordon.nda.company.legal-name=Kessler Holding GmbH"))
        .hasRootCauseInstanceOf(CompanyProfileMissingException.class)
        .rootCause().hasMessageContaining("CORDON_COMPANY_REGISTRATION_ID").hasMessageContaining("CORDON_COMPANY_ADDRESS")
        .hasMessageContaining("CORDON_COMPANY_COUNTRY").hasMessageNotContaining("CORDON_COMPANY_LEGAL_NAME");
    assertThat(output).contains("APPLICATION FAILED TO START").contains("CORDON_COMPANY_REGISTRATION_ID")
        .contains(".env file next to docker-compose.yml");
  }

  @Test
  void refusesACountryThatIsNotAnIsoCode(CapturedOutput output) {
    assertThatThrownBy(() -> start("cordon.nda.company.legal-name=Kessler Holding GmbH",
        "cordon.nda.company.registration-id=HRB 1", "cordon.nda.company.address=Stuttgart",
        "cordon.nda.company.country=Germany"))
        .hasRootCauseInstanceOf(CompanyProfileMissingException.class)
        .rootCause().hasMessageContaining("'Germany' is not one").hasMessageNotContaining("CORDON_COMPANY_ADDRESS");
  }

  @Test
  void acceptsACompleteProfileWithoutAChineseName() {
    CompanyProfile profile = new CompanyProfile("Kessler Holding GmbH", " ", "HRB 1", "Stuttgart", "DE");
    assertThat(profile.nativeName()).as("blank means absent, so a Chinese NDA names the missing field").isNull();
  }

  private static void start(String... properties) {
    // Own engine name and no web server, as in DatabaseStartupCheckIT: the shared test application keeps its own.
    String[] args = Stream.concat(Stream.of("spring.main.web-application-type=none",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "spring.datasource.url=jdbc:h2:mem:cordon-company-check;DB_CLOSE_DELAY=-1"), Stream.of(properties)).map(p -> "--" + p).toArray(String[]::new);
    new SpringApplicationBuilder(CordonApplication.class).profiles("test").run(args).close();
  }
}
