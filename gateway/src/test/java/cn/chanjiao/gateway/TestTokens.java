package cn.chanjiao.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints access tokens shaped like Keycloak's (realm roles under {@code realm_access.roles}) with an
 * RSA key whose public half the Keycloak stub serves as the realm's JWKS.
 */
final class TestTokens {

    static final String REALM_PATH = "/realms/chanjiao";
    static final String JWKS_PATH = REALM_PATH + "/protocol/openid-connect/certs";

    private static final RSAKey KEY = newKey("realm-key");
    /** Same key id as the realm's key, different key: its signatures must not verify. */
    private static final RSAKey STRANGER = newKey("realm-key");

    private TestTokens() {
    }

    static String jwks() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    static String valid(String issuer, String... roles) {
        return mint(KEY, issuer, Instant.now(), Duration.ofMinutes(5), roles);
    }

    static String expired(String issuer) {
        return mint(KEY, issuer, Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(5));
    }

    static String signedByStranger(String issuer) {
        return mint(STRANGER, issuer, Instant.now(), Duration.ofMinutes(5));
    }

    private static String mint(RSAKey key, String issuer, Instant issuedAt, Duration validFor, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.randomUUID().toString())
                .audience("account")
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(validFor)))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("azp", "chanjiao-web")
                .claim("preferred_username", "applicant1")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
