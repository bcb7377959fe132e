package cn.chanjiao.application.notice;

import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.support.IdentityStub;
import cn.chanjiao.application.support.IntegrationTestBase;
import cn.chanjiao.application.support.SubmittedApplications;
import cn.chanjiao.contracts.Topics;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import cn.chanjiao.testkit.kafka.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hangzhou's school practice centre route walked to the end: district education bureau → city
 * education bureau's expert review → shortlist → public notice of 5 working days with an objection →
 * approval by the notice-closing job (two instances at once) → PlatformApproved → revocation.
 */
class ApprovalFlowIT extends IntegrationTestBase {

    private static final String HANGZHOU = "HZ-PLATFORMS-2024";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    NoticeClosingJob job;

    private String expert(UUID id) {
        return tokens.user("expert-" + id.toString().substring(0, 8)).subject(id.toString()).roles("expert").mint();
    }

    private ApiResponse evidence(String noticeId, String objectionId, String token, byte[] file) {
        String boundary = "----e" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"证据.pdf\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return api.post("/api/v1/public/notices/" + noticeId + "/objections/" + objectionId + "/attachments")
                .header("X-Objection-Token", token).body("multipart/form-data; boundary=" + boundary, body.toByteArray())
                .send();
    }

    private String status(UUID id) {
        return jdbc.queryForObject("select status from application where id = ?", String.class, id);
    }

