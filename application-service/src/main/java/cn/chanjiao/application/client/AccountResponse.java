package cn.chanjiao.application.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/**
 * A user account as identity-service answers it ({@code GET /api/v1/identity/users}); for experts the
 * organisation they work for is what conflict-of-interest avoidance looks at.
 *
 * @param id             the account id, also the subject of the person's tokens
 * @param organisationId the expert's organisation, if any
 * @param authorityCode  the authority whose pool the expert belongs to
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountResponse(UUID id, String username, String displayName, List<String> roles, UUID organisationId,
        String authorityCode, String department) {

    /** One page of accounts. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<AccountResponse> items, int page, int size, long totalItems, int totalPages) {

        public Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
