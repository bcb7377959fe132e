package cn.chanjiao.kit.openapi;

import cn.chanjiao.kit.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Each service's OpenAPI 3 document: the service's name, the Keycloak bearer token every call but
 * the public reads needs, deterministic operation ids, the problem details every operation may answer
 * and the examples of {@code openapi/examples.json}. The server is relative ({@code /}): the same
 * paths answer at the gateway and at the service, and the document does not change with the port.
 * The committed copies under {@code docs/api/} are checked against it by every service's smoke test.
 */
@AutoConfiguration
public class OpenApiAutoConfiguration {

    static final String BEARER = "keycloak-bearer";

    static {
        // a controller's Caller parameter comes from the token, not from the request's parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(@Value("${spring.application.name}") String name,
            @Value("${chanjiao.service.description:}") String description) {
        return new OpenAPI()
                .info(new Info().title("Chanjiao " + name).version("v1").description(description))
                .servers(List.of(new Server().url("/")
                        .description("the gateway (or the service itself); every path is the same at both")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Access token from the platform's Keycloak realm `chanjiao` "
                                + "(`{keycloak}/realms/chanjiao/protocol/openid-connect/token`): password or "
                                + "authorization-code grant of client `chanjiao-web` for people, client credentials "
                                + "for integration clients. Not needed under `/api/v1/public/**`.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OperationCustomizer chanjiaoOperationIds() {
        return OperationIds::name;
    }

    @Bean
    OpenApiCustomizer chanjiaoContract(ResourceLoader resources, JsonMapper json) {
        return new ContractCustomizer(OpenApiExamples.load(resources, json));
    }
}
