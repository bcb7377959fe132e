package cn.chanjiao.contracts.application;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A reviewing authority recommended a submitted application to the next level, in rank order within its quota. Published on {@link Topics#APPLICATION_LIFECYCLE}, key = applicationId.
 *
 * @param applicationId the application
 * @param programmeId the programme
 * @param programmeCode the programme's stable code
 * @param platformType the platform type
 * @param organisationId the filing lead organisation
 * @param stage the review stage that recommended it
 * @param authorityCode the recommending authority (GB/T 2260)
 * @param department the recommending department
 * @param rank its rank in the authority's locked list (1 = first)
 */
@EventType(topic = Topics.APPLICATION_LIFECYCLE)
public record ApplicationRecommended(UUID eventId, Instant occurredAt, UUID applicationId, UUID programmeId, String programmeCode, String platformType, UUID organisationId, String stage, String authorityCode, String department, int rank) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId.toString();
    }
}
