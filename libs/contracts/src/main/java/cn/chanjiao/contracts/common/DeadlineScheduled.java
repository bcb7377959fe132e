package cn.chanjiao.contracts.common;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * A deadline someone must meet: notification-service schedules reminders from it (T-7, T-1, due,
 * overdue). Published by the service that owns the thing due, on that service's topic; the topic
 * given here is the default for services that have no topic of their own for it.
 *
 * @param kind           e.g. {@code REGISTRATION_CLOSES}, {@code REPORT_DUE}, {@code COLLECTION_CLOSES}
 * @param subjectId      the thing due (application, report obligation, platform-year …)
 * @param organisationId the organisation that must act, if one
 * @param authorityCode  the authority that must act or is responsible, GB/T 2260 code
 * @param dueAt          the deadline, an instant; shown to people in Asia/Shanghai
 */
@EventType(topic = Topics.APPLICATION_SCHEDULE)
public record DeadlineScheduled(UUID eventId, Instant occurredAt, String kind, String subjectId,
        UUID organisationId, String authorityCode, Instant dueAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return subjectId;
    }
}
