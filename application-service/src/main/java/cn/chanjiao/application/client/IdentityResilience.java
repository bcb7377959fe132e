package cn.chanjiao.application.client;

import cn.chanjiao.application.config.ApplicationServiceProperties;
import cn.chanjiao.kit.security.ServiceTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.openfeign.CircuitBreakerNameResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Resilience4j guard of {@link IdentityClient}: all its methods share the circuit breaker
 * {@code IdentityClient}, with the time limit and thresholds of {@code chanjiao.application.identity.*};
 * and the client-credentials token its requests carry.
 */
@Configuration(proxyBeanMethods = false)
class IdentityResilience {

    static final String NAME = "IdentityClient";

    @Bean
    ServiceTokens serviceTokens(ApplicationServiceProperties properties) {
        var identity = properties.identity();
        return new ServiceTokens(identity.tokenUrl().toString(), identity.clientId(), identity.clientSecret(),
                identity.connectTimeout(), identity.readTimeout());
    }

    @Bean
    CircuitBreakerNameResolver feignCircuitBreakerNames() {
        return (feignClientName, target, method) -> "identity".equals(feignClientName) ? NAME
                : feignClientName + "#" + method.getName();
    }

    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> identityCircuitBreaker(ApplicationServiceProperties properties) {
        var identity = properties.identity();
        var breaker = identity.circuitBreaker();
        return factory -> factory.configure(builder -> builder
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(identity.timeLimit()).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .failureRateThreshold(breaker.failureRateThreshold())
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(breaker.slidingWindowSize())
                        .minimumNumberOfCalls(breaker.minimumCalls())
                        .waitDurationInOpenState(breaker.openFor())
                        .permittedNumberOfCallsInHalfOpenState(2)
                        .build()), NAME);
    }
}
