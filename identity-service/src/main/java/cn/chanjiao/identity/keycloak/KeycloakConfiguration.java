package cn.chanjiao.identity.keycloak;

import cn.chanjiao.identity.config.IdentityServiceProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.jboss.resteasy.client.jaxrs.ResteasyClient;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.util.concurrent.TimeUnit;

/**
 * The Keycloak admin client: RESTEasy (what {@code keycloak-admin-client} is built on) with
 * connect and read timeouts and a pooled connection manager, and the circuit breaker {@code keycloak}.
 * Nothing is called at start-up: identity-service starts, and serves reads, while Keycloak is down.
 */
@Configuration(proxyBeanMethods = false)
class KeycloakConfiguration {

    static final String BREAKER = "keycloak";

    @Bean(destroyMethod = "close")
    Keycloak keycloakAdminClient(IdentityServiceProperties properties) {
        IdentityServiceProperties.Keycloak settings = properties.keycloak();
        ResteasyClient http = new ResteasyClientBuilderImpl()
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectionCheckoutTimeout((int) settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectionPoolSize(20)
                .maxPooledPerRoute(20)
                .build();
        return KeycloakBuilder.builder()
                .serverUrl(settings.url())
                .realm(settings.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(settings.adminClientId())
                .clientSecret(settings.adminClientSecret())
                .resteasyClient(http)
                .build();
    }

    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> keycloakCircuitBreaker(IdentityServiceProperties properties) {
        IdentityServiceProperties.Keycloak settings = properties.keycloak();
        return factory -> factory.configure(builder -> builder
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(10)
                        .minimumNumberOfCalls(5)
                        .failureRateThreshold(settings.failureRateThreshold())
                        .waitDurationInOpenState(settings.openFor())
                        .permittedNumberOfCallsInHalfOpenState(2)
                        // a username taken is Keycloak working as it should
                        .ignoreExceptions(KeycloakRefusedException.class)
                        .build())
                // the HTTP client's timeouts bound each call; this only guards against a hang beyond them
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(settings.connectTimeout().plus(settings.readTimeout()).multipliedBy(2))
                        .build()), BREAKER);
    }

    @Bean
    KeycloakAdmin keycloakAdmin(Keycloak keycloak, IdentityServiceProperties properties,
            CircuitBreakerFactory<?, ?> breakers, JsonMapper json) {
        return new KeycloakAdmin(keycloak, properties.keycloak().realm(), breakers.create(BREAKER), json);
    }
}
