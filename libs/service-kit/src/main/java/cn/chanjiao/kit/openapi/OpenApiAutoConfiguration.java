package cn.chanjiao.kit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Each service's OpenAPI 3 document names the service and the bearer token every call needs. */
@AutoConfiguration
public class OpenApiAutoConfiguration {

    static final String BEARER = "keycloak-bearer";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(@Value("${spring.application.name}") String name,
            @Value("${chanjiao.service.description:}") String description) {
        return new OpenAPI()
                .info(new Info().title("Chanjiao " + name).version("v1").description(description))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Access token from the platform's Keycloak realm")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
