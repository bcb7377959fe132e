package cn.chanjiao.contracts.indicator;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * An authority published a year's assessment (plan vs actual) of a programme's platforms. Published on {@link Topics#INDICATOR}, key = assessmentId.
 *
 * @param assessmentId the assessment
 * @param programmeId the programme
 * @param year the year
 * @param authorityCode the publishing authority
 * @param platforms platforms assessed
 */
@EventType(topic = Topics.INDICATOR)
public record AssessmentPublished(UUID eventId, Instant occurredAt, UUID assessmentId, UUID programmeId, int year, String authorityCode, int platforms) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return assessmentId.toString();
    }
}
