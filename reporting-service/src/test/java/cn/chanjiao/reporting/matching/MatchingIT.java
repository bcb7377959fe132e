package cn.chanjiao.reporting.matching;

import cn.chanjiao.reporting.support.IntegrationTestBase;
import cn.chanjiao.reporting.support.ListDriver;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Recommendations through the API on a small labelled set of published rows. */
class MatchingIT extends IntegrationTestBase {

    @Test
    void aPublishedTalentDemandGetsTheLabelledSuppliesInGradeOrderWithTheirReasons() {
        TestPlatform taiyuan = approve("SX-INDUSTRY-COMMUNITY-2023", "INDUSTRY_COMMUNITY", "140105", "140000",
                List.of(2025), Instant.parse("2025-01-10T02:00:00Z"));
        TestPlatform datong = approve("SX-INDUSTRY-COMMUNITY-2023", "INDUSTRY_COMMUNITY", "140202", "140000",
                List.of(2025), Instant.parse("2025-01-10T02:00:00Z"));
        TestPlatform hangzhou = approve("HZ-PLATFORMS-2024", "INDUSTRY_COMMUNITY", "330106", "330100",
                List.of(2025), Instant.parse("2025-01-10T02:00:00Z"));
        ListDriver demands = ListDriver.create(api, applicant(taiyuan.lead()), taiyuan.id(), "TALENT_DEMAND", 2025, null);
        demands.addOk(talent("太原数控机床厂", "数控机床操作与编程", "数控技术", "专科", 10));
        publish(demands);
        ListDriver taiyuanSupply = ListDriver.create(api, applicant(taiyuan.lead()), taiyuan.id(), "TALENT_SUPPLY", 2025, null);
        taiyuanSupply.addOk(talent("A-太原职院", "数控专业应届毕业生", "数控技术、模具设计与制造", "大专", 12));
        taiyuanSupply.addOk(talent("E-太原卫校", "护理专业毕业生", "护理", "专科", 30));
        publish(taiyuanSupply);
        ListDriver datongSupply = ListDriver.create(api, applicant(datong.lead()), datong.id(), "TALENT_SUPPLY", 2025, null);
        datongSupply.addOk(talent("B-大同职院", "机电专业毕业生", "机电一体化技术", "专科", 10));
        publish(datongSupply);
        ListDriver hangzhouSupply = ListDriver.create(api, applicant(hangzhou.lead()), hangzhou.id(), "TALENT_SUPPLY", 2025, null);
        hangzhouSupply.addOk(talent("C-杭州本科", "机器人方向毕业生", "工业机器人技术", "本科", 5));
        publish(hangzhouSupply);
        String demandId = demands.rows().json().path("items").get(0).path("id").asString();

        ApiResponse matches = api.get("/api/v1/public/supply-demand/rows/" + demandId + "/matches?limit=50").send();

        assertThat(matches.status()).as(matches.toString()).isEqualTo(200);
        List<String> ranked = new ArrayList<>();
        matches.json().path("matches").forEach(m -> {
            String unit = m.path("row").path("unitName").asString();
            if (unit.matches("[A-E]-.*")) {
                ranked.add(unit);
            }
        });
        assertThat(ranked).containsExactly("A-太原职院", "B-大同职院", "C-杭州本科", "E-太原卫校");
        var best = matches.json().path("matches").get(0);
        assertThat(best.path("score").asDouble()).isEqualTo(100.0);
        List<String> reasons = new ArrayList<>();
        best.path("reasons").forEach(r -> reasons.add(r.path("text").asString()));
        assertThat(reasons).contains("专业完全一致：数控技术", "学历层次相符：专科", "同一城市（140100）");
    }

    @Test
    void aDraftRowIsMatchedOnlyForThoseWhoMayReadItsPlatform() {
        TestPlatform taiyuan = approve("SX-INDUSTRY-COMMUNITY-2023", "INDUSTRY_COMMUNITY", "140105", "140000",
                List.of(2025), Instant.parse("2025-01-10T02:00:00Z"));
        ListDriver demands = ListDriver.create(api, applicant(taiyuan.lead()), taiyuan.id(), "TECH_DEMAND", 2025, null);
        demands.addOk(Map.of("unitName", "太原重工", "description", "焊接机器人视觉检测技术攻关", "contact", "王工",
                "phone", "0351-1234567"));
        String rowId = demands.rows().json().path("items").get(0).path("id").asString();

        ApiResponse publicly = api.get("/api/v1/public/supply-demand/rows/" + rowId + "/matches").send();
        ApiResponse stranger = api.get("/api/v1/supply-demand/rows/" + rowId + "/matches")
                .bearer(applicant(java.util.UUID.randomUUID())).send();
        ApiResponse lead = api.get("/api/v1/supply-demand/rows/" + rowId + "/matches").bearer(applicant(taiyuan.lead())).send();

        assertThat(publicly.status()).isEqualTo(404);
        assertThat(stranger.isProblem(403)).as(stranger.toString()).isTrue();
        assertThat(lead.status()).as(lead.toString()).isEqualTo(200);
    }

    private static void publish(ListDriver list) {
        ApiResponse published = list.publish();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    static Map<String, Object> talent(String unit, String description, String major, String level, int headcount) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("unitName", unit);
        row.put("description", description);
        row.put("major", major);
        row.put("educationLevel", level);
        row.put("headcount", headcount);
        row.put("contact", "张老师");
        row.put("phone", "0351-6666666");
        return row;
    }
}
