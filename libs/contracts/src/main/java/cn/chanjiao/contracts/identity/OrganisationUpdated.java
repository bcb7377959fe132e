package cn.chanjiao.contracts.identity;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An organisation's data changed: its state after the change and which fields changed. A change of
 * name, codes, kind or region makes a verified organisation {@code PENDING} again, and a corrected
 * rejected one too. Topic {@link Topics#IDENTITY_ORGANISATION}, key = organisationId.
 *
 * @param version       the organisation's version after the change (its ETag)
 * @param status        {@code PENDING}, {@code VERIFIED} or {@code REJECTED} after the change
 * @param changedFields names of the request fields that changed, e.g. {@code name}, {@code attributes.chinaTop500}
 */
@EventType(topic = Topics.IDENTITY_ORGANISATION)
public record OrganisationUpdated(UUID eventId, Instant occurredAt, UUID organisationId, long version, String kind,
        String name, String uscc, String schoolCode, String provinceCode, String cityCode, String districtCode,
        String status, List<String> changedFields) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return organisationId.toString();
    }
}
