package cn.chanjiao.indicator.platform;

import cn.chanjiao.indicator.catalogue.CentreType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An approved platform as indicator-service knows it from {@code PlatformApproved}. */
public record Platform(UUID id, String programmeCode, UUID programmeId, String platformType, String name,
        UUID leadOrganisationId, List<UUID> leadOrganisationIds, String regionCode, String authorityCode,
        List<Integer> planYears, Integer baselineYear, CentreType centreType, String status, Instant approvedAt) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** The centre type that decides the key indicators: fixed by the platform type or set for a school centre. */
    public CentreType effectiveCentreType() {
        CentreType fixed = CentreType.fixedBy(platformType);
        return fixed != null ? fixed : centreType;
    }

    /** A member: lead unit or participant, with its region. */
    public record Member(UUID organisationId, String name, String role, String memberType, String code,
            String provinceCode, String cityCode, String districtCode) {
    }

    /** One cell of the plan table. */
    public record Target(String indicatorCode, int year, java.math.BigDecimal value) {
    }
}
