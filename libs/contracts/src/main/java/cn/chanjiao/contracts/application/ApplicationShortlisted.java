package cn.chanjiao.contracts.application;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * An application was shortlisted after expert review, within the programme's total quota; it goes to public notice next. Published on {@link Topics#APPLICATION_LIFECYCLE}, key = applicationId.
 *
 * @param applicationId the application
 * @param programmeId the programme
 * @param platformType the platform type
 * @param organisationId the filing lead organisation
 * @param authorityCode the shortlisting authority
 * @param rank its place on the shortlist (1 = first)
 */
@EventType(topic = Topics.APPLICATION_LIFECYCLE)
public record ApplicationShortlisted(UUID eventId, Instant occurredAt, UUID applicationId, UUID programmeId, String platformType, UUID organisationId, String authorityCode, int rank) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId.toString();
    }
}
