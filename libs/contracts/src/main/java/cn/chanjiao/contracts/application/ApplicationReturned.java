package cn.chanjiao.contracts.application;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * A reviewer returned a submitted application to its applicant for changes: it is an editable draft
 * again, carrying the reviewer's comment. Topic {@link Topics#APPLICATION_LIFECYCLE}, key = applicationId.
 *
 * @param organisationId the applicant organisation that must act
 * @param comment        what the reviewer asks to change
 * @param returnedBy     the reviewer's user name
 * @param authorityCode  the reviewer's authority (GB/T 2260)
 */
@EventType(topic = Topics.APPLICATION_LIFECYCLE)
public record ApplicationReturned(UUID eventId, Instant occurredAt, UUID applicationId, UUID programmeId,
        UUID organisationId, String comment, String returnedBy, String authorityCode) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId.toString();
    }
}
