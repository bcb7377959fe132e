package cn.chanjiao.contracts.application;

import cn.chanjiao.contracts.EventType;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An application was approved after its public notice: it becomes a platform under construction (培育建设单位) for its plan years. reporting-service creates its report obligations from it, indicator-service its plan targets and member distribution. Published on {@link Topics#APPLICATION_LIFECYCLE}, key = platformId.
 *
 * @param platformId the approved platform (new id)
 * @param applicationId the approved application
 * @param programmeId the programme
 * @param programmeCode the programme's stable code
 * @param platformType the platform type
 * @param name the platform's name
 * @param leadOrganisationId the filing lead organisation
 * @param leadOrganisationIds every lead organisation
 * @param regionCode the region of the filing lead (GB/T 2260, most precise known)
 * @param authorityCode the approving authority (GB/T 2260)
 * @param planYears the construction years
 * @param baselineYear the baseline year of the plan table, or null
 * @param targets the plan table: target per indicator and year
 * @param members lead units and participants with their regions
 * @param approvedAt when the list was approved
 * @param windows the programme's windows (added in issue 15; null from older producers): the single source of the
 *        collection window (COLLECTION) and report due dates (ANNUAL_PLAN, ANNUAL_SUMMARY) for the consumers
 */
@EventType(topic = Topics.APPLICATION_LIFECYCLE)
public record PlatformApproved(UUID eventId, Instant occurredAt, UUID platformId, UUID applicationId, UUID programmeId, String programmeCode, String platformType, String name, UUID leadOrganisationId, List<UUID> leadOrganisationIds, String regionCode, String authorityCode, List<Integer> planYears, Integer baselineYear, List<PlanTarget> targets, List<Member> members, Instant approvedAt, List<ProgrammeWindow> windows) implements IntegrationEvent {

    /** The record as it was before the programme's windows were carried (issue 15). */
    public PlatformApproved(UUID eventId, Instant occurredAt, UUID platformId, UUID applicationId, UUID programmeId,
            String programmeCode, String platformType, String name, UUID leadOrganisationId, List<UUID> leadOrganisationIds,
            String regionCode, String authorityCode, List<Integer> planYears, Integer baselineYear, List<PlanTarget> targets,
            List<Member> members, Instant approvedAt) {
        this(eventId, occurredAt, platformId, applicationId, programmeId, programmeCode, platformType, name,
                leadOrganisationId, leadOrganisationIds, regionCode, authorityCode, planYears, baselineYear, targets, members,
                approvedAt, null);
    }

    /**
     * A window of the programme (whole days, Asia/Shanghai): fixed ({@code opensOn}..{@code closesOn}) or every year
     * ({@code yearlyOpens}..{@code yearlyCloses}, {@code MM-dd}, from {@code fromYear} until {@code untilYear}).
     *
     * @param purpose REGISTRATION, RECOMMENDATION, COLLECTION, ANNUAL_PLAN or ANNUAL_SUMMARY
     */
    public record ProgrammeWindow(String purpose, java.time.LocalDate opensOn, java.time.LocalDate closesOn,
            String yearlyOpens, String yearlyCloses, Integer fromYear, Integer untilYear) {

        /** Whether this window has an occurrence in {@code year}. */
        public boolean occursIn(int year) {
            if (yearlyOpens != null && yearlyCloses != null) {
                return (fromYear == null || year >= fromYear) && (untilYear == null || year <= untilYear);
            }
            return closesOn != null && closesOn.getYear() == year;
        }

        /** The first day of its occurrence in {@code year} (check {@link #occursIn} first). */
        public java.time.LocalDate opensOn(int year) {
            return yearlyOpens != null ? java.time.MonthDay.parse("--" + yearlyOpens).atYear(year) : opensOn;
        }

        /** The last day of its occurrence in {@code year} (check {@link #occursIn} first). */
        public java.time.LocalDate closesOn(int year) {
            return yearlyCloses != null ? java.time.MonthDay.parse("--" + yearlyCloses).atYear(year) : closesOn;
        }
    }

    /**
     * One cell of the plan table.
     *
     * @param indicatorCode the indicator code of the programme's plan catalogue
     * @param year the year (baseline or plan)
     * @param value the target value
     */
    public record PlanTarget(String indicatorCode, int year, java.math.BigDecimal value) {
    }

    /**
     * A lead unit or participant of the platform.
     *
     * @param organisationId the registered organisation, or null for one not registered with us
     * @param name its name
     * @param role LEAD or PARTICIPANT
     * @param memberType kind of lead or participant type
     * @param code USCC or school code, if known
     * @param provinceCode GB/T 2260
     * @param cityCode GB/T 2260, or null
     * @param districtCode GB/T 2260, or null
     */
    public record Member(UUID organisationId, String name, String role, String memberType, String code, String provinceCode, String cityCode, String districtCode) {
    }

    @Override
    public String aggregateId() {
        return platformId.toString();
    }
}
