package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.support.IntegrationTestBase;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Shanxi registers communities every year from 2024 (seed 000): a form started in 2025 plans 2025–2027. */
class RollingPlanYearsIT extends IntegrationTestBase {

    @Test
    void aShanxiCommunityStartedIn2025AsksForTheYears2025To2027AndRefuses2023() {
        clock.setBeijing("2025-03-01T10:00:00");
        UUID enterprise = identity.organisation("ENTERPRISE").name("山西智造集团有限公司").region("140105").register();
        FormDriver form = new FormDriver(api, applicant(enterprise));

        ApiResponse created = form.create(programmeId("SX-INDUSTRY-COMMUNITY-2023"), PlatformType.INDUSTRY_COMMUNITY);
        ApiResponse old = form.put("plan", "{\"values\":[{\"indicator\":\"INNOVATION_CENTER_FUNDING\",\"year\":2023,"
                + "\"value\":100}]}");
        ApiResponse own = form.put("plan", "{\"values\":[{\"indicator\":\"INNOVATION_CENTER_FUNDING\",\"year\":2027,"
                + "\"value\":100}]}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("planYears").valueStream().map(JsonNode::asInt).toList())
                .containsExactly(2025, 2026, 2027);
        assertThat(old.isProblem(400)).as(old.toString()).isTrue();
        assertThat(old.body()).contains("2025, 2026, 2027");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().path("plan").get(0).path("year").asInt()).isEqualTo(2027);
    }

    @Test
    void aHangzhouFormKeepsTheCallsFixedPlanYears() {
        UUID enterprise = identity.organisation("ENTERPRISE").name("杭州智联科技有限公司").region("330106").register();
        FormDriver form = new FormDriver(api, applicant(enterprise));

        ApiResponse created = form.create(programmeId("HZ-PLATFORMS-2024"), PlatformType.PRACTICE_CENTER_ENTERPRISE);

        assertThat(created.json().path("planYears").valueStream().map(JsonNode::asInt).toList())
                .containsExactly(2024, 2025, 2026);
    }
}
