package io.cordon.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.web.config.EnableSpringDataWebSupport;
import org.springframework.scheduling.annotation.EnableScheduling;

/** API description, stable JSON for pages, background schedules. */
@Configuration
@EnableScheduling
@EnableSpringDataWebSupport(pageSerializationMode = EnableSpringDataWebSupport.PageSerializationMode.VIA_DTO)
class WebConfig {

  @Bean
  OpenAPI cordonApi() {
    return new OpenAPI()
        .info(new Info().title("Cordon API").version("1")
            .description("Trade-secret safeguards in the supply chain: the register of secrets and partners, the "
                + "disclosure lineage and the evidence chain. Cordon stores metadata only: a secret's content never "
                + "enters Cordon, and requests carrying attachments or unknown fields are refused. Errors are RFC 9457 "
                + "problem details. Authentication: HTTP Basic with a Cordon (Camunda) user."))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
