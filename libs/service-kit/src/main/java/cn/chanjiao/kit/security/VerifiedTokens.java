package cn.chanjiao.kit.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resource server's token decoder (the realm's JWKS, issuer, expiry, as Spring Boot would build
 * it), remembering each token it has verified until the token expires: during the collection window
 * a user's autosaves send the same token many times, and checking its RSA signature each time was a
 * sixth of a save's CPU. A token is only ever taken from memory for exactly the string that was
 * verified; an expired one is decoded (and refused) again. Per instance and bounded: nothing that
 * two instances would need to share. Every service gets it from {@link ServiceSecurityAutoConfiguration}.
 */
public final class VerifiedTokens {

    static final int MAX_TOKENS = 20_000;

    private VerifiedTokens() {
    }

    /** Spring Boot's decoder for the realm (JWKS, issuer, expiry), remembering what it verified. */
    static JwtDecoder forRealm(String jwkSetUri, String issuerUri) {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        nimbus.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuerUri));
        return new CachingJwtDecoder(nimbus);
    }

    static final class CachingJwtDecoder implements JwtDecoder {

        private final JwtDecoder delegate;
        private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

        /** Expiry is judged by the system clock, as the token validator judges it (not a demo clock). */
        CachingJwtDecoder(JwtDecoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public Jwt decode(String token) throws JwtException {
            Jwt known = verified.get(token);
            Instant now = Instant.now();
            if (known != null && known.getExpiresAt() != null && now.isBefore(known.getExpiresAt())) {
                return known;
            }
            if (known != null) {
                verified.remove(token);
            }
            Jwt jwt = delegate.decode(token);
            if (jwt.getExpiresAt() != null) {
                if (verified.size() >= MAX_TOKENS) {
                    verified.clear();
                }
                verified.put(token, jwt);
            }
            return jwt;
        }
    }
}
