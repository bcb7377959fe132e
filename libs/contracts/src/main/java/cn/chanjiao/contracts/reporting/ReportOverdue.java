package cn.chanjiao.contracts.reporting;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A report obligation passed its deadline without a submission (published once per obligation). Published on {@link Topics#REPORTING}, key = obligationId.
 *
 * @param obligationId the obligation
 * @param platformId the platform
 * @param programmeId the programme
 * @param organisationId the platform's filing lead organisation
 * @param kind the report kind
 * @param year the plan year
 * @param dueAt the missed deadline
 */
@EventType(topic = Topics.REPORTING)
public record ReportOverdue(UUID eventId, Instant occurredAt, UUID obligationId, UUID platformId, UUID programmeId, UUID organisationId, String kind, int year, Instant dueAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return obligationId.toString();
    }
}
