package cn.chanjiao.contracts.application;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A public notice closed (its last working day passed and every objection was ruled); its applications were approved or rejected. Published on {@link Topics#APPLICATION_SCHEDULE}, key = noticeId.
 *
 * @param noticeId the notice
 * @param programmeId the programme
 * @param authorityCode the authority that held it
 * @param endedAt when it closed
 * @param approvedApplicationIds applications approved
 * @param rejectedApplicationIds applications rejected on an upheld objection
 * @param objections objections filed during the notice
 */
@EventType(topic = Topics.APPLICATION_SCHEDULE)
public record PublicNoticeEnded(UUID eventId, Instant occurredAt, UUID noticeId, UUID programmeId, String authorityCode, Instant endedAt, List<UUID> approvedApplicationIds, List<UUID> rejectedApplicationIds, int objections) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return noticeId.toString();
    }
}
