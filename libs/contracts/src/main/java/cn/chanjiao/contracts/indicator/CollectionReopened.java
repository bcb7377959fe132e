package cn.chanjiao.contracts.indicator;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * An authority reopened one platform's collection for a year, with a reason and a new deadline. Published on {@link Topics#INDICATOR}, key = platformYearId.
 *
 * @param platformYearId the platform's collection of that year
 * @param platformId the platform
 * @param organisationId the platform's filing lead organisation
 * @param year the year
 * @param reason why
 * @param deadline the new deadline
 * @param authorityCode the reopening authority
 */
@EventType(topic = Topics.INDICATOR)
public record CollectionReopened(UUID eventId, Instant occurredAt, UUID platformYearId, UUID platformId, UUID organisationId, int year, String reason, Instant deadline, String authorityCode) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return platformYearId.toString();
    }
}
