package cn.chanjiao.testkit.security;

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
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Mints access tokens shaped like Keycloak's (realm roles under {@code realm_access.roles}, our
 * claims {@code org_id}, {@code authority_code}, {@code department}) and serves the signing key at
 * Keycloak's JWKS path, so services validate test tokens exactly as they validate Keycloak's:
 * signature from the JWKS URI, issuer, expiry.
 */
public final class TestJwtIssuer {

    public static final String REALM = "chanjiao";

    private static TestJwtIssuer instance;

    private final RSAKey key;
    private final HttpServer server;

    private TestJwtIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/realms/" + REALM + "/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.start();
    }

    /** The issuer of this JVM's tests, started on first use. */
    public static synchronized TestJwtIssuer get() {
        if (instance == null) {
            instance = new TestJwtIssuer();
        }
        return instance;
    }

    /** The Keycloak base URL this issuer stands in for, e.g. {@code http://127.0.0.1:34567}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String jwkSetUri() {
        return issuerUri() + "/protocol/openid-connect/certs";
    }

    /** A token for a person; add roles and claims, then {@link TokenBuilder#mint()}. */
    public TokenBuilder user(String username) {
        return new TokenBuilder(username, false);
    }

    /** A client-credentials token, as Keycloak issues it to a service account. */
    public TokenBuilder client(String clientId) {
        return new TokenBuilder(clientId, true);
    }

    /** Builds one token. */
    public final class TokenBuilder {

        private final String name;
        private final boolean serviceAccount;
        private final Set<String> roles = new LinkedHashSet<>();
        private final Map<String, Object> claims = new java.util.LinkedHashMap<>();
        private String subject = UUID.randomUUID().toString();
        private Duration validFor = Duration.ofMinutes(5);
        private Instant issuedAt = Instant.now();
        private String issuer;
        private RSAKey signingKey = key;

        private TokenBuilder(String name, boolean serviceAccount) {
            this.name = name;
            this.serviceAccount = serviceAccount;
        }

        public TokenBuilder roles(String... names) {
            roles.addAll(List.of(names));
            return this;
        }

        public TokenBuilder subject(String value) {
            subject = value;
            return this;
        }

        public TokenBuilder organisation(UUID organisationId) {
            return claim("org_id", organisationId.toString());
        }

        public TokenBuilder authority(String authorityCode) {
            return claim("authority_code", authorityCode);
        }

        public TokenBuilder department(String department) {
            return claim("department", department);
        }

        public TokenBuilder claim(String claim, Object value) {
            claims.put(claim, value);
            return this;
        }

        /** A token that expired a while ago. */
        public TokenBuilder expired() {
            issuedAt = Instant.now().minus(Duration.ofHours(2));
            validFor = Duration.ofMinutes(5);
            return this;
        }

        /** A token from another issuer (validation must refuse it). */
        public TokenBuilder issuer(String value) {
            issuer = value;
            return this;
        }

        /** A token signed with a key the JWKS does not hold (validation must refuse it). */
        public TokenBuilder signedByStranger() {
            try {
                signingKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        public String mint() {
            JWTClaimsSet.Builder jwt = new JWTClaimsSet.Builder()
                    .issuer(issuer != null ? issuer : issuerUri())
                    .subject(subject)
                    .audience("account")
                    .issueTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(validFor)))
                    .jwtID(UUID.randomUUID().toString())
                    .claim("typ", "Bearer")
                    .claim("azp", serviceAccount ? name : "chanjiao-web")
                    .claim("preferred_username", serviceAccount ? "service-account-" + name : name)
                    .claim("realm_access", Map.of("roles", new ArrayList<>(roles)));
            if (serviceAccount) {
                jwt.claim("client_id", name);
            }
            claims.forEach(jwt::claim);
            try {
                SignedJWT signed = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), jwt.build());
                signed.sign(new RSASSASigner(signingKey));
                return signed.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
