package cn.chanjiao.contracts.application;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The programme authority ruled on an objection: UPHELD (the application is rejected when the notice closes) or DISMISSED. Published on {@link Topics#APPLICATION_SCHEDULE}, key = noticeId.
 *
 * @param objectionId the objection
 * @param noticeId the notice
 * @param applicationId the application objected to
 * @param programmeId the programme
 * @param authorityCode the ruling authority
 * @param outcome UPHELD or DISMISSED
 * @param reason the ruling's reason
 */
@EventType(topic = Topics.APPLICATION_SCHEDULE)
public record ObjectionRuled(UUID eventId, Instant occurredAt, UUID objectionId, UUID noticeId, UUID applicationId, UUID programmeId, String authorityCode, String outcome, String reason) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return noticeId.toString();
    }
}
