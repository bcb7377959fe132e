package cn.chanjiao.contracts.reporting;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A member organisation undertook (承接) a published technology demand. Published on {@link Topics#REPORTING}, key = demandId.
 *
 * @param demandId the technology demand row
 * @param undertakingId the undertaking
 * @param platformId the platform whose list holds the demand
 * @param ownerOrganisationId who published the demand
 * @param undertakerOrganisationId who undertook it
 */
@EventType(topic = Topics.REPORTING)
public record TechDemandUndertaken(UUID eventId, Instant occurredAt, UUID demandId, UUID undertakingId, UUID platformId, UUID ownerOrganisationId, UUID undertakerOrganisationId) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return demandId.toString();
    }
}
