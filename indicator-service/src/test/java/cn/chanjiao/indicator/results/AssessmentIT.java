package cn.chanjiao.indicator.results;

import cn.chanjiao.contracts.Topics;
import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.contracts.reporting.ReportOverdue;
import cn.chanjiao.indicator.support.IntegrationTestBase;
import cn.chanjiao.indicator.support.Platforms;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Graded assessments per programme rule: Shanxi's yearly assessment of 2024, the national consortia's acceptance on 2023. */
class AssessmentIT extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anAuthorityReviewsAdjustsWithACommentAndPublishesTheYearsGradesWhichReachTheEventTheResultsAndTheWorkbook()
            throws Exception {
        // 晋中 (140700): platforms no other test uses, so the city's list holds only these two
        Platforms good = Platforms.aShanxiCommunity().named("晋中甲产教融合共同体").region("140702")
                .target("CORE_COURSES", 2024, "10");
        Platforms idle = Platforms.aShanxiCommunity().named("晋中乙产教融合共同体").region("140702")
                .target("CORE_COURSES", 2024, "10");
        PlatformApproved first = good.build();
        PlatformApproved second = idle.build();
        publish(first);
        publish(second);
        await(() -> count("select count(*) from platform where id in (?, ?)", first.platformId(), second.platformId()) == 2,
                "the platforms");
        String user = platformUser(good.lead());
        String year = BASE + "/platforms/" + first.platformId() + "/years/2024";
        assertThat(api.put(year + "/values").bearer(user).header("If-Match", "\"0\"").header("Idempotency-Key", "g-1")
                .json(Map.of("values", List.of(value("CORE_COURSES", 8)))).send().status()).isEqualTo(200);
        assertThat(api.post(year + "/submission").bearer(user).header("If-Match", "\"1\"").header("Idempotency-Key", "g-2")
                .send().status()).isEqualTo(200);

        String admin = programmeAdmin("140700");
        String list = BASE + "/programmes/SX-INDUSTRY-COMMUNITY-2023/years/2024/assessments/YEARLY";
        ApiResponse graded = api.get(list).bearer(admin).send();
        assertThat(graded.status()).as(graded.toString()).isEqualTo(200);
        assertThat(graded.json().path("kindName").asString()).isEqualTo("年度考核");
        JsonNode goodRow = row(graded.json(), first.platformId());
        JsonNode idleRow = row(graded.json(), second.platformId());
        assertThat(goodRow.path("grading").path("computedScore").decimalValue()).isEqualByComparingTo("80.0");
        assertThat(goodRow.path("grading").path("gradeName").asString()).isEqualTo("良好");
        assertThat(goodRow.path("grading").path("status").asString()).isEqualTo("PROPOSED");
        assertThat(idleRow.path("grading").path("grade").asString()).isEqualTo("FAIL");
        assertThat(idleRow.path("grading").path("reasons").valueStream().map(JsonNode::asString).toList())
                .containsExactly("NOT_SUBMITTED");
        assertThat(graded.json().path("byGrade").path("FAIL").asInt()).isEqualTo(1);
        assertThat(api.get(list).bearer(programmeAdmin("330100")).send().json().path("rows").size()).isZero();
        assertThat(api.get(list).bearer(user).send().isProblem(403)).isTrue();

        String idleAssessment = BASE + "/platforms/" + second.platformId() + "/years/2024/assessments/YEARLY";
        Map<String, Object> adjustment = Map.of("grade", "PASS", "comment", "因系统故障未能按期提交，经核实数据完整，调整为合格。");
        assertThat(api.put(idleAssessment).bearer(admin).json(adjustment).send().isProblem(428)).isTrue();
        ApiResponse stale = api.put(idleAssessment).bearer(admin).header("If-Match", "\"3\"").json(adjustment).send();
        assertThat(stale.isProblem(412)).as(stale.toString()).isTrue();
        ApiResponse unknown = api.put(idleAssessment).bearer(admin).header("If-Match", "\"0\"")
                .json(Map.of("grade", "A_PLUS", "comment", "x")).send();
        assertThat(unknown.isProblem(400)).as(unknown.toString()).isTrue();
        assertThat(unknown.json().path("detail").asString()).contains("A_PLUS").contains("合格");
        assertThat(api.put(idleAssessment).bearer(admin).header("If-Match", "\"0\"").json(Map.of("grade", "PASS"))
                .send().isProblem(400)).isTrue();
        assertThat(api.put(idleAssessment).bearer(platformUser(idle.lead())).header("If-Match", "\"0\"").json(adjustment)
                .send().isProblem(403)).isTrue();
        assertThat(api.put(idleAssessment).bearer(programmeAdmin("140100")).header("If-Match", "\"0\"").json(adjustment)
                .send().isProblem(403)).isTrue();
        assertThat(count("select count(*) from platform_assessment_audit where platform_id = ?", second.platformId())).isZero();

        ApiResponse adjusted = api.put(idleAssessment).bearer(admin).header("If-Match", "\"0\"").json(adjustment).send();
        assertThat(adjusted.status()).as(adjusted.toString()).isEqualTo(200);
        assertThat(adjusted.header("ETag")).contains("\"1\"");
        assertThat(adjusted.json().path("grading").path("status").asString()).isEqualTo("ADJUSTED");
        assertThat(adjusted.json().path("grading").path("gradeName").asString()).isEqualTo("合格");
        assertThat(adjusted.json().path("grading").path("computedGrade").asString()).isEqualTo("FAIL");
        JsonNode history = adjusted.json().path("history").get(0);
        assertThat(history.path("action").asString()).isEqualTo("ADJUSTED");
        assertThat(history.path("gradeBefore").asString()).isEqualTo("FAIL");
        assertThat(history.path("gradeAfter").asString()).isEqualTo("PASS");
        assertThat(history.path("actor").asString()).isEqualTo("admin-140700");
        assertThat(history.path("comment").asString()).contains("系统故障");
        assertThat(api.put(idleAssessment).bearer(admin).header("If-Match", "\"0\"").json(adjustment).send().isProblem(412))
                .isTrue();

        // the platform's own users see no grade before it is published
        assertThat(api.get(idleAssessment).bearer(platformUser(idle.lead())).send().isProblem(404)).isTrue();
        assertThat(api.get(year + "/results").bearer(user).send().json().path("assessments").size()).isZero();

        ApiResponse published = api.post(BASE + "/programmes/SX-INDUSTRY-COMMUNITY-2023/years/2024/assessment").bearer(admin).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        String assessmentId = published.json().path("assessmentId").asString();
        List<ConsumerRecord<String, String>> records = published(Topics.INDICATOR, r -> assessmentId.equals(r.key()), 1);
        assertThat(records).hasSize(1);
        JsonNode event = JSON.readTree(records.get(0).value()).path("payload");
        assertThat(event.path("kind").asString()).isEqualTo("YEARLY");
        assertThat(event.path("grades").valueStream().map(g -> g.path("platformId").asString() + ":" + g.path("grade").asString()
                + ":" + g.path("adjusted").asBoolean()).toList())
                .containsExactlyInAnyOrder(first.platformId() + ":GOOD:false", second.platformId() + ":PASS:true");

        assertThat(api.put(idleAssessment).bearer(admin).header("If-Match", "\"1\"").json(adjustment).send().isProblem(409))
                .isTrue();
        ApiResponse own = api.get(year + "/results").bearer(user).send();
        JsonNode ownGrade = own.json().path("assessments").get(0);
        assertThat(ownGrade.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(ownGrade.path("gradeName").asString()).isEqualTo("良好");
        assertThat(ownGrade.path("passed").asBoolean()).isTrue();
        assertThat(api.get(idleAssessment).bearer(platformUser(idle.lead())).send().json().path("grading").path("comment")
                .asString()).contains("系统故障");

        HttpResponse<byte[]> workbook = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port + BASE + "/programmes/SX-INDUSTRY-COMMUNITY-2023/years/2024/overview.xlsx"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(workbook.statusCode()).isEqualTo(200);
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
            Sheet platforms = read.getSheet("平台完成情况");
            List<String> header = new ArrayList<>();
            platforms.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            int gradeColumn = header.indexOf("考核等级");
            assertThat(gradeColumn).isPositive();
            List<String> grades = new ArrayList<>();
            for (Row r : platforms) {
                if (r.getRowNum() > 0) {
                    grades.add(r.getCell(2).getStringCellValue() + ":" + r.getCell(gradeColumn).getStringCellValue());
                }
            }
            assertThat(grades).containsExactlyInAnyOrder("晋中甲产教融合共同体:良好", "晋中乙产教融合共同体:合格");
        }
    }

    @Test
    void theFirstConsortiaAreAcceptedOnTheir2023DataAndTheEndOfTermAssessmentOnlyGradesTheLastPlanYear() {
        Platforms accepted = Platforms.aNationalCityConsortium().named("郑州甲市域产教联合体")
                .target("OPERATING_FUNDS_TOTAL", 2023, "100");
        Platforms silent = Platforms.aNationalCityConsortium().named("郑州乙市域产教联合体")
                .target("OPERATING_FUNDS_TOTAL", 2023, "100");
        PlatformApproved first = accepted.build();
        PlatformApproved second = silent.build();
        publish(first);
        publish(second);
        await(() -> count("select count(*) from platform where id in (?, ?)", first.platformId(), second.platformId()) == 2,
                "the platforms");
        clock.setBeijing("2023-11-20T10:00:00");
        String user = platformUser(accepted.lead());
        String year = BASE + "/platforms/" + first.platformId() + "/years/2023";
        ApiResponse saved = api.put(year + "/values").bearer(user).header("If-Match", "\"0\"").header("Idempotency-Key", "a-1")
                .json(Map.of("values", List.of(value("OPERATING_FUNDS_TOTAL", 120)))).send();
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(api.post(year + "/submission").bearer(user).header("If-Match", "\"1\"").header("Idempotency-Key", "a-2")
                .send().status()).isEqualTo(200);
        publish(new ReportOverdue(UUID.randomUUID(), Instant.parse("2023-12-16T02:00:00Z"), UUID.randomUUID(),
                first.platformId(), first.programmeId(), accepted.lead(), "ANNUAL_SUMMARY", 2023,
                Instant.parse("2023-12-15T15:59:59Z")));
        clock.setBeijing("2024-02-20T10:00:00");
        await(() -> count("select count(*) from report_fact where platform_id = ?", first.platformId()) == 1, "the overdue report");

        String admin = programmeAdmin("410000");
        ApiResponse acceptance = api.get(BASE + "/programmes/MOE-CITY-CONSORTIUM-2023/years/2023/assessments/ACCEPTANCE")
                .bearer(admin).send();
        assertThat(acceptance.status()).as(acceptance.toString()).isEqualTo(200);
        assertThat(acceptance.json().path("kindName").asString()).isEqualTo("培育验收");
        assertThat(acceptance.json().path("dataYear").asInt()).isEqualTo(2023);
        // the acceptance has no report cap: a missing summary does not stop a consortium whose data reach the mark
        JsonNode passed = row(acceptance.json(), first.platformId()).path("grading");
        assertThat(passed.path("gradeName").asString()).isEqualTo("通过验收");
        assertThat(passed.path("passed").asBoolean()).isTrue();
        assertThat(passed.path("computedScore").decimalValue()).isEqualByComparingTo("100.0");
        JsonNode failed = row(acceptance.json(), second.platformId()).path("grading");
        assertThat(failed.path("gradeName").asString()).isEqualTo("未通过验收");
        assertThat(failed.path("passed").asBoolean()).isFalse();
        // the yearly grade of the same year is capped by the missing report
        JsonNode yearly = row(api.get(BASE + "/programmes/MOE-CITY-CONSORTIUM-2023/years/2023/assessments/YEARLY").bearer(admin)
                .send().json(), first.platformId()).path("grading");
        assertThat(yearly.path("gradeName").asString()).isEqualTo("合格");
        assertThat(yearly.path("reasons").valueStream().map(JsonNode::asString).toList()).containsExactly("REPORTS_MISSING");

        ApiResponse wrongYear = api.get(BASE + "/programmes/MOE-CITY-CONSORTIUM-2023/years/2024/assessments/ACCEPTANCE")
                .bearer(admin).send();
        assertThat(wrongYear.isProblem(409)).as(wrongYear.toString()).isTrue();
        assertThat(wrongYear.json().path("detail").asString()).contains("2023");
        assertThat(api.get(BASE + "/programmes/HZ-PLATFORMS-2024/years/2024/assessments/ACCEPTANCE").bearer(admin).send()
                .isProblem(404)).isTrue();
        assertThat(api.get(BASE + "/platforms/" + first.platformId() + "/years/2024/assessments/END_OF_TERM").bearer(admin)
                .send().isProblem(404)).isTrue();
        ApiResponse endOfTerm = api.get(BASE + "/platforms/" + first.platformId() + "/years/2025/assessments/END_OF_TERM")
                .bearer(admin).send();
        assertThat(endOfTerm.status()).as(endOfTerm.toString()).isEqualTo(200);
        assertThat(endOfTerm.json().path("grading").path("kindName").asString()).isEqualTo("期满考核");
        assertThat(endOfTerm.json().path("grades").size()).isEqualTo(4);

        ApiResponse published = api.post(BASE + "/programmes/MOE-CITY-CONSORTIUM-2023/years/2023/assessment?kind=ACCEPTANCE")
                .bearer(admin).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().path("grades").valueStream().map(g -> g.path("passed").asBoolean()).toList())
                .containsExactlyInAnyOrder(true, false);
        String assessmentId = published.json().path("assessmentId").asString();
        JsonNode event = JSON.readTree(published(Topics.INDICATOR, r -> assessmentId.equals(r.key()), 1).get(0).value())
                .path("payload");
        assertThat(event.path("kind").asString()).isEqualTo("ACCEPTANCE");
        assertThat(api.post(BASE + "/programmes/MOE-CITY-CONSORTIUM-2023/years/2023/assessment?kind=ACCEPTANCE").bearer(admin)
                .send().isProblem(409)).isTrue();
        // the yearly assessment of the same year is a publication of its own
        assertThat(api.post(BASE + "/programmes/MOE-CITY-CONSORTIUM-2023/years/2023/assessment").bearer(admin).send().status())
                .isEqualTo(200);
    }

    private static JsonNode row(JsonNode list, UUID platformId) {
        return list.path("rows").valueStream().filter(r -> r.path("platformId").asString().equals(platformId.toString()))
                .findFirst().orElseThrow(() -> new AssertionError(platformId + " not in " + list));
    }
}
