package cn.chanjiao.contracts.application;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A programme admin closed an expert review round: every assignment is scored, averages and outliers are fixed. Published on {@link Topics#APPLICATION_LIFECYCLE}, key = roundId.
 *
 * @param roundId the review round
 * @param programmeId the programme
 * @param programmeCode the programme's stable code
 * @param platformType the platform type of the round
 * @param authorityCode the authority holding the review
 * @param applicationIds the applications reviewed
 * @param closedAt when the round closed
 */
@EventType(topic = Topics.APPLICATION_LIFECYCLE)
public record ExpertReviewCompleted(UUID eventId, Instant occurredAt, UUID roundId, UUID programmeId, String programmeCode, String platformType, String authorityCode, List<UUID> applicationIds, Instant closedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return roundId.toString();
    }
}
