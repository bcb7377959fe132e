package cn.chanjiao.kit.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, read from a validated access token: a controller method takes it as a parameter.
 *
 * @param subject        the token subject (Keycloak user or service-account id)
 * @param username       {@code preferred_username}
 * @param roles          realm roles
 * @param organisationId {@code org_id}: the organisation a person acts for
 * @param authorityCode  {@code authority_code}: the jurisdiction (GB/T 2260) of a reviewer, programme
 *                       admin or integration client
 * @param department     {@code department}: the authority's department of a reviewer or admin
 * @param clientId       the client the token was issued to
 * @param serviceAccount whether a client called with client credentials rather than a person
 */
public record Caller(String subject, String username, Set<String> roles, Optional<UUID> organisationId,
        Optional<String> authorityCode, Optional<String> department, String clientId, boolean serviceAccount) {

    public static final String ORG_ID_CLAIM = "org_id";
    public static final String AUTHORITY_CODE_CLAIM = "authority_code";
    public static final String DEPARTMENT_CLAIM = "department";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Reads a Keycloak access token. */
    public static Caller of(Jwt jwt) {
        String clientId = Optional.ofNullable(jwt.getClaimAsString("azp")).orElse(jwt.getClaimAsString("client_id"));
        String username = Optional.ofNullable(jwt.getClaimAsString("preferred_username")).orElse(jwt.getSubject());
        boolean serviceAccount = jwt.hasClaim("client_id") || username.startsWith("service-account-");
        return new Caller(jwt.getSubject(), username, realmRoles(jwt), organisation(jwt),
                Optional.ofNullable(jwt.getClaimAsString(AUTHORITY_CODE_CLAIM)).filter(s -> !s.isBlank()),
                Optional.ofNullable(jwt.getClaimAsString(DEPARTMENT_CLAIM)).filter(s -> !s.isBlank()),
                clientId, serviceAccount);
    }

    static Set<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        roles.forEach(role -> names.add(String.valueOf(role)));
        return Set.copyOf(names);
    }

    private static Optional<UUID> organisation(Jwt jwt) {
        Object value = jwt.getClaims().get(ORG_ID_CLAIM);
        if (value instanceof List<?> list && !list.isEmpty()) {
            value = list.get(0);
        }
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
