package cn.chanjiao.contracts.reporting;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The owner of a technology demand confirmed that its undertaking is complete (counted by the monitoring indicator of undertaken and completed tech demands). Published on {@link Topics#REPORTING}, key = demandId.
 *
 * @param demandId the technology demand row
 * @param undertakingId the undertaking
 * @param platformId the platform
 * @param ownerOrganisationId who published the demand
 * @param undertakerOrganisationId who undertook it
 * @param year the year it was completed
 * @param completedAt when the owner confirmed it
 */
@EventType(topic = Topics.REPORTING)
public record TechDemandCompleted(UUID eventId, Instant occurredAt, UUID demandId, UUID undertakingId, UUID platformId, UUID ownerOrganisationId, UUID undertakerOrganisationId, int year, Instant completedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return demandId.toString();
    }
}
