package cn.chanjiao.contracts.application;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * Someone filed an objection (异议) against an application on public notice; the programme authority must rule on it before the list is approved. The filer's name and contact are not in the event. Published on {@link Topics#APPLICATION_SCHEDULE}, key = noticeId.
 *
 * @param objectionId the objection
 * @param noticeId the notice
 * @param applicationId the application objected to
 * @param programmeId the programme
 * @param authorityCode the authority that rules on it
 * @param filedAt when it was filed
 */
@EventType(topic = Topics.APPLICATION_SCHEDULE)
public record ObjectionFiled(UUID eventId, Instant occurredAt, UUID objectionId, UUID noticeId, UUID applicationId, UUID programmeId, String authorityCode, Instant filedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return noticeId.toString();
    }
}
