package cn.chanjiao.contracts.reporting;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * An authority accepted or returned a submitted report. Published on {@link Topics#REPORTING}, key = obligationId.
 *
 * @param obligationId the obligation
 * @param reportId the report
 * @param platformId the platform
 * @param organisationId the platform's filing lead organisation
 * @param kind the report kind
 * @param outcome ACCEPTED or RETURNED
 * @param comment the reviewer's comment
 * @param authorityCode the reviewing authority
 */
@EventType(topic = Topics.REPORTING)
public record ReportReviewed(UUID eventId, Instant occurredAt, UUID obligationId, UUID reportId, UUID platformId, UUID organisationId, String kind, String outcome, String comment, String authorityCode) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return obligationId.toString();
    }
}
