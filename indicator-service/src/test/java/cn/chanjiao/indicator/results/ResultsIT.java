package cn.chanjiao.indicator.results;

import cn.chanjiao.contracts.Topics;
import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.contracts.reporting.ReportOverdue;
import cn.chanjiao.contracts.reporting.ReportSubmitted;
import cn.chanjiao.contracts.reporting.TechDemandCompleted;
import cn.chanjiao.contracts.reporting.TechDemandUndertaken;
import cn.chanjiao.indicator.support.IntegrationTestBase;
import cn.chanjiao.indicator.support.Platforms;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Hangzhou school practice centres in 2024: plan against actual, derived indicators, the city's view and assessment. */
class ResultsIT extends IntegrationTestBase {

    @Test
    void planAgainstActualWithKeyIndicatorsDerivedIndicatorsTheAuthoritysViewAndItsPublication() throws Exception {
        Platforms good = Platforms.aHangzhouPracticeCentre("PRACTICE_CENTER_SCHOOL").named("甲中职实践中心")
                .member("共建企业甲", "PARTICIPANT", "CO_BUILDER", "330000", "330100", "330108")
                .member("共建企业乙", "PARTICIPANT", "CO_BUILDER", "330000", "330100", "330106")
                .target("TRAINING_COURSES", 2024, "10").target("TRAINING_TEXTBOOKS", 2024, "4")
                .target("TRAINING_INCOME", 2024, "100").target("STUDENT_TRAINEES", 2024, "1000");
        Platforms idle = Platforms.aHangzhouPracticeCentre("PRACTICE_CENTER_SCHOOL").named("乙中职实践中心").region("330108")
                .target("TRAINING_COURSES", 2024, "10");
        PlatformApproved first = good.build();
        PlatformApproved second = idle.build();
        publish(first);
        publish(second);
        await(() -> count("select count(*) from platform where id in (?, ?)", first.platformId(), second.platformId()) == 2,
                "the platforms");
        String user = platformUser(good.lead());
        assertThat(api.put(BASE + "/platforms/" + first.platformId() + "/centre-type").bearer(user)
                .json(Map.of("centreType", "SECONDARY_VOCATIONAL_SCHOOL")).send().status()).isEqualTo(200);
        String year = BASE + "/platforms/" + first.platformId() + "/years/2024";
        ApiResponse saved = api.put(year + "/values").bearer(user).header("If-Match", "\"0\"").header("Idempotency-Key", "r-1")
                .json(Map.of("values", List.of(value("TRAINING_COURSES", 5), value("TRAINING_TEXTBOOKS", 4),
                        value("TRAINING_INCOME", "150.5"), value("STUDENT_TRAINEES", 500)))).send();
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(api.post(year + "/submission").bearer(user).header("If-Match", "\"1\"").header("Idempotency-Key", "r-2")
                .send().status()).isEqualTo(200);

        UUID demand = UUID.randomUUID();
        UUID undertaking = UUID.randomUUID();
        Instant at = Instant.parse("2024-06-01T02:00:00Z");
        publish(new ReportSubmitted(UUID.randomUUID(), at, UUID.randomUUID(), UUID.randomUUID(), first.platformId(),
                first.programmeId(), good.lead(), "OPERATION_PLAN", 2024, Instant.parse("2024-03-31T15:59:59Z"), at, true));
        ReportOverdue overdue = new ReportOverdue(UUID.randomUUID(), at, UUID.randomUUID(), first.platformId(), first.programmeId(),
                good.lead(), "TWO_LISTS", 2024, Instant.parse("2024-03-31T15:59:59Z"));
        publish(overdue);
        publish(overdue);
        publish(new TechDemandUndertaken(UUID.randomUUID(), at, demand, undertaking, first.platformId(), UUID.randomUUID(), good.lead()));
        TechDemandCompleted completed = new TechDemandCompleted(UUID.randomUUID(), at, demand, undertaking, first.platformId(),
                UUID.randomUUID(), good.lead(), 2024, at);
        publish(completed);
        await(() -> count("select count(*) from processed_event where event_id = ?", completed.eventId()) == 1, "the facts");

        ApiResponse results = api.get(year + "/results").bearer(user).send();
        assertThat(results.status()).as(results.toString()).isEqualTo(200);
        JsonNode body = results.json();
        assertThat(body.path("completion").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(body.path("keyCompletion").decimalValue()).isEqualByComparingTo("0.8333");
        assertThat(body.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(indicator(body, "TRAINING_INCOME").path("completion").decimalValue()).isEqualByComparingTo("1.505");
        assertThat(indicator(body, "TRAINING_INCOME").path("key").asBoolean()).isTrue();
        assertThat(indicator(body, "STUDENT_TRAINEES").path("key").asBoolean()).isFalse();
        assertThat(indicator(body, "REPORTS_DUE").path("actual").decimalValue()).isEqualByComparingTo("2");
        assertThat(indicator(body, "REPORT_TIMELINESS_RATE").path("actual").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(indicator(body, "TECH_DEMANDS_COMPLETED").path("actual").decimalValue()).isEqualByComparingTo("1");
        assertThat(indicator(body, "TECH_DEMANDS_UNDERTAKEN").path("actual").decimalValue()).isEqualByComparingTo("1");
        assertThat(indicator(body, "MEMBER_COUNT").path("actual").decimalValue()).isEqualByComparingTo("3");
        assertThat(body.path("reports").valueStream().map(r -> r.path("kind").asString() + ":" + r.path("status").asString()).toList())
                .containsExactlyInAnyOrder("OPERATION_PLAN:ON_TIME", "TWO_LISTS:MISSING");
        JsonNode courses = body.path("dimensions").valueStream()
                .filter(d -> d.path("code").asString().equals("COURSES_TEXTBOOKS")).findFirst().orElseThrow();
        assertThat(courses.path("completion").decimalValue()).isEqualByComparingTo("0.75");

        String overviewPath = BASE + "/programmes/HZ-PLATFORMS-2024/years/2024/overview";
        ApiResponse overview = api.get(overviewPath).bearer(reviewer("330100")).send();
        assertThat(overview.status()).as(overview.toString()).isEqualTo(200);
        JsonNode rowGood = row(overview.json().path("rows"), first.platformId());
        JsonNode rowIdle = row(overview.json().path("rows"), second.platformId());
        assertThat(rowGood.path("submitted").asBoolean()).isTrue();
        assertThat(rowGood.path("rankInType").asInt()).isLessThan(rowIdle.path("rankInType").asInt());
        assertThat(rowIdle.path("completion").decimalValue()).isEqualByComparingTo("0");
        assertThat(overview.json().path("missing").valueStream().map(r -> r.path("platformId").asString()).toList())
                .contains(second.platformId().toString()).doesNotContain(first.platformId().toString());
        assertThat(overview.json().path("byCity").valueStream().map(g -> g.path("key").asString()).toList()).contains("330100");
        assertThat(overview.json().path("byType").valueStream().map(g -> g.path("key").asString()).toList())
                .contains("PRACTICE_CENTER_SCHOOL");

        ApiResponse elsewhere = api.get(overviewPath).bearer(reviewer("140000")).send();
        assertThat(elsewhere.json().path("rows").valueStream().map(r -> r.path("platformId").asString()).toList())
                .doesNotContain(first.platformId().toString());
        assertThat(api.get(overviewPath).bearer(user).send().isProblem(403)).isTrue();

        HttpResponse<byte[]> workbook = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + overviewPath + ".xlsx"))
                .header("Authorization", "Bearer " + reviewer("330100")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(workbook.statusCode()).isEqualTo(200);
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
            Sheet platforms = read.getSheet("平台完成情况");
            List<String> names = new java.util.ArrayList<>();
            platforms.forEach(r -> names.add(r.getCell(2).getStringCellValue()));
            assertThat(names).contains("平台名称", "甲中职实践中心", "乙中职实践中心");
            assertThat(read.getSheet("指标数据").getPhysicalNumberOfRows()).isGreaterThan(25);
        }

        ApiResponse published = api.post(BASE + "/programmes/HZ-PLATFORMS-2024/years/2024/assessment")
                .bearer(programmeAdmin("330100")).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        String assessmentId = published.json().path("assessmentId").asString();
        assertThat(published(Topics.INDICATOR, r -> assessmentId.equals(r.key()), 1)).hasSize(1);
        assertThat(api.post(BASE + "/programmes/HZ-PLATFORMS-2024/years/2024/assessment").bearer(programmeAdmin("330100"))
                .send().isProblem(409)).isTrue();
        assertThat(api.post(BASE + "/programmes/HZ-PLATFORMS-2024/years/2024/assessment").bearer(reviewer("330100"))
                .send().isProblem(403)).isTrue();
    }

    private static JsonNode indicator(JsonNode results, String code) {
        return results.path("indicators").valueStream().filter(i -> i.path("code").asString().equals(code)).findFirst().orElseThrow();
    }

    private static JsonNode row(JsonNode rows, UUID platformId) {
        return rows.valueStream().filter(r -> r.path("platformId").asString().equals(platformId.toString())).findFirst().orElseThrow();
    }
}
