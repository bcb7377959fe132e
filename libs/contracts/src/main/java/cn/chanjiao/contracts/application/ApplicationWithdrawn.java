package cn.chanjiao.contracts.application;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * The applicant withdrew its application before review started; it can no longer be edited or
 * submitted. Topic {@link Topics#APPLICATION_LIFECYCLE}, key = applicationId.
 *
 * @param previousStatus {@code DRAFT}, {@code RETURNED} or {@code SUBMITTED}
 * @param reason         the applicant's reason, if given
 */
@EventType(topic = Topics.APPLICATION_LIFECYCLE)
public record ApplicationWithdrawn(UUID eventId, Instant occurredAt, UUID applicationId, UUID programmeId,
        UUID organisationId, String previousStatus, String reason) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId.toString();
    }
}
