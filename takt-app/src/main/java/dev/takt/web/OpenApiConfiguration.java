package dev.takt.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and the two ways to authenticate, as the OpenAPI document shows them. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI taktOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Takt MES API")
                .version("v1")
                .description(
                    "Master data, identity and audit trail of the Takt Manufacturing Execution"
                        + " System. Errors are RFC 9457 problems (application/problem+json) naming"
                        + " the field at fault in errors[].field. Send Takt-Reason to say why you"
                        + " change something; it is kept in the audit trail.")
                .license(new License().name("Apache-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecuritySchemes(
                    "token",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description(
                            "A personal API token (takt_...), issued at /api/v1/me/tokens")))
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .addSecurityItem(new SecurityRequirement().addList("token"));
  }
}