    @Test
    void aSchoolPracticeCentreGoesFromDistrictReviewToAnApprovedPlatformAndAnUpheldObjectionRejectsTheOther() throws Exception {
        clock.setBeijing("2024-03-01T10:00:00");
        UUID schoolA = UUID.randomUUID();
        UUID schoolB = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        UUID a = SubmittedApplications.of(jdbc, HANGZHOU, PlatformType.PRACTICE_CENTER_SCHOOL).filedBy(schoolA)
                .in("330106").named("西湖智能制造实践中心").participant("CO_BUILDER", "杭州某机器人有限公司", "330110", partner)
                .participant("CO_BUILDER", "浙江某职业技术学院", "330000", null)
                .plan("TOTAL_INVESTMENT", 2023, "120").plan("TOTAL_INVESTMENT", 2024, "150")
                .plan("TOTAL_INVESTMENT", 2025, "180").plan("TOTAL_INVESTMENT", 2026, "200").submit(clock.instant());
        UUID b = SubmittedApplications.of(jdbc, HANGZHOU, PlatformType.PRACTICE_CENTER_SCHOOL).filedBy(schoolB)
                .in("330106").named("西湖数字商贸实践中心").submit(clock.instant());
        String district = reviewer("330106", "education");
        String city = reviewer("330100", "education");
        String programme = programmeId(HANGZHOU);

        // district education bureau: preliminary review, recommend, lock
        for (UUID id : List.of(a, b)) {
            ApiResponse passed = api.post("/api/v1/applications/" + id + "/decisions").bearer(district)
                    .json(Map.of("decision", "APPROVE", "comment", "初审通过")).send();
            assertThat(passed.json().path("status").asString()).as(passed.toString()).isEqualTo("RECOMMENDED");
        }
        ApiResponse roundTooEarly = api.post("/api/v1/review-rounds").bearer(city).json(Map.of("programmeId", programme,
                "platformType", "PRACTICE_CENTER_SCHOOL", "name", "市级评审", "applicationIds", List.of(a, b),
                "expertsPerApplication", 2)).send();
        assertThat(roundTooEarly.isProblem(409)).as("the district's list is not locked yet: %s", roundTooEarly).isTrue();
        assertThat(api.post("/api/v1/programmes/" + programme + "/recommendations/PRACTICE_CENTER_SCHOOL/lock")
                .bearer(district).send().status()).isEqualTo(200);

        // city education bureau: expert review
        UUID e1 = UUID.randomUUID();
        UUID e2 = UUID.randomUUID();
        identity.experts(List.of(IdentityStub.expert(e1, "专家甲", null, "330100"),
                IdentityStub.expert(e2, "专家乙", null, "330100")));
        ApiResponse round = api.post("/api/v1/review-rounds").bearer(city).json(Map.of("programmeId", programme,
                "platformType", "PRACTICE_CENTER_SCHOOL", "name", "市级评审", "applicationIds", List.of(a, b),
                "expertsPerApplication", 2)).send();
        assertThat(round.status()).as(round.toString()).isEqualTo(201);
        String roundId = round.json().path("id").asString();
        assertThat(api.post("/api/v1/review-rounds/" + roundId + "/random-assignment").bearer(city).send().status())
                .isEqualTo(200);
        for (UUID e : List.of(e1, e2)) {
            for (JsonNode assignment : api.get("/api/v1/expert/assignments").bearer(expert(e)).send().json()) {
                assertThat(api.put("/api/v1/expert/assignments/" + assignment.path("id").asString() + "/score")
                        .bearer(expert(e)).json(Map.of("scores", Map.of("OVERALL", 85))).send().status()).isEqualTo(200);
            }
        }
        assertThat(api.post("/api/v1/review-rounds/" + roundId + "/closure").bearer(city).send().status()).isEqualTo(200);
        ApiResponse shortlisted = api.post("/api/v1/programmes/" + programme + "/shortlist/PRACTICE_CENTER_SCHOOL")
                .bearer(city).json(Map.of("applicationIds", List.of(a, b))).send();
        assertThat(shortlisted.status()).as(shortlisted.toString()).isEqualTo(200);

        // public notice: at least 5 working days, from a date not past
        String admin = programmeAdmin("330100");
        ApiResponse tooShort = api.post("/api/v1/notices").bearer(admin).json(Map.of("programmeId", programme, "title",
                "公示", "startsOn", "2024-03-04", "workingDays", 4, "applicationIds", List.of(a, b))).send();
        ApiResponse past = api.post("/api/v1/notices").bearer(admin).json(Map.of("programmeId", programme, "title",
                "公示", "startsOn", "2024-02-28", "applicationIds", List.of(a, b))).send();
        ApiResponse otherAuthority = api.post("/api/v1/notices").bearer(programmeAdmin("330200")).json(Map.of(
                "programmeId", programme, "title", "公示", "startsOn", "2024-03-04", "applicationIds", List.of(a, b))).send();
        ApiResponse notice = api.post("/api/v1/notices").bearer(admin).json(Map.of("programmeId", programme, "title",
                "杭州市首批开放型区域产教融合实践中心拟入选名单公示", "startsOn", "2024-03-04", "applicationIds", List.of(a, b)))
                .send();
        assertThat(tooShort.isProblem(422)).as(tooShort.toString()).isTrue();
        assertThat(tooShort.json().path("minimumWorkingDays").asInt()).isEqualTo(5);
        assertThat(past.isProblem(422)).isTrue();
        assertThat(otherAuthority.isProblem(403)).isTrue();
        assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
        assertThat(notice.json().path("endsOn").asString()).isEqualTo("2024-03-08");
        assertThat(status(a)).isEqualTo("IN_PUBLIC_NOTICE");
        String noticeId = notice.json().path("id").asString();

        // anyone reads it and may object during it
        ApiResponse publicRead = api.get("/api/v1/public/notices/" + noticeId).send();
        // the same under the gateway's application-service prefix
        ApiResponse throughGatewayPrefix = api.get("/api/v1/public/applications/notices/" + noticeId).send();
        assertThat(throughGatewayPrefix.json().path("id").asString()).as(throughGatewayPrefix.toString()).isEqualTo(noticeId);
        ApiResponse tooEarly = api.post("/api/v1/public/notices/" + noticeId + "/objections").json(Map.of(
                "applicationId", b, "name", "王五", "contact", "13700000000", "grounds", "实训设备不足")).send();
        clock.setBeijing("2024-03-05T09:00:00");
        ApiResponse noGrounds = api.post("/api/v1/public/notices/" + noticeId + "/objections").json(Map.of(
                "applicationId", b, "name", "王五", "contact", "13700000000", "grounds", "  ")).send();
        ApiResponse filed = api.post("/api/v1/public/notices/" + noticeId + "/objections").json(Map.of(
                "applicationId", b, "name", "王五", "contact", "13700000000", "grounds", "申报的实训工位数与实际不符")).send();
        assertThat(publicRead.status()).as(publicRead.toString()).isEqualTo(200);
        assertThat(publicRead.json().path("applications").valueStream().map(x -> x.path("name").asString()).toList())
                .containsExactly("西湖智能制造实践中心", "西湖数字商贸实践中心");
        assertThat(publicRead.json().path("objections").isMissingNode() || publicRead.json().path("objections").isNull())
                .isTrue();
        assertThat(tooEarly.isProblem(409)).as(tooEarly.toString()).isTrue();
        assertThat(noGrounds.isProblem(400)).isTrue();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String objection = filed.json().path("id").asString();
        String token = filed.json().path("attachmentToken").asString();
        ApiResponse evidence = evidence(noticeId, objection, token, "%PDF-1.4\n%%EOF\n".getBytes());
        ApiResponse wrongToken = evidence(noticeId, objection, "guess", "%PDF-1.4\n%%EOF\n".getBytes());
        byte[] exe = new byte[64];
        exe[0] = 'M';
        exe[1] = 'Z';
        ApiResponse disguised = evidence(noticeId, objection, token, exe);
        ApiResponse staff = api.get("/api/v1/notices/" + noticeId).bearer(admin).send();
        ApiResponse staffList = api.get("/api/v1/notices?programmeId=" + programme).bearer(admin).send();
        ApiResponse otherCity = api.get("/api/v1/notices?programmeId=" + programme).bearer(programmeAdmin("330200")).send();
        assertThat(staffList.json().valueStream().map(n -> n.path("id").asString()).toList()).contains(noticeId);
        assertThat(otherCity.json().size()).isZero();
        assertThat(token).hasSizeGreaterThan(20);
        assertThat(evidence.status()).as(evidence.toString()).isEqualTo(201);
        assertThat(wrongToken.isProblem(403)).isTrue();
        assertThat(disguised.isProblem(415)).as(disguised.toString()).isTrue();
        JsonNode staffObjection = staff.json().path("objections").get(0);
        assertThat(staffObjection.path("filerContact").asString()).isEqualTo("13700000000");
        assertThat(staffObjection.path("attachments")).hasSize(1);
        assertThat(api.get("/api/v1/objections/" + objection + "/attachments/" + evidence.json().path("id").asString())
                .bearer(admin).send().status()).isEqualTo(200);

        // the notice ends; approval waits for the ruling
        clock.setBeijing("2024-03-09T10:00:00");
        ApiResponse afterEnd = api.post("/api/v1/public/notices/" + noticeId + "/objections").json(Map.of(
                "applicationId", a, "name", "赵六", "contact", "x@example.com", "grounds", "迟到的异议")).send();
        job.closeEndedNotices();
        assertThat(afterEnd.isProblem(409)).isTrue();
        assertThat(status(a)).isEqualTo("IN_PUBLIC_NOTICE");
        assertThat(api.post("/api/v1/objections/" + objection + "/assignment").bearer(admin)
                .json(Map.of("assignee", "市教育局高教处")).send().status()).isEqualTo(200);
        ApiResponse ruled = api.post("/api/v1/objections/" + objection + "/ruling").bearer(admin)
                .json(Map.of("outcome", "UPHELD", "reason", "经核查实训工位数不实")).send();
        assertThat(ruled.json().path("status").asString()).as(ruled.toString()).isEqualTo("UPHELD");

        // two instances fire at once: ShedLock lets one approve, and nothing is approved twice
        CountDownLatch start = new CountDownLatch(1);
        Runnable fire = () -> {
            try {
                start.await();
                job.closeEndedNotices();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        CompletableFuture<Void> one = CompletableFuture.runAsync(fire);
        CompletableFuture<Void> two = CompletableFuture.runAsync(fire);
        start.countDown();
        CompletableFuture.allOf(one, two).get();

        assertThat(status(a)).isEqualTo("APPROVED");
        assertThat(status(b)).isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'application-public-notice-closing'",
                Integer.class)).as("the job runs under its ShedLock").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from platform where application_id = ?", Integer.class, a))
                .isEqualTo(1);
        List<ConsumerRecord<String, String>> approved = TopicProbe.records(TestEngines.kafka().bootstrapServers(),
                Topics.APPLICATION_LIFECYCLE, r -> r.value().contains("PlatformApproved") && r.value().contains(a.toString()),
                Duration.ofSeconds(8), 2);
        assertThat(approved).hasSize(1);
        JsonNode event = JSON.readTree(approved.get(0).value());
        JsonNode payload = event.has("payload") ? event.path("payload") : event;
        assertThat(payload.path("programmeCode").asString()).isEqualTo(HANGZHOU);
        assertThat(payload.path("platformType").asString()).isEqualTo("PRACTICE_CENTER_SCHOOL");
        assertThat(payload.path("name").asString()).isEqualTo("西湖智能制造实践中心");
        assertThat(payload.path("leadOrganisationId").asString()).isEqualTo(schoolA.toString());
        assertThat(payload.path("regionCode").asString()).isEqualTo("330106");
        assertThat(payload.path("authorityCode").asString()).isEqualTo("330100");
        assertThat(payload.path("planYears").valueStream().map(JsonNode::asInt).toList()).containsExactly(2024, 2025, 2026);
        assertThat(payload.path("baselineYear").asInt()).isEqualTo(2023);
        assertThat(payload.path("targets")).hasSize(4);
        assertThat(payload.path("members").valueStream().map(m -> m.path("role").asString() + ":" + m.path("name")
                .asString() + ":" + m.path("cityCode").asString()).toList())
                .contains("PARTICIPANT:杭州某机器人有限公司:330100");
        assertThat(payload.path("members").valueStream().filter(m -> m.path("name").asString().equals("浙江某职业技术学院"))
                .findFirst().orElseThrow().path("provinceCode").asString()).isEqualTo("330000");
        assertThat(TopicProbe.records(TestEngines.kafka().bootstrapServers(), Topics.APPLICATION_LIFECYCLE,
                r -> b.toString().equals(r.key()) && r.value().contains("ApplicationRejected"), Duration.ofSeconds(8), 1)
                .get(0).value()).contains("经核查实训工位数不实");
        assertThat(TopicProbe.records(TestEngines.kafka().bootstrapServers(), Topics.APPLICATION_SCHEDULE,
                r -> noticeId.equals(r.key()) && r.value().contains("PublicNoticeStarted"), Duration.ofSeconds(8), 1)
                .get(0).value()).contains("\"workingDays\":5");
        // the objection's filing and ruling, and the notice's end, are facts for other services too (no filer data)
        List<ConsumerRecord<String, String>> objectionEvents = TopicProbe.records(TestEngines.kafka().bootstrapServers(),
                Topics.APPLICATION_SCHEDULE, r -> noticeId.equals(r.key()) && r.value().contains(objection),
                Duration.ofSeconds(8), 2);
        assertThat(objectionEvents).extracting(r -> JSON.readTree(r.value()).path("type").asString())
                .containsExactlyInAnyOrder("ObjectionFiled", "ObjectionRuled");
        assertThat(objectionEvents).allSatisfy(r -> assertThat(r.value()).doesNotContain("13700000000"));
        JsonNode ended = JSON.readTree(TopicProbe.records(TestEngines.kafka().bootstrapServers(), Topics.APPLICATION_SCHEDULE,
                r -> noticeId.equals(r.key()) && r.value().contains("PublicNoticeEnded"), Duration.ofSeconds(8), 1)
                .get(0).value()).path("payload");
        assertThat(ended.path("approvedApplicationIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly(a.toString());
        assertThat(ended.path("rejectedApplicationIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly(b.toString());

        // the approved list is public; a platform may be revoked
        ApiResponse list = api.get("/api/v1/public/platforms?programmeId=" + programme).send();
        ApiResponse everyPlatform = api.get("/api/v1/public/platforms").send();
        ApiResponse everyNotice = api.get("/api/v1/public/notices").send();
        assertThat(everyPlatform.status()).as(everyPlatform.toString()).isEqualTo(200);
        assertThat(everyNotice.status()).as(everyNotice.toString()).isEqualTo(200);
        assertThat(everyNotice.json().valueStream().map(n -> n.path("id").asString()).toList()).contains(noticeId);
        String platformId = payload.path("platformId").asString();
        assertThat(list.json().valueStream().map(p -> p.path("id").asString()).toList()).contains(platformId);
        ApiResponse noReason = api.post("/api/v1/platforms/" + platformId + "/revocation").bearer(admin)
                .json(Map.of("reasonCode", "DISSOLUTION", "comment", " ")).send();
        ApiResponse noCode = api.post("/api/v1/platforms/" + platformId + "/revocation").bearer(admin)
                .json(Map.of("reason", "联合体解散")).send();
        ApiResponse unknownCode = api.post("/api/v1/platforms/" + platformId + "/revocation").bearer(admin)
                .header("Accept-Language", "en").json(Map.of("reasonCode", "BANKRUPT", "comment", "联合体解散")).send();
        ApiResponse revoked = api.post("/api/v1/platforms/" + platformId + "/revocation").bearer(admin)
                .json(Map.of("reasonCode", "DISSOLUTION", "comment", "理事会决议解散联合体")).send();
        assertThat(noReason.isProblem(400)).as(noReason.toString()).isTrue();
        assertThat(noCode.isProblem(400)).as(noCode.toString()).isTrue();
        assertThat(unknownCode.isProblem(400)).as(unknownCode.toString()).isTrue();
        assertThat(unknownCode.json().path("detail").asString()).contains("BANKRUPT", "VOLUNTARY_EXIT");
        assertThat(unknownCode.json().path("allowedReasonCodes").valueStream().map(JsonNode::asString).toList())
                .contains("DISSOLUTION", "VIOLATION", "VOLUNTARY_EXIT", "FAILED_ACCEPTANCE");
        assertThat(revoked.json().path("status").asString()).as(revoked.toString()).isEqualTo("REVOKED");
        assertThat(revoked.json().path("revocation").path("reasonCode").asString()).isEqualTo("DISSOLUTION");
        assertThat(revoked.json().path("revocation").path("reasonName").asString()).isEqualTo("解散");
        assertThat(revoked.json().path("revocation").path("comment").asString()).isEqualTo("理事会决议解散联合体");
        assertThat(status(a)).isEqualTo("REVOKED");
        assertThat(api.get("/api/v1/public/platforms?programmeId=" + programme).send().json().valueStream()
                .map(p -> p.path("id").asString()).toList()).doesNotContain(platformId);
        JsonNode shown = api.get("/api/v1/public/platforms/" + platformId).header("Accept-Language", "en").send().json();
        assertThat(shown.path("revocation").path("reasonName").asString()).isEqualTo("dissolution");
        assertThat(api.post("/api/v1/platforms/" + platformId + "/revocation").bearer(admin)
                .json(Map.of("reasonCode", "VIOLATION", "comment", "再次撤销")).send().isProblem(409)).isTrue();
        List<ConsumerRecord<String, String>> revokedEvents = TopicProbe.records(TestEngines.kafka().bootstrapServers(),
                Topics.APPLICATION_LIFECYCLE, r -> platformId.equals(r.key()) && r.value().contains("PlatformRevoked"),
                Duration.ofSeconds(8), 1);
        assertThat(revokedEvents).hasSize(1);
        JsonNode revokedPayload = JSON.readTree(revokedEvents.get(0).value()).path("payload");
        assertThat(revokedPayload.path("reasonCode").asString()).isEqualTo("DISSOLUTION");
        assertThat(revokedPayload.path("comment").asString()).isEqualTo("理事会决议解散联合体");
        assertThat(revokedPayload.path("reason").asString()).isEqualTo("理事会决议解散联合体");
        assertThat(jdbc.queryForList("select to_status from application_transition where application_id = ? order by id",
                String.class, a)).containsExactly("SUBMITTED", "RECOMMENDED", "IN_EXPERT_REVIEW", "SHORTLISTED",
                "IN_PUBLIC_NOTICE", "APPROVED", "REVOKED");
    }
}
