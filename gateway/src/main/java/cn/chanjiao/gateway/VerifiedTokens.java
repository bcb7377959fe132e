package cn.chanjiao.gateway;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * The gateway's token check, with the tokens it has verified remembered until they expire: a front
 * end sends the same access token with every request for its whole lifetime (minutes), and checking
 * its RSA signature each time cost about as much CPU as the service's own work on a batch save.
 * A token is remembered only after it passed the full check (signature against the realm's keys,
 * issuer, expiry), and a remembered one is used only while it has not expired. Bounded; per instance.
 */
@Configuration(proxyBeanMethods = false)
class VerifiedTokens {

    static final int MAX_TOKENS = 10_000;

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuerUri) {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
        nimbus.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuerUri));
        return new Caching(nimbus);
    }

    /** Remembers what {@code delegate} verified, until each token's {@code exp}. */
    static final class Caching implements ReactiveJwtDecoder {

        private final ReactiveJwtDecoder delegate;
        private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS)
                .expireAfterWrite(Duration.ofMinutes(30)).build();

        Caching(ReactiveJwtDecoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public Mono<Jwt> decode(String token) throws JwtException {
            Jwt known = verified.getIfPresent(token);
            if (known != null) {
                if (known.getExpiresAt() != null && Instant.now().isBefore(known.getExpiresAt())) {
                    return Mono.just(known);
                }
                verified.invalidate(token);
            }
            return delegate.decode(token).doOnNext(jwt -> {
                if (jwt.getExpiresAt() != null) {
                    verified.put(token, jwt);
                }
            });
        }
    }
}
