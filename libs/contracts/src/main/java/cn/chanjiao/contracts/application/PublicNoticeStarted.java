package cn.chanjiao.contracts.application;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A programme's shortlist went into public notice (公示) for at least the programme's working days; objections may be filed until it ends. Published on {@link Topics#APPLICATION_SCHEDULE}, key = noticeId.
 *
 * @param noticeId the notice
 * @param programmeId the programme
 * @param programmeCode the programme's stable code
 * @param authorityCode the authority holding the notice
 * @param startsAt first moment of the notice
 * @param endsAt last moment (end of the last working day, Asia/Shanghai)
 * @param workingDays its length in working days
 * @param applicationIds the applications on notice
 */
@EventType(topic = Topics.APPLICATION_SCHEDULE)
public record PublicNoticeStarted(UUID eventId, Instant occurredAt, UUID noticeId, UUID programmeId, String programmeCode, String authorityCode, Instant startsAt, Instant endsAt, int workingDays, List<UUID> applicationIds) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return noticeId.toString();
    }
}
