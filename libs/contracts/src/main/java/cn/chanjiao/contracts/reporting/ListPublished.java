package cn.chanjiao.contracts.reporting;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A platform's supply–demand list was published to the public information service. Published on {@link Topics#REPORTING}, key = listId.
 *
 * @param listId the list
 * @param platformId the platform
 * @param organisationId the platform's filing lead organisation
 * @param listKind TALENT_DEMAND, TALENT_SUPPLY, TECH_DEMAND, TECH_SUPPLY, TRAINING_SUPPLY, TRAINING_DEMAND
 * @param year the year
 * @param rows rows published
 */
@EventType(topic = Topics.REPORTING)
public record ListPublished(UUID eventId, Instant occurredAt, UUID listId, UUID platformId, UUID organisationId, String listKind, int year, int rows) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return listId.toString();
    }
}
