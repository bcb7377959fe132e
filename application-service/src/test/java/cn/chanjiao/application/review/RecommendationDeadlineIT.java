package cn.chanjiao.application.review;

import cn.chanjiao.application.form.FormDriver;
import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.support.IntegrationTestBase;
import cn.chanjiao.application.support.SubmittedApplications;
import cn.chanjiao.contracts.Topics;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import cn.chanjiao.testkit.kafka.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recommending authorities' deadline (seed 004: district departments send 汇总表及推荐书 to the city by 15 May
 * 2024), separate from the applicants' registration window, and the 推荐名单汇总表 they send with it.
 */
class RecommendationDeadlineIT extends IntegrationTestBase {

    private static final String HANGZHOU = "HZ-PLATFORMS-2024";

    private ApiResponse decide(UUID id, String token, String decision, String comment) {
        return api.post("/api/v1/applications/" + id + "/decisions").bearer(token)
                .json(Map.of("decision", decision, "comment", comment)).send();
    }

    private String status(UUID id) {
        return jdbc.queryForObject("select status from application where id = ?", String.class, id);
    }

    private HttpResponse<byte[]> download(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aDistrictRecommendsUntilItsDeadlineExportsItsSummaryTableAndIsRefusedAfterwards() throws Exception {
        clock.setBeijing("2024-05-10T10:00:00");
        UUID a = SubmittedApplications.of(jdbc, HANGZHOU, PlatformType.PRACTICE_CENTER_PUBLIC).in("330110")
                .named("余杭公共实训中心").submit(clock.instant());
        UUID b = SubmittedApplications.of(jdbc, HANGZHOU, PlatformType.PRACTICE_CENTER_PUBLIC).in("330110")
                .named("=HYPERLINK(\"http://example.invalid\")").submit(clock.instant());
        UUID late = SubmittedApplications.of(jdbc, HANGZHOU, PlatformType.PRACTICE_CENTER_PUBLIC).in("330110")
                .named("余杭第三实训中心").submit(clock.instant());
        String district = reviewer("330110", "development-reform");
        String programme = programmeId(HANGZHOU);

        assertThat(decide(a, district, "APPROVE", "同意推荐").status()).isEqualTo(200);
        assertThat(decide(b, district, "APPROVE", "同意推荐").status()).isEqualTo(200);
        HttpResponse<byte[]> summary = download("/api/v1/programmes/" + programme + "/recommendations/summary.xlsx",
                district);
        HttpResponse<byte[]> oneType = download("/api/v1/programmes/" + programme
                + "/recommendations/PRACTICE_CENTER_PUBLIC/summary.xlsx", district);
        HttpResponse<byte[]> noList = download("/api/v1/programmes/" + programme
                + "/recommendations/CITY_CONSORTIUM/summary.xlsx", district);

        clock.setBeijing("2024-05-16T09:00:00");
        ApiResponse tooLate = decide(late, district, "APPROVE", "同意推荐");
        ApiResponse lockTooLate = api.post("/api/v1/programmes/" + programme + "/recommendations/PRACTICE_CENTER_PUBLIC/lock")
                .bearer(district).send();
        ApiResponse rankTooLate = api.put("/api/v1/programmes/" + programme
                + "/recommendations/PRACTICE_CENTER_PUBLIC/ranking").bearer(district).english()
                .json(Map.of("applicationIds", List.of(b, a))).send();
        ApiResponse rejected = decide(late, district, "REJECT", "逾期未推荐");

        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(oneType.statusCode()).isEqualTo(200);
        assertThat(noList.statusCode()).isEqualTo(404);
        List<List<String>> rows = rows(summary.body());
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("序号", "公共实践中心名称"));
        assertThat(rows.get(0)).containsExactly("开放型区域产教融合实践中心推荐名单汇总表");
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("1", "余杭公共实训中心"));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("2", "'=HYPERLINK(\"http://example.invalid\")"));
        assertThat(rows).anySatisfy(r -> assertThat(r).first().asString().startsWith("推荐单位：330110"));
        assertThat(tooLate.isProblem(422)).as(tooLate.toString()).isTrue();
        assertThat(tooLate.json().path("deadline").asString()).isEqualTo("2024-05-15");
        assertThat(tooLate.json().path("detail").asString()).contains("2024-05-15");
        assertThat(status(late)).isEqualTo("REJECTED");
        assertThat(lockTooLate.isProblem(422)).as(lockTooLate.toString()).isTrue();
        assertThat(rankTooLate.isProblem(422)).as(rankTooLate.toString()).isTrue();
        assertThat(rankTooLate.json().path("detail").asString()).contains("deadline");
        assertThat(rejected.status()).as("a late application may still be rejected: %s", rejected).isEqualTo(200);
        assertThat(jdbc.queryForObject("select locked_at is null from recommendation_list where programme_id = ?::uuid "
                + "and platform_type = 'PRACTICE_CENTER_PUBLIC' and authority_code = '330110'", Boolean.class, programme))
                .isTrue();
    }

    @Test
    void aSubmissionAnnouncesItsRecommendingAuthoritysDeadlineOnceForTheReviewersReminders() {
        UUID first = identity.organisation("ENTERPRISE").name("临平智造有限公司").region("330113").register();
        UUID second = identity.organisation("ENTERPRISE").name("临平精工有限公司").region("330113").register();
        for (UUID organisation : List.of(first, second)) {
            FormDriver form = new FormDriver(api, applicant(organisation));
            assertThat(form.create(programmeId(HANGZHOU), PlatformType.PRACTICE_CENTER_ENTERPRISE).status()).isEqualTo(201);
            form.fillValid(HANGZHOU, PlatformType.PRACTICE_CENTER_ENTERPRISE, "330113");
            assertThat(form.upload("STAMPED_FORM", "推荐书盖章版.pdf", FormDriver.pdf()).status()).isEqualTo(201);
            ApiResponse submitted = form.submit(UUID.randomUUID().toString());
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        }
        String subject = programmeId(HANGZHOU) + "/PRACTICE_CENTER_ENTERPRISE/330113";

        List<ConsumerRecord<String, String>> deadlines = TopicProbe.records(TestEngines.kafka().bootstrapServers(),
                Topics.APPLICATION_SCHEDULE, r -> subject.equals(r.key()), Duration.ofSeconds(8), 2);

        assertThat(deadlines).singleElement().satisfies(r -> assertThat(r.value()).contains(
                "\"kind\":\"RECOMMENDATION_CLOSES\"", "\"authorityCode\":\"330113\"",
                "\"dueAt\":\"2024-05-15T16:00:00Z\""));
    }

    private static List<List<String>> rows(byte[] xlsx) throws Exception {
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
