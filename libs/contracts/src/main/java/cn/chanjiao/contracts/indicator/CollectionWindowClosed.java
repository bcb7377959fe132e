package cn.chanjiao.contracts.indicator;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A programme's yearly collection closed; values are locked except where an authority reopens one platform. Published on {@link Topics#INDICATOR}, key = windowId.
 *
 * @param windowId the collection window
 * @param programmeId the programme
 * @param year the year collected
 * @param closedAt when it closed
 * @param submitted platforms that submitted
 * @param missing platforms that did not
 */
@EventType(topic = Topics.INDICATOR)
public record CollectionWindowClosed(UUID eventId, Instant occurredAt, UUID windowId, UUID programmeId, int year, Instant closedAt, int submitted, int missing) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return windowId.toString();
    }
}
