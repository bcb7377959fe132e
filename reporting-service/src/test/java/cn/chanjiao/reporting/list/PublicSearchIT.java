package cn.chanjiao.reporting.list;

import cn.chanjiao.reporting.support.IntegrationTestBase;
import cn.chanjiao.reporting.support.ListDriver;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The public information service: published rows found by Chinese keywords and filters, without a token. */
class PublicSearchIT extends IntegrationTestBase {

    private TestPlatform taiyuan;
    private TestPlatform hangzhou;

    @BeforeEach
    void twoPlatformsWithPublishedAndDraftLists() {
        taiyuan = approve("SX-INDUSTRY-COMMUNITY-2023", "INDUSTRY_COMMUNITY", "140105", "140000", List.of(2024, 2025),
                Instant.parse("2024-01-10T02:00:00Z"));
        hangzhou = hangzhouCommunity();
        ListDriver demand = ListDriver.create(api, applicant(taiyuan.lead()), taiyuan.id(), "TALENT_DEMAND", 2025, "装备制造");
        demand.addOk(row("太原重工", "焊接机器人运维岗位", "智能焊接技术", "专科", 10));
        demand.addOk(row("太重集团", "数控设备操作与维护", "数控技术", "本科", 5));
        demand.addOk(row("山西焊接研究所", "焊接工艺研发", "材料成型及控制技术", "硕士研究生", 2));
        assertThat(demand.publish().status()).isEqualTo(200);
        ListDriver draft = ListDriver.create(api, applicant(taiyuan.lead()), taiyuan.id(), "TALENT_DEMAND", 2024, "装备制造");
        draft.addOk(row("未发布单位", "焊接未发布的需求", "智能焊接技术", "专科", 3));
        ListDriver hz = ListDriver.create(api, applicant(hangzhou.lead()), hangzhou.id(), "TALENT_DEMAND", 2025, "数字经济");
        hz.addOk(row("杭州某科技", "焊接视觉检测算法", "人工智能技术应用", "本科", 4));
        assertThat(hz.publish().status()).isEqualTo(200);
    }

    @Test
    void aTwoCharacterChineseKeywordFindsItsPublishedRowsWithoutAToken() {
        ApiResponse found = api.get("/api/v1/public/supply-demand/rows?q=焊接&platformId=" + taiyuan.id()).send();

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(units(found)).containsExactlyInAnyOrder("太原重工", "山西焊接研究所");
        assertThat(found.json().path("total").asInt()).isEqualTo(2);
        assertThat(found.json().path("items").get(0).path("platformName").asString()).isEqualTo(taiyuan.event().name());
    }

    @Test
    void aKeywordSearchesEverywhereAndNeverShowsDrafts() {
        ApiResponse everywhere = api.get("/api/v1/public/supply-demand/rows?q=焊接&size=100").send();

        assertThat(units(everywhere)).contains("太原重工", "山西焊接研究所", "杭州某科技").doesNotContain("未发布单位", "太重集团");
        everywhere.json().path("items").forEach(item -> assertThat(item.path("unitName").asString()
                + item.path("description").asString() + item.path("major").asString()).contains("焊接"));
    }

    @Test
    void severalKeywordsMustAllMatch() {
        ApiResponse both = api.get("/api/v1/public/supply-demand/rows?q=焊接%20研发&platformId=" + taiyuan.id()).send();

        assertThat(units(both)).containsExactly("山西焊接研究所");
    }

    @Test
    void filtersNarrowByEducationLevelRegionMajorIndustryAndYear() {
        String base = "/api/v1/public/supply-demand/rows?q=焊接&size=100";

        assertThat(units(api.get(base + "&educationLevel=大专&platformId=" + taiyuan.id()).send())).containsExactly("太原重工");
        assertThat(units(api.get(base + "&region=330100").send())).contains("杭州某科技").doesNotContain("太原重工");
        assertThat(units(api.get(base + "&region=140000").send())).contains("太原重工").doesNotContain("杭州某科技");
        assertThat(units(api.get("/api/v1/public/supply-demand/rows?major=数控&platformId=" + taiyuan.id()).send()))
                .containsExactly("太重集团");
        assertThat(units(api.get(base + "&industry=数字经济&platformId=" + hangzhou.id()).send())).containsExactly("杭州某科技");
        assertThat(units(api.get(base + "&year=2024&platformId=" + taiyuan.id()).send())).isEmpty();
        assertThat(units(api.get(base + "&kind=TECH_DEMAND&platformId=" + taiyuan.id()).send())).isEmpty();
        assertThat(units(api.get(base + "&updatedSince=2025-03-01T01:00:00Z&platformId=" + taiyuan.id()).send())).hasSize(2);
        assertThat(units(api.get(base + "&updatedSince=2025-03-02T00:00:00Z&platformId=" + taiyuan.id()).send())).isEmpty();
    }

    @Test
    void resultsArePaged() {
        ApiResponse first = api.get("/api/v1/public/supply-demand/rows?platformId=" + taiyuan.id() + "&size=2&page=0").send();
        ApiResponse second = api.get("/api/v1/public/supply-demand/rows?platformId=" + taiyuan.id() + "&size=2&page=1").send();

        assertThat(first.json().path("total").asInt()).isEqualTo(3);
        assertThat(first.json().path("totalExact").asBoolean()).isTrue();
        assertThat(first.json().path("items").size()).isEqualTo(2);
        assertThat(second.json().path("items").size()).isEqualTo(1);
        assertThat(units(first)).doesNotContainAnyElementsOf(units(second));
    }

    @Test
    void badFiltersAreClearAnswers() {
        ApiResponse level = api.get("/api/v1/public/supply-demand/rows?educationLevel=幼儿园").send();
        ApiResponse region = api.get("/api/v1/public/supply-demand/rows?region=山西").send();

        assertThat(level.isProblem(400)).as(level.toString()).isTrue();
        assertThat(region.isProblem(400)).as(region.toString()).isTrue();
    }

    @Test
    void theTwoCharacterQueryCanBeServedByTheBigramIndex() {
        String plan = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set enable_seqscan = off");
                StringBuilder lines = new StringBuilder();
                try (var rs = statement.executeQuery("explain select id from sd_row r where r.search_pairs @> array['焊接']")) {
                    while (rs.next()) {
                        lines.append(rs.getString(1)).append('\n');
                    }
                } finally {
                    statement.execute("reset enable_seqscan");
                }
                return lines.toString();
            }
        });
        assertThat(plan).contains("sd_row_pairs");
    }

    private static Map<String, Object> row(String unit, String description, String major, String level, int headcount) {
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

    private static List<String> units(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> units = new ArrayList<>();
        response.json().path("items").forEach(item -> units.add(item.path("unitName").asString()));
        return units;
    }
}
