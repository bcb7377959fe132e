package cn.chanjiao.contracts.application;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A review stage rejected an application; it leaves the competition. Published on {@link Topics#APPLICATION_LIFECYCLE}, key = applicationId.
 *
 * @param applicationId the application
 * @param programmeId the programme
 * @param organisationId the filing lead organisation
 * @param stage the stage that rejected it
 * @param authorityCode the deciding authority (GB/T 2260)
 * @param reason why, as the applicant reads it
 */
@EventType(topic = Topics.APPLICATION_LIFECYCLE)
public record ApplicationRejected(UUID eventId, Instant occurredAt, UUID applicationId, UUID programmeId, UUID organisationId, String stage, String authorityCode, String reason) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId.toString();
    }
}
