package cn.chanjiao.contracts.application;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An applicant submitted its application form: the form is frozen as submitted (a snapshot of
 * {@code formVersion}) and waits for its first review stage. Published by application-service on
 * {@link Topics#APPLICATION_LIFECYCLE}, key = applicationId.
 *
 * @param applicationId          the application
 * @param programmeId            the programme (call) it answers
 * @param programmeCode          the programme's stable code, e.g. {@code HZ-PLATFORMS-2024}
 * @param platformType           {@code INDUSTRY_COMMUNITY}, {@code CITY_CONSORTIUM}, {@code PRACTICE_CENTER_SCHOOL} …
 * @param leadOrganisationId     the organisation that filed the application (the filing lead unit)
 * @param leadOrganisationIds    every lead unit's organisation
 * @param name                   the platform's name as filed
 * @param recommendingRegionCode GB/T 2260 code of the region whose authority reviews it first
 * @param formVersion            the form version that was submitted
 * @param resubmission           whether the form had been returned and is submitted again
 * @param firstStageAuthorityCode the authority of the first stage of the application's review route (who reviews it
 *                               first: a district bureau for Hangzhou, the province for a community …); null in events
 *                               published before it travelled along
 * @param firstStageDepartment   that stage's department ({@code education}, {@code development-reform},
 *                               {@code industry-it} …); null likewise — reviewers of other departments of the same
 *                               authority cannot see the application
 */
@EventType(topic = Topics.APPLICATION_LIFECYCLE)
public record ApplicationSubmitted(UUID eventId, Instant occurredAt, UUID applicationId, UUID programmeId,
        String programmeCode, String platformType, UUID leadOrganisationId, List<UUID> leadOrganisationIds,
        String name, String recommendingRegionCode, long formVersion, boolean resubmission, String firstStageAuthorityCode,
        String firstStageDepartment) implements IntegrationEvent {

    /** As published before the first stage travelled along. */
    public ApplicationSubmitted(UUID eventId, Instant occurredAt, UUID applicationId, UUID programmeId, String programmeCode,
            String platformType, UUID leadOrganisationId, List<UUID> leadOrganisationIds, String name,
            String recommendingRegionCode, long formVersion, boolean resubmission) {
        this(eventId, occurredAt, applicationId, programmeId, programmeCode, platformType, leadOrganisationId,
                leadOrganisationIds, name, recommendingRegionCode, formVersion, resubmission, null, null);
    }

    @Override
    public String aggregateId() {
        return applicationId.toString();
    }
}
