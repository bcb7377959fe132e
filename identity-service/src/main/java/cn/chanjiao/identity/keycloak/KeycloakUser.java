package cn.chanjiao.identity.keycloak;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A user as Keycloak holds it. */
public record KeycloakUser(UUID id, String username, String email, boolean enabled, Map<String, List<String>> attributes,
        List<String> requiredActions) {

    public Optional<String> attribute(String name) {
        List<String> values = attributes == null ? null : attributes.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }
}
