package cn.chanjiao.indicator.platform;

import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.contracts.application.PlatformMembersChanged;
import cn.chanjiao.indicator.support.IntegrationTestBase;
import cn.chanjiao.indicator.support.Platforms;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant from another province joins an approved Shanxi community (PlatformMembersChanged): the cross-province
 * and cross-city member-distribution indicators follow, and the event applies once however often it arrives.
 */
class MemberChangesIT extends IntegrationTestBase {

    private JsonNode results(PlatformApproved approved, String user) {
        ApiResponse results = api.get(BASE + "/platforms/" + approved.platformId() + "/years/2024/results").bearer(user)
                .send();
        assertThat(results.status()).as(results.toString()).isEqualTo(200);
        return results.json();
    }

    private static String actual(JsonNode results, String code) {
        return results.path("indicators").valueStream().filter(i -> i.path("code").asString().equals(code)).findFirst()
                .orElseThrow().path("actual").asString();
    }

    @Test
    void aMemberFromAnotherProvinceRaisesTheCrossProvinceIndicatorsOnceEvenWhenTheEventArrivesTwice() {
        Platforms shanxi = Platforms.aShanxiCommunity()
                .member("太原某研究院", "PARTICIPANT", "RESEARCH_INSTITUTE", "140000", "140100", "140106");
        PlatformApproved approved = shanxi.build();
        publish(approved);
        await(() -> count("select count(*) from platform where id = ?", approved.platformId()) == 1, "the platform");
        String user = platformUser(shanxi.lead());
        JsonNode before = results(approved, user);

        List<PlatformApproved.Member> members = new ArrayList<>(approved.members());
        members.add(new PlatformApproved.Member(null, "河北某装备制造有限公司", "PARTICIPANT", "UPSTREAM_DOWNSTREAM_ENTERPRISE",
                "91130100MA0XXXXXXX", "130000", "130100", null));
        PlatformMembersChanged changed = new PlatformMembersChanged(UUID.randomUUID(), Instant.now(), approved.platformId(),
                approved.programmeId(), approved.programmeCode(), 2, "ADDED", "河北某装备制造有限公司", "新增上下游企业", members);
        publish(changed);
        publish(changed);
        await(() -> count("select count(*) from processed_event where event_id = ?", changed.eventId()) == 1,
                "the member change");
        JsonNode after = results(approved, user);

        assertThat(new java.math.BigDecimal(actual(before, "MEMBER_PROVINCES"))).isEqualByComparingTo("1");
        assertThat(new java.math.BigDecimal(actual(before, "MEMBERS_OUTSIDE_LEAD_PROVINCE"))).isEqualByComparingTo("0");
        assertThat(new java.math.BigDecimal(actual(after, "MEMBER_PROVINCES"))).isEqualByComparingTo("2");
        assertThat(new java.math.BigDecimal(actual(after, "MEMBERS_OUTSIDE_LEAD_PROVINCE"))).isEqualByComparingTo("1");
        assertThat(new java.math.BigDecimal(actual(after, "MEMBER_CITIES"))).isEqualByComparingTo("2");
        assertThat(count("select count(*) from platform_member where platform_id = ?", approved.platformId())).isEqualTo(3);
    }

    @Test
    void aMemberChangeOfAnUnknownPlatformChangesNothing() {
        PlatformMembersChanged changed = new PlatformMembersChanged(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), "SX-INDUSTRY-COMMUNITY-2023", 2, "REMOVED", "某单位", null, List.of());
        publish(changed);
        await(() -> count("select count(*) from processed_event where event_id = ?", changed.eventId()) == 1, "processing");

        assertThat(count("select count(*) from platform_member where platform_id = ?", changed.platformId())).isZero();
    }
}
