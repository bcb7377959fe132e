package cn.chanjiao.contracts.identity;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation registered itself (with its first org admin) and waits, {@code PENDING}, for a
 * programme admin of its jurisdiction. Topic {@link Topics#IDENTITY_ORGANISATION}, key = organisationId.
 *
 * @param kind         {@code ENTERPRISE}, {@code UNIVERSITY}, {@code VOCATIONAL_SCHOOL}, {@code RESEARCH_INSTITUTE},
 *                     {@code INDUSTRY_ORGANISATION}, {@code GOVERNMENT_DEPARTMENT}, {@code INDUSTRIAL_PARK}, {@code OTHER}
 * @param uscc         unified social credit code (GB 32100-2015), if it has one
 * @param schoolCode   10-digit school code of a school, if one
 * @param provinceCode GB/T 2260 code of its province
 * @param cityCode     of its city, if given
 * @param districtCode of its district or county, if given
 * @param status       {@code PENDING}
 * @param adminUserId  the Keycloak id of its first org admin
 */
@EventType(topic = Topics.IDENTITY_ORGANISATION)
public record OrganisationRegistered(UUID eventId, Instant occurredAt, UUID organisationId, String kind, String name,
        String uscc, String schoolCode, String provinceCode, String cityCode, String districtCode, String status,
        UUID adminUserId) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return organisationId.toString();
    }
}
