package cn.chanjiao.contracts.indicator;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A programme's yearly indicator collection opened (default 1 Nov – 15 Dec, Asia/Shanghai). Published on {@link Topics#INDICATOR}, key = windowId.
 *
 * @param windowId the collection window
 * @param programmeId the programme
 * @param programmeCode the programme's stable code
 * @param year the year collected
 * @param opensAt first moment
 * @param closesAt last moment
 * @param platforms platforms expected to submit
 */
@EventType(topic = Topics.INDICATOR)
public record CollectionWindowOpened(UUID eventId, Instant occurredAt, UUID windowId, UUID programmeId, String programmeCode, int year, Instant opensAt, Instant closesAt, int platforms) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return windowId.toString();
    }
}
