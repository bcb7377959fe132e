package cn.chanjiao.indicator.platform;

import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.contracts.application.PlatformRevoked;
import cn.chanjiao.indicator.support.IntegrationTestBase;
import cn.chanjiao.indicator.support.Platforms;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformEventsIT extends IntegrationTestBase {

    @Test
    void anApprovedPlatformIsStoredOnceWithItsMembersAndTargetsEvenWhenDeliveredTwice() {
        Platforms platforms = Platforms.aShanxiCommunity()
                .member("太原职业技术学院", "LEAD", "VOCATIONAL_SCHOOL", "140000", "140100", "140106")
                .member("北京某研究院", "PARTICIPANT", "RESEARCH_INSTITUTE", "110000", "110100", "110108")
                .target("CORE_COURSES", 2023, "10").target("CORE_COURSES", 2024, "12").target("INNOVATION_CENTER_FUNDING", 2024, "150.5");
        PlatformApproved approved = platforms.build();
        publish(approved);
        publish(approved);
        await(() -> count("select count(*) from platform where id = ?", approved.platformId()) == 1, "the platform");
        await(() -> count("select count(*) from processed_event where event_id = ?", approved.eventId()) == 1, "processing");
        assertThat(count("select count(*) from platform_member where platform_id = ?", approved.platformId())).isEqualTo(3);
        assertThat(count("select count(*) from plan_target where platform_id = ?", approved.platformId())).isEqualTo(3);
        assertThat(jdbc.queryForObject("select programme_id from catalogue where programme_code = ?", UUID.class,
                "SX-INDUSTRY-COMMUNITY-2023")).isEqualTo(approved.programmeId());

        ApiResponse mine = api.get(BASE + "/platforms/" + approved.platformId()).bearer(platformUser(platforms.lead())).send();
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().path("targets")).hasSize(3);
        assertThat(mine.json().path("members")).hasSize(3);
        ApiResponse list = api.get(BASE + "/platforms").bearer(platformUser(platforms.lead())).send();
        assertThat(list.json().path("items")).hasSize(1);
        assertThat(list.json().path("total").asLong()).isEqualTo(1);
        ApiResponse changed = api.get(BASE + "/platforms?updatedSince=2999-01-01T00:00:00Z").bearer(platformAdmin()).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("total").asLong()).isZero();
        ApiResponse shanxi = api.get(BASE + "/platforms?programmeCode=SX-INDUSTRY-COMMUNITY-2023&size=1").bearer(reviewer("140000")).send();
        assertThat(shanxi.json().path("items")).hasSize(1);
        assertThat(shanxi.json().path("total").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void onlyItsLeadOrganisationsAndItsAuthoritiesSeeAPlatform() {
        PlatformApproved approved = Platforms.aShanxiCommunity().build();
        publish(approved);
        await(() -> count("select count(*) from platform where id = ?", approved.platformId()) == 1, "the platform");
        String path = BASE + "/platforms/" + approved.platformId();

        assertThat(api.get(path).bearer(platformUser(UUID.randomUUID())).send().isProblem(403)).isTrue();
        assertThat(api.get(path).bearer(reviewer("330000")).send().isProblem(403)).isTrue();
        assertThat(api.get(path).bearer(reviewer("140000")).send().status()).isEqualTo(200);
        assertThat(api.get(path).bearer(programmeAdmin("140100")).send().status()).isEqualTo(200);
        assertThat(api.get(path).bearer(platformAdmin()).send().status()).isEqualTo(200);
        assertThat(api.get(path).send().isProblem(401)).isTrue();
        assertThat(api.get(BASE + "/platforms/" + UUID.randomUUID()).bearer(platformAdmin()).send().isProblem(404)).isTrue();
    }

    @Test
    void aRevokedPlatformStopsCollecting() {
        PlatformApproved approved = Platforms.aShanxiCommunity().build();
        publish(approved);
        publish(new PlatformRevoked(UUID.randomUUID(), Instant.now(), approved.platformId(), approved.programmeId(),
                approved.leadOrganisationId(), "140000", "解散"));
        await(() -> count("select count(*) from platform where id = ? and status = 'REVOKED'", approved.platformId()) == 1,
                "the revocation");
        assertThat(jdbc.queryForObject("select revoked_reason from platform where id = ?", String.class, approved.platformId()))
                .isEqualTo("解散");
    }
}
