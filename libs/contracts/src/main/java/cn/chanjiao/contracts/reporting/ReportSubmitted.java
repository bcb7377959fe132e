package cn.chanjiao.contracts.reporting;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A platform submitted a yearly report (or supply–demand list) for one of its obligations. Published on {@link Topics#REPORTING}, key = obligationId.
 *
 * @param obligationId the obligation it meets
 * @param reportId the report
 * @param platformId the platform
 * @param programmeId the programme
 * @param organisationId the platform's filing lead organisation
 * @param kind the report kind, e.g. ANNUAL_WORK_PLAN, ANNUAL_SUMMARY, OPERATION_REPORT
 * @param year the plan year it reports on
 * @param dueAt its deadline
 * @param submittedAt when it was submitted
 * @param onTime submitted by the deadline
 */
@EventType(topic = Topics.REPORTING)
public record ReportSubmitted(UUID eventId, Instant occurredAt, UUID obligationId, UUID reportId, UUID platformId, UUID programmeId, UUID organisationId, String kind, int year, Instant dueAt, Instant submittedAt, boolean onTime) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return obligationId.toString();
    }
}
