package cn.chanjiao.identity.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user account; {@code id} is the Keycloak user id, the token's {@code sub}.
 *
 * @param kind {@code ORG_ADMIN}, {@code APPLICANT}, {@code REVIEWER}, {@code EXPERT} or {@code PROGRAMME_ADMIN}
 */
public record AccountResponse(UUID id, String username, String displayName, String familyName, String givenName,
        String email, String mobile, String kind, List<String> roles, UUID organisationId, String authorityCode,
        String department, Instant createdAt, Instant updatedAt) {

    static AccountResponse of(Account a) {
        return new AccountResponse(a.id(), a.username(), a.displayName(), a.familyName(), a.givenName(), a.email(),
                a.mobile(), a.kind().name(), a.roles(), a.organisationId(), a.authorityCode(), a.department(),
                a.createdAt(), a.updatedAt());
    }
}
