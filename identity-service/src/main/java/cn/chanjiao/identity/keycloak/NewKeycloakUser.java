package cn.chanjiao.identity.keycloak;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user to create in the platform realm.
 *
 * @param attributes      single-valued user attributes: {@code org_id}, {@code authority_code}, {@code department},
 *                        {@code mobile} (declared or admin-editable in the realm's user profile)
 * @param password        the first password; never stored by identity-service
 * @param temporaryPassword whether Keycloak makes the user change it at the first login
 * @param realmRoles      realm roles to map
 */
public record NewKeycloakUser(String username, String firstName, String lastName, String email,
        Map<String, String> attributes, String password, boolean temporaryPassword, List<String> realmRoles) {

    /** Only the attributes with a value. */
    Map<String, List<String>> attributeLists() {
        java.util.Map<String, List<String>> lists = new java.util.LinkedHashMap<>();
        attributes.forEach((name, value) -> Optional.ofNullable(value).filter(v -> !v.isBlank())
                .ifPresent(v -> lists.put(name, List.of(v))));
        return lists;
    }

    @Override
    public String toString() {
        return "NewKeycloakUser[" + username + ", roles " + realmRoles + ", attributes " + attributes + "]";
    }
}
