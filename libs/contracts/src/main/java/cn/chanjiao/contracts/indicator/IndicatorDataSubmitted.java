package cn.chanjiao.contracts.indicator;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A platform submitted its indicator values of a year. Published on {@link Topics#INDICATOR}, key = platformYearId.
 *
 * @param platformYearId the platform's collection of that year
 * @param collectionId the collection window
 * @param platformId the platform
 * @param programmeId the programme
 * @param organisationId the platform's filing lead organisation
 * @param year the year
 * @param values values submitted
 * @param submittedAt when
 */
@EventType(topic = Topics.INDICATOR)
public record IndicatorDataSubmitted(UUID eventId, Instant occurredAt, UUID platformYearId, UUID collectionId, UUID platformId, UUID programmeId, UUID organisationId, int year, int values, Instant submittedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return platformYearId.toString();
    }
}
