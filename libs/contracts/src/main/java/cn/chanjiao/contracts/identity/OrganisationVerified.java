package cn.chanjiao.contracts.identity;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * A programme admin verified a pending organisation: from now on it may lead an application.
 * Topic {@link Topics#IDENTITY_ORGANISATION}, key = organisationId.
 *
 * @param authorityCode the verifying programme admin's authority (GB/T 2260)
 * @param verifiedBy    the verifying user's Keycloak id
 */
@EventType(topic = Topics.IDENTITY_ORGANISATION)
public record OrganisationVerified(UUID eventId, Instant occurredAt, UUID organisationId, String name,
        String authorityCode, String verifiedBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return organisationId.toString();
    }
}
