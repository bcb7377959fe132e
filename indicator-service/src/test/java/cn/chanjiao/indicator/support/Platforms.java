package cn.chanjiao.indicator.support;

import cn.chanjiao.contracts.application.PlatformApproved;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Object mother of {@code PlatformApproved}: a Shanxi community approved in 2023 unless told otherwise. */
public final class Platforms {

    private UUID platformId = UUID.randomUUID();
    private UUID programmeId = UUID.nameUUIDFromBytes("SX-INDUSTRY-COMMUNITY-2023".getBytes());
    private String programmeCode = "SX-INDUSTRY-COMMUNITY-2023";
    private String platformType = "INDUSTRY_COMMUNITY";
    private String name = "山西省煤炭行业产教融合共同体";
    private UUID lead = UUID.randomUUID();
    private String regionCode = "140105";
    private String authorityCode = "140000";
    private List<Integer> planYears = List.of(2023, 2024, 2025);
    private Integer baselineYear;
    private final List<PlatformApproved.PlanTarget> targets = new ArrayList<>();
    private final List<PlatformApproved.Member> members = new ArrayList<>();

    private Platforms() {
    }

    public static Platforms aShanxiCommunity() {
        return new Platforms().member("牵头企业", "LEAD", "ENTERPRISE", "140000", "140100", "140105");
    }

    public static Platforms aHangzhouPracticeCentre(String platformType) {
        Platforms platforms = new Platforms();
        platforms.programmeCode = "HZ-PLATFORMS-2024";
        platforms.programmeId = UUID.nameUUIDFromBytes("HZ-PLATFORMS-2024".getBytes());
        platforms.platformType = platformType;
        platforms.name = "杭州市智能制造产教融合实践中心";
        platforms.regionCode = "330106";
        platforms.authorityCode = "330100";
        platforms.planYears = List.of(2024, 2025, 2026);
        platforms.baselineYear = 2023;
        return platforms.member("建设单位", "LEAD", "VOCATIONAL_SCHOOL", "330000", "330100", "330106");
    }

    /** A national city consortium (seed 003): plan years 2023–2025, baseline 2022, approved by the Ministry. */
    public static Platforms aNationalCityConsortium() {
        Platforms platforms = new Platforms();
        platforms.programmeCode = "MOE-CITY-CONSORTIUM-2023";
        platforms.programmeId = UUID.nameUUIDFromBytes("MOE-CITY-CONSORTIUM-2023".getBytes());
        platforms.platformType = "CITY_CONSORTIUM";
        platforms.name = "郑州航空港市域产教联合体";
        platforms.regionCode = "410102";
        platforms.authorityCode = "100000";
        platforms.baselineYear = 2022;
        return platforms.member("园区管委会", "LEAD", "PARK_GOVERNMENT", "410000", "410100", "410102");
    }

    public Platforms id(UUID id) {
        this.platformId = id;
        return this;
    }

    public Platforms lead(UUID organisationId) {
        this.lead = organisationId;
        return this;
    }

    public Platforms named(String name) {
        this.name = name;
        return this;
    }

    public Platforms authority(String authorityCode) {
        this.authorityCode = authorityCode;
        return this;
    }

    public Platforms region(String regionCode) {
        this.regionCode = regionCode;
        return this;
    }

    public Platforms target(String code, int year, String value) {
        targets.add(new PlatformApproved.PlanTarget(code, year, new BigDecimal(value)));
        return this;
    }

    public Platforms member(String memberName, String role, String type, String province, String city, String district) {
        members.add(new PlatformApproved.Member(UUID.randomUUID(), memberName, role, type, null, province, city, district));
        return this;
    }

    public UUID lead() {
        return lead;
    }

    public UUID platformId() {
        return platformId;
    }

    public PlatformApproved build() {
        return new PlatformApproved(UUID.randomUUID(), Instant.parse("2023-12-20T02:00:00Z"), platformId, UUID.randomUUID(),
                programmeId, programmeCode, platformType, name, lead, List.of(lead), regionCode, authorityCode, planYears,
                baselineYear, List.copyOf(targets), List.copyOf(members), Instant.parse("2023-12-20T02:00:00Z"));
    }
}
