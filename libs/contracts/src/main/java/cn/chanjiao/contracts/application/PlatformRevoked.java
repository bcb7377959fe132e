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
 * @param reason why, in words (the authority's comment)
 * @param reasonCode the structured reason (added in issue 15; null from older producers): DISSOLUTION, VIOLATION,
 *        FALSIFICATION, MAJOR_CHANGE, FAILED_ACCEPTANCE, FAILED_ASSESSMENT, VOLUNTARY_EXIT or OTHER
 * @param comment the authority's comment (added in issue 15; null from older producers)
 */
@EventType(topic = Topics.APPLICATION_LIFECYCLE)
public record PlatformRevoked(UUID eventId, Instant occurredAt, UUID platformId, UUID programmeId, UUID leadOrganisationId, String authorityCode, String reason, String reasonCode, String comment) implements IntegrationEvent {

    /** The record as it was before the structured reason (issue 15). */
    public PlatformRevoked(UUID eventId, Instant occurredAt, UUID platformId, UUID programmeId, UUID leadOrganisationId,
            String authorityCode, String reason) {
        this(eventId, occurredAt, platformId, programmeId, leadOrganisationId, authorityCode, reason, null, null);
    }

    @Override
    public String aggregateId() {
        return platformId.toString();
    }
}
