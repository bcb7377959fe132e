package cn.chanjiao.contracts.identity;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * identity-service created a user in Keycloak with these roles and scope claims. Topic
 * {@link Topics#IDENTITY_ORGANISATION}, key = organisationId when the user belongs to an
 * organisation (so it follows that organisation's events in order), else userId.
 *
 * @param userId         the Keycloak user id (the token's {@code sub})
 * @param roles          realm roles, e.g. {@code org-admin}, {@code applicant}, {@code reviewer}, {@code expert}
 * @param organisationId claim {@code org_id}, if any
 * @param authorityCode  claim {@code authority_code}, if any
 * @param department     claim {@code department}, if any
 */
@EventType(topic = Topics.IDENTITY_ORGANISATION)
public record UserProvisioned(UUID eventId, Instant occurredAt, UUID userId, String username, String displayName,
        String email, List<String> roles, UUID organisationId, String authorityCode, String department)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return (organisationId != null ? organisationId : userId).toString();
    }
}
