package io.cordon.nda;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns missing company data into Spring Boot's "APPLICATION FAILED TO START" report with the variables to set. */
class CompanyProfileFailureAnalyzer extends AbstractFailureAnalyzer<CompanyProfileMissingException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, CompanyProfileMissingException cause) {
    return new FailureAnalysis(cause.getMessage(), "Set " + String.join(", ", cause.missing()) + " in the environment "
        + "(with docker compose: in the .env file next to docker-compose.yml) or in application.yml, and start Cordon again. "
        + "CORDON_COMPANY_NATIVE_NAME, the company's name in Chinese, is needed for partners in China.", cause);
  }
}
