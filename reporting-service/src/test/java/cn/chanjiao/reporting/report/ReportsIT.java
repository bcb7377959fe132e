package cn.chanjiao.reporting.report;

import cn.chanjiao.contracts.Topics;
import cn.chanjiao.reporting.support.IntegrationTestBase;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import cn.chanjiao.testkit.kafka.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Report drafts under If-Match, limits counted as people count, on-time and late submission, review, publication. */
class ReportsIT extends IntegrationTestBase {

    private TestPlatform platform;
    private String lead;

    @BeforeEach
    void aHangzhouCommunity() {
        platform = hangzhouCommunity();
        lead = applicant(platform.lead());
    }

    @Test
    void theLeadSeesItsObligationsAndAStrangerIsRefused() {
        ApiResponse mine = api.get("/api/v1/reports?platformId=" + platform.id()).bearer(lead).send();
        ApiResponse stranger = api.get("/api/v1/reports/" + report("ANNUAL_SUMMARY", 2025)).bearer(applicant(UUID.randomUUID()))
                .send();

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().size()).isEqualTo(11);
        assertThat(stranger.isProblem(403)).as(stranger.toString()).isTrue();
        assertThat(stranger.json().path("detail").asString()).contains("不是平台");
    }

    @Test
    void aStrangerCannotSaveIntoAnotherPlatformsReportAndNothingChanges() {
        UUID id = report("ANNUAL_SUMMARY", 2025);
        ApiResponse refused = api.put("/api/v1/reports/" + id + "/sections/PROFILE").bearer(applicant(UUID.randomUUID()))
                .header("If-Match", "\"1\"").json("{\"text\":\"冒名\"}").send();

        assertThat(refused.isProblem(403)).as(refused.toString()).isTrue();
        assertThat(get(id).json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aSaveNeedsIfMatchAndAStaleVersionIsRefusedWithTheCurrentOne() {
        UUID id = report("ANNUAL_SUMMARY", 2025);
        ApiResponse without = api.put("/api/v1/reports/" + id + "/sections/PROFILE").bearer(lead)
                .json("{\"text\":\"共同体简介\"}").send();
        ApiResponse first = save(id, "\"1\"", "PROFILE", "共同体简介");
        ApiResponse stale = save(id, "\"1\"", "PROFILE", "另一位编辑");

        assertThat(without.isProblem(428)).as(without.toString()).isTrue();
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("ETag")).contains("\"2\"");
        assertThat(first.json().path("sections").get(0).path("characters").asInt()).isEqualTo(5);
        assertThat(stale.isProblem(412)).as(stale.toString()).isTrue();
        assertThat(get(id).json().path("sections").get(0).path("text").asString()).isEqualTo("共同体简介");
    }

    @Test
    void theAnnualSummaryIsLimitedToFiveThousandCharactersCountedAsAPersonCounts() {
        UUID id = report("ANNUAL_SUMMARY", 2025);
        ApiResponse exactly = api.put("/api/v1/reports/" + id + "/sections").bearer(lead).header("If-Match", "\"1\"")
                .json("{\"sections\":{\"PROFILE\":\"" + "简".repeat(2000) + "\",\"OPERATION\":\"" + "𠀀".repeat(2000)
                        + "\",\"CASES\":\"" + "a1".repeat(500) + " \\n \"}}").send();
        ApiResponse over = save(id, "\"2\"", "DIFFICULTIES", "难");

        assertThat(exactly.status()).as(exactly.toString()).isEqualTo(200);
        assertThat(exactly.json().path("totalCharacters").asInt()).isEqualTo(5000);
        assertThat(over.isProblem(400)).as(over.toString()).isTrue();
        assertThat(over.json().path("detail").asString()).isEqualTo("“年度总结报告”全文共 5001 字，超过 5000 字的上限。");
        assertThat(get(id).json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void anOverLongSectionIsRefusedNamingItInEnglishWhenAsked() {
        UUID id = report("INDUSTRY_ANALYSIS", 2025);
        ApiResponse over = api.put("/api/v1/reports/" + id + "/sections/INDUSTRY_PROFILE").bearer(lead).english()
                .header("If-Match", "\"1\"").json("{\"text\":\"" + "行".repeat(3001) + "\"}").send();
        ApiResponse unknown = save(id, "\"1\"", "NO_SUCH", "x");

        assertThat(over.isProblem(400)).as(over.toString()).isTrue();
        assertThat(over.json().path("detail").asString())
                .isEqualTo("\"Industry profile\" has 3001 characters, more than the limit of 3000.");
        assertThat(unknown.isProblem(400)).isTrue();
    }

    @Test
    void submittingByTheDeadlineIsOnTimeAndPublishesReportSubmitted() {
        UUID id = report("INDUSTRY_ANALYSIS", 2025);
        fillAnalysis(id);
        clock.setBeijing("2025-03-31T23:59:00");

        ApiResponse submitted = submit(id);

        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().path("onTime").asBoolean()).isTrue();
        String obligation = submitted.json().path("obligationId").asString();
        List<ConsumerRecord<String, String>> events = TopicProbe.records(TestEngines.kafka().bootstrapServers(),
                Topics.REPORTING, r -> r.key().equals(obligation) && r.value().contains("\"ReportSubmitted\""),
                Duration.ofSeconds(15), 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).value()).contains("\"onTime\":true");
    }

    @Test
    void submittingAfterTheDeadlineIsLate() {
        UUID id = report("INDUSTRY_ANALYSIS", 2025);
        fillAnalysis(id);
        clock.setBeijing("2025-04-01T00:00:01");

        ApiResponse submitted = submit(id);

        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().path("onTime").asBoolean()).isFalse();
    }

    @Test
    void aSubmissionRetriedWithTheSameIdempotencyKeyGetsTheFirstAnswerAndPublishesOnce() {
        UUID id = report("TALENT_FORECAST", 2025);
        ApiResponse saved = api.put("/api/v1/reports/" + id + "/sections").bearer(lead).header("If-Match", "\"1\"")
                .json("{\"sections\":{\"SURVEY\":\"调研\",\"DATA_ANALYSIS\":\"分析\",\"CONCLUSIONS\":\"结论\"}}").send();
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(upload(id, "stamped.pdf", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(200);
        String etag = get(id).header("ETag").orElseThrow();

        ApiResponse first = api.post("/api/v1/reports/" + id + "/submit").bearer(lead).header("If-Match", etag)
                .header("Idempotency-Key", "submit-" + id).send();
        ApiResponse retried = api.post("/api/v1/reports/" + id + "/submit").bearer(lead).header("If-Match", etag)
                .header("Idempotency-Key", "submit-" + id).send();

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).contains("true");
        assertThat(retried.json().path("submittedAt").asString()).isEqualTo(first.json().path("submittedAt").asString());
        String obligation = first.json().path("obligationId").asString();
        assertThat(TopicProbe.records(TestEngines.kafka().bootstrapServers(), Topics.REPORTING,
                r -> r.key().equals(obligation) && r.value().contains("\"ReportSubmitted\""), Duration.ofSeconds(8), 2))
                .hasSize(1);
    }

    @Test
    void anIncompleteReportCannotBeSubmittedAndSaysWhatIsMissing() {
        UUID id = report("INDUSTRY_ANALYSIS", 2025);
        save(id, "\"1\"", "INDUSTRY_PROFILE", "行业简介");

        ApiResponse refused = submit(id);

        assertThat(refused.isProblem(422)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("errors").valueStream().map(e -> e.path("code").asString()).toList())
                .containsExactly("report.section.required", "report.section.required", "report.stampedPdfRequired");
    }

    @Test
    void aDisguisedFileIsNotAcceptedAsTheStampedPdf() {
        UUID id = report("INDUSTRY_ANALYSIS", 2025);
        ApiResponse refused = upload(id, "盖章件.pdf", "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(refused.isProblem(400)).as(refused.toString()).isTrue();
        assertThat(get(id).json().path("attachments").size()).isZero();
    }

    @Test
    void theAuthorityReturnsThenAcceptsAndTheAcceptedReportIsPublishedForEveryone() {
        UUID id = report("INDUSTRY_ANALYSIS", 2025);
        fillAnalysis(id);
        submit(id);
        String hangzhou = reviewer("330100");

        ApiResponse outsider = api.post("/api/v1/reports/" + id + "/review").bearer(reviewer("140000"))
                .json("{\"outcome\":\"ACCEPTED\"}").send();
        ApiResponse returned = api.post("/api/v1/reports/" + id + "/review").bearer(hangzhou)
                .json("{\"outcome\":\"RETURNED\",\"comment\":\"请补充产业链数据\"}").send();
        ApiResponse edited = save(id, returned.header("ETag").orElseThrow(), "TRENDS", "趋势（补充产业链数据）");
        ApiResponse resubmitted = submit(id);
        ApiResponse accepted = api.post("/api/v1/reports/" + id + "/review").bearer(hangzhou)
                .json("{\"outcome\":\"ACCEPTED\"}").send();
        ApiResponse hiddenBefore = api.get("/api/v1/public/reports/" + id).send();
        ApiResponse published = api.post("/api/v1/reports/" + id + "/publish").bearer(lead).send();
        ApiResponse publicView = api.get("/api/v1/public/reports/" + id).send();

        assertThat(outsider.isProblem(403)).as(outsider.toString()).isTrue();
        assertThat(returned.json().path("status").asString()).isEqualTo("RETURNED");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(resubmitted.json().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(hiddenBefore.status()).isEqualTo(404);
        assertThat(published.json().path("publishedAt").isNull()).isFalse();
        assertThat(publicView.status()).isEqualTo(200);
        assertThat(publicView.json().path("sections").get(2).path("text").asString()).isEqualTo("趋势（补充产业链数据）");
        assertThat(publicView.json().path("reviewComment").isNull()).isTrue();
        List<ConsumerRecord<String, String>> reviews = TopicProbe.records(TestEngines.kafka().bootstrapServers(),
                Topics.REPORTING, r -> r.value().contains(id.toString()) && r.value().contains("\"ReportReviewed\""),
                Duration.ofSeconds(15), 2);
        assertThat(reviews).hasSize(2);
    }

    @Test
    void theListsObligationIsMetOnlyOnceTheFourListsArePublished() {
        UUID id = report("SUPPLY_DEMAND_LISTS", 2025);

        ApiResponse refused = submit(id);

        assertThat(refused.isProblem(422)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("2025 年度尚未发布的供需清单：TALENT_DEMAND, TALENT_SUPPLY, TECH_DEMAND, TECH_SUPPLY。");
    }

    private void fillAnalysis(UUID id) {
        ApiResponse saved = api.put("/api/v1/reports/" + id + "/sections").bearer(lead).header("If-Match", "\"1\"")
                .json("{\"sections\":{\"INDUSTRY_PROFILE\":\"行业简介\",\"CURRENT_STATE\":\"发展现状\",\"TRENDS\":\"发展趋势\"}}")
                .send();
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        ApiResponse pdf = upload(id, "stamped.pdf", "%PDF-1.4\n%stamped\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
    }

    private ApiResponse upload(UUID id, String name, byte[] content) {
        String boundary = "----reporting" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return api.post("/api/v1/reports/" + id + "/attachments").bearer(lead)
                .body("multipart/form-data; boundary=" + boundary, body).send();
    }

    private ApiResponse submit(UUID id) {
        return api.post("/api/v1/reports/" + id + "/submit").bearer(lead).header("If-Match", get(id).header("ETag").orElseThrow())
                .send();
    }

    private ApiResponse save(UUID id, String ifMatch, String section, String text) {
        return api.put("/api/v1/reports/" + id + "/sections/" + section).bearer(lead).header("If-Match", ifMatch)
                .json("{\"text\":\"" + text + "\"}").send();
    }

    private ApiResponse get(UUID id) {
        return api.get("/api/v1/reports/" + id).bearer(lead).send();
    }

    private UUID report(String kind, int year) {
        return jdbc.queryForObject("select id from report where platform_id = ? and kind = ? and year = ?", UUID.class,
                platform.id(), kind, year);
    }
}
