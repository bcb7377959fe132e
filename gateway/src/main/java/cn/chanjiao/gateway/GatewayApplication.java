package cn.chanjiao.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The platform's single entry point: routes {@code /api/v1/**} to the services, checks the
 * Keycloak access token, answers CORS, stamps every exchange with an {@code X-Request-Id} and
 * serves one Swagger UI for all services' OpenAPI documents.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
