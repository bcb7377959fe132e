package cn.chanjiao.contracts.identity;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * A programme admin rejected a pending organisation, with the reason its org admin reads; the org
 * admin may correct the registration, which makes it pending again ({@link OrganisationUpdated}).
 * Topic {@link Topics#IDENTITY_ORGANISATION}, key = organisationId.
 *
 * @param authorityCode the rejecting programme admin's authority (GB/T 2260)
 * @param rejectedBy    the rejecting user's Keycloak id
 */
@EventType(topic = Topics.IDENTITY_ORGANISATION)
public record OrganisationRejected(UUID eventId, Instant occurredAt, UUID organisationId, String name, String reason,
        String authorityCode, String rejectedBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return organisationId.toString();
    }
}
