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
 * @param platformName the platform's name (null in events published before it was added)
 * @param authorityCode the platform's supervising authority, the one that approved it (GB/T 2260; null in earlier events)
 * @param regionCode the region of the platform's filing lead (GB/T 2260; null in earlier events)
 */
@EventType(topic = Topics.REPORTING)
public record ReportOverdue(UUID eventId, Instant occurredAt, UUID obligationId, UUID platformId, UUID programmeId, UUID organisationId, String kind, int year, Instant dueAt, String platformName, String authorityCode, String regionCode) implements IntegrationEvent {

    /** The event without the platform's name and authority (as published before they were added). */
    public ReportOverdue(UUID eventId, Instant occurredAt, UUID obligationId, UUID platformId, UUID programmeId, UUID organisationId, String kind, int year, Instant dueAt) {
        this(eventId, occurredAt, obligationId, platformId, programmeId, organisationId, kind, year, dueAt, null, null, null);
    }

    @Override
    public String aggregateId() {
        return obligationId.toString();
    }
}
