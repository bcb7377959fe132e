package cn.chanjiao.reporting.support;

import cn.chanjiao.testkit.time.MutableClock;

import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.reporting.report.ReportService;
import cn.chanjiao.testkit.http.ApiClient;
import cn.chanjiao.testkit.security.TestJwtIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the integration tests of this module start from: a client, tokens, the clock, approved platforms. */
@ReportingServiceTest
public abstract class IntegrationTestBase {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected ReportService reportService;

    protected ApiClient api;
    protected final TestJwtIssuer tokens = TestJwtIssuer.get();

    @BeforeEach
    void startFromAKnownWorld() {
        api = new ApiClient("http://127.0.0.1:" + port);
        clock.set(ReportingServiceTestConfiguration.DEFAULT_NOW);
    }

    protected String applicant(UUID organisationId) {
        return tokens.user("applicant-" + organisationId.toString().substring(0, 8)).roles("applicant")
                .organisation(organisationId).mint();
    }

    protected String reviewer(String authorityCode) {
        return tokens.user("reviewer-" + authorityCode).roles("reviewer").authority(authorityCode)
                .department("education").mint();
    }

    /** A platform approved now, as application-service would announce it (applied directly, not through Kafka). */
    protected TestPlatform approve(String programmeCode, String platformType, String regionCode, String authorityCode,
            List<Integer> planYears, Instant approvedAt) {
        UUID lead = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        PlatformApproved event = approved(programmeCode, platformType, lead, member, regionCode, authorityCode, planYears,
                approvedAt);
        reportService.platformApproved(event);
        return new TestPlatform(event.platformId(), lead, member, event);
    }

    /** A Hangzhou industry community (2024–2026) approved on 2024-07-01. */
    protected TestPlatform hangzhouCommunity() {
        return approve("HZ-PLATFORMS-2024", "INDUSTRY_COMMUNITY", "330106", "330100", List.of(2024, 2025, 2026),
                Instant.parse("2024-07-01T02:00:00Z"));
    }

    public static PlatformApproved approved(String programmeCode, String platformType, UUID lead, UUID member,
            String regionCode, String authorityCode, List<Integer> planYears, Instant approvedAt) {
        UUID platformId = UUID.randomUUID();
        return new PlatformApproved(UUID.randomUUID(), approvedAt, platformId, UUID.randomUUID(), UUID.randomUUID(),
                programmeCode, platformType, "测试平台-" + platformId.toString().substring(0, 6), lead, List.of(lead),
                regionCode, authorityCode, planYears, null, List.of(), List.of(
                        new PlatformApproved.Member(lead, "牵头企业", "LEAD", "ENTERPRISE", null, regionCode.substring(0, 2) + "0000",
                                regionCode.substring(0, 4) + "00", regionCode),
                        new PlatformApproved.Member(member, "参与学校", "PARTICIPANT", "HIGHER_VOCATIONAL_SCHOOL", null,
                                regionCode.substring(0, 2) + "0000", regionCode.substring(0, 4) + "00", regionCode)),
                approvedAt);
    }

    /** An approved platform with its filing lead and one participant. */
    public record TestPlatform(UUID id, UUID lead, UUID member, PlatformApproved event) {
    }
}
