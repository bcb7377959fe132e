package cn.chanjiao.contracts.application;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * An approved platform was revoked (dissolved, or a serious violation); its obligations and collection stop. Published on {@link Topics#APPLICATION_LIFECYCLE}, key = platformId.
 *
 * @param platformId the platform
 * @param programmeId the programme
 * @param leadOrganisationId the filing lead organisation
 * @param authorityCode the deciding authority
 * @param reason why
 */
@EventType(topic = Topics.APPLICATION_LIFECYCLE)
public record PlatformRevoked(UUID eventId, Instant occurredAt, UUID platformId, UUID programmeId, UUID leadOrganisationId, String authorityCode, String reason) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return platformId.toString();
    }
}
