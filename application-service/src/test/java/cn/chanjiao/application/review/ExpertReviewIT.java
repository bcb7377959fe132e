package cn.chanjiao.application.review;

import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.support.IdentityStub;
import cn.chanjiao.application.support.IntegrationTestBase;
import cn.chanjiao.application.support.SubmittedApplications;
import cn.chanjiao.contracts.Topics;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import cn.chanjiao.testkit.kafka.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shanxi's community route (expert review, meeting review, site visit at the province's education
 * department, experts of the same city avoided): rounds, conflict-of-interest avoidance against the
 * expert pool of identity-service (WireMock), scoring, averages and outliers, records, shortlist.
 */
class ExpertReviewIT extends IntegrationTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    cn.chanjiao.application.attachment.ObjectStorage storage;

    /** A file the applicant attached before submitting (the stamped form). */
    private UUID applicantFile(UUID application) throws Exception {
        UUID id = UUID.randomUUID();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("stamped", ".pdf");
        java.nio.file.Files.write(file, pdf());
        String key = "applications/" + application + "/" + id;
        storage.put(key, file);
        jdbc.update("insert into attachment (id, application_id, kind, file_name, file_type, content_type, size_bytes, "
                + "sha256, storage_key, uploaded_by, uploaded_at) values (?, ?, 'STAMPED_FORM', '申报书盖章版.pdf', 'PDF', "
                + "'application/pdf', ?, repeat('0', 64), ?, 'applicant', now())", id, application, pdf().length, key);
        return id;
    }

    private static final String SHANXI = "SX-INDUSTRY-COMMUNITY-2023";

    private String expertToken(UUID id) {
        return tokens.user("expert-" + id.toString().substring(0, 8)).subject(id.toString()).roles("expert").mint();
    }

    private static byte[] multipart(String boundary, Map<String, String> fields, String fileField, byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"会议纪要.pdf\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    private ApiResponse record(String applicationId, String token, String stage, String outcome, boolean withMinutes) {
        String boundary = "----b" + UUID.randomUUID();
        return api.post("/api/v1/applications/" + applicationId + "/review-stages").bearer(token)
                .body("multipart/form-data; boundary=" + boundary, multipart(boundary,
                        Map.of("stage", stage, "outcome", outcome, "comment", "专家组一致同意"), "minutes",
                        withMinutes ? pdf() : null)).send();
    }

    @Test
    void expertsAreAssignedWithoutConflictsScoreOnlyTheirOwnAndTheRoundAveragesFlagsOutliersAndShortlists()
            throws Exception {
        clock.setBeijing("2023-10-10T10:00:00");
        IdentityStub.Organisation leadOrg = identity.organisation("ENTERPRISE").region("140105");
        IdentityStub.Organisation participantOrg = identity.organisation("VOCATIONAL_SCHOOL").region("140702");
        IdentityStub.Organisation taiyuanUniversity = identity.organisation("UNIVERSITY").region("140107");
        IdentityStub.Organisation beijing = identity.organisation("UNIVERSITY").region("110108");
        IdentityStub.Organisation shanghai = identity.organisation("RESEARCH_INSTITUTE").region("310104");
        identity.batch(List.of(leadOrg, participantOrg, taiyuanUniversity, beijing, shanghai));
        UUID lead = UUID.fromString((String) leadOrg.fields().get("id"));
        UUID participant = UUID.fromString((String) participantOrg.fields().get("id"));
        UUID taiyuan = UUID.fromString((String) taiyuanUniversity.fields().get("id"));
        UUID bj = UUID.fromString((String) beijing.fields().get("id"));
        UUID sh = UUID.fromString((String) shanghai.fields().get("id"));
        UUID fromLead = UUID.randomUUID();
        UUID fromParticipant = UUID.randomUUID();
        UUID fromTaiyuan = UUID.randomUUID();
        UUID free1 = UUID.randomUUID();
        UUID free2 = UUID.randomUUID();
        UUID free3 = UUID.randomUUID();
        identity.experts(List.of(IdentityStub.expert(fromLead, "牵头单位专家", lead, "140000"),
                IdentityStub.expert(fromParticipant, "参与单位专家", participant, "140000"),
                IdentityStub.expert(fromTaiyuan, "太原专家", taiyuan, "140000"),
                IdentityStub.expert(free1, "北京专家", bj, "140000"),
                IdentityStub.expert(free2, "上海专家", sh, "140000"),
                IdentityStub.expert(free3, "无单位专家", null, "140000")));
        UUID application = SubmittedApplications.of(jdbc, SHANXI, PlatformType.INDUSTRY_COMMUNITY).filedBy(lead)
                .in("140105").recommendedFrom("140000").named("山西装备制造产教融合共同体")
                .participant("SCHOOL", "晋中职业学校", "140702", participant).submit(clock.instant());
        UUID stamped = applicantFile(application);
        String admin = reviewer("140000", "education");
        String wrongDepartment = reviewer("140000", "industry-it");

        ApiResponse refused = api.post("/api/v1/review-rounds").bearer(wrongDepartment).json(Map.of("programmeId",
                programmeId(SHANXI), "platformType", "INDUSTRY_COMMUNITY", "name", "第一轮", "applicationIds",
                List.of(application), "expertsPerApplication", 3)).send();
        ApiResponse created = api.post("/api/v1/review-rounds").bearer(admin).json(Map.of("programmeId",
                programmeId(SHANXI), "platformType", "INDUSTRY_COMMUNITY", "name", "2023年专家组审核", "applicationIds",
                List.of(application), "expertsPerApplication", 3)).send();
        String round = created.json().path("id").asString();
        ApiResponse ownOrganisation = api.post("/api/v1/review-rounds/" + round + "/assignments").bearer(admin)
                .json(Map.of("applicationId", application, "expertId", fromParticipant)).send();
        ApiResponse sameCity = api.post("/api/v1/review-rounds/" + round + "/assignments").bearer(admin)
                .json(Map.of("applicationId", application, "expertId", fromTaiyuan)).send();
        ApiResponse assigned = api.post("/api/v1/review-rounds/" + round + "/random-assignment").bearer(admin).send();

        assertThat(refused.isProblem(403)).as(refused.toString()).isTrue();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("avoidSameCity").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select status from application where id = ?", String.class, application))
                .isEqualTo("IN_EXPERT_REVIEW");
        assertThat(ownOrganisation.isProblem(409)).as(ownOrganisation.toString()).isTrue();
        assertThat(ownOrganisation.json().path("reason").asString()).isEqualTo("OWN_ORGANISATION");
        assertThat(sameCity.isProblem(409)).isTrue();
        assertThat(sameCity.json().path("reason").asString()).isEqualTo("SAME_CITY");
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        Set<String> experts = new HashSet<>();
        assigned.json().path("assignments").forEach(a -> experts.add(a.path("expertId").asString()));
        assertThat(experts).containsExactlyInAnyOrder(free1.toString(), free2.toString(), free3.toString());

        // experts see only their own assignment and score within the sheet
        ApiResponse mine = api.get("/api/v1/expert/assignments").bearer(expertToken(free1)).send();
        ApiResponse none = api.get("/api/v1/applications/expert/assignments").bearer(expertToken(fromLead)).send();
        String assignment = mine.json().get(0).path("id").asString();
        ApiResponse notTheirs = api.put("/api/v1/expert/assignments/" + assignment + "/score").bearer(expertToken(free2))
                .json(Map.of("scores", Map.of("OVERALL", 80))).send();
        ApiResponse outOfRange = api.put("/api/v1/expert/assignments/" + assignment + "/score").bearer(expertToken(free1))
                .json(Map.of("scores", Map.of("OVERALL", 101))).send();
        ApiResponse tooEarly = api.post("/api/v1/review-rounds/" + round + "/closure").bearer(admin).send();

        ApiResponse download = api.get("/api/v1/expert/assignments/" + assignment + "/attachments/" + stamped)
                .bearer(expertToken(free1)).send();
        ApiResponse notTheirFile = api.get("/api/v1/expert/assignments/" + assignment + "/attachments/" + stamped)
                .bearer(expertToken(free2)).send();
        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        assertThat(download.body()).startsWith("%PDF");
        assertThat(notTheirFile.isProblem(404)).isTrue();
        assertThat(mine.json().get(0).path("attachments").get(0).path("id").asString()).isEqualTo(stamped.toString());
        assertThat(mine.json().size()).isEqualTo(1);
        assertThat(mine.json().get(0).path("form").path("basicInfo").path("name").asString()).isEqualTo("山西装备制造产教融合共同体");
        assertThat(mine.json().get(0).path("sheet").path("maximum").asInt()).isEqualTo(100);
        assertThat(none.json().size()).isZero();
        assertThat(notTheirs.isProblem(404)).isTrue();
        assertThat(outOfRange.isProblem(400)).as(outOfRange.toString()).isTrue();
        assertThat(outOfRange.json().path("errors").get(0).path("field").asString()).isEqualTo("scores.OVERALL");
        assertThat(tooEarly.isProblem(409)).isTrue();

        Map<UUID, Integer> marks = Map.of(free1, 86, free2, 84, free3, 40);
        for (Map.Entry<UUID, Integer> mark : marks.entrySet()) {
            String token = expertToken(mark.getKey());
            String id = api.get("/api/v1/expert/assignments").bearer(token).send().json().get(0).path("id").asString();
            ApiResponse scored = api.put("/api/v1/expert/assignments/" + id + "/score").bearer(token)
                    .json(Map.of("scores", Map.of("OVERALL", mark.getValue()), "comment", "意见" + mark.getValue())).send();
            assertThat(scored.status()).as(scored.toString()).isEqualTo(200);
        }
        ApiResponse closed = api.post("/api/v1/review-rounds/" + round + "/closure").bearer(admin).send();
        ApiResponse scoreAfterClose = api.put("/api/v1/expert/assignments/" + assignment + "/score")
                .bearer(expertToken(free1)).json(Map.of("scores", Map.of("OVERALL", 10))).send();

        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        JsonNode result = closed.json().path("applications").get(0);
        assertThat(result.path("average").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(result.path("averageWithoutOutliers").decimalValue()).isEqualByComparingTo("85.00");
        closed.json().path("assignments").forEach(a -> assertThat(a.path("outlier").asBoolean())
                .isEqualTo(a.path("expertId").asString().equals(free3.toString())));
        assertThat(scoreAfterClose.isProblem(409)).isTrue();
        ApiResponse listed = api.get("/api/v1/review-rounds?programmeId=" + programmeId(SHANXI)).bearer(admin).send();
        ApiResponse otherDepartmentList = api.get("/api/v1/review-rounds").bearer(wrongDepartment).send();
        ApiResponse sheet = api.get("/api/v1/review-rounds/" + round + "/scores.xlsx").bearer(admin).send();
        assertThat(listed.json().valueStream().map(r -> r.path("id").asString()).toList()).contains(round);
        assertThat(otherDepartmentList.json().valueStream().map(r -> r.path("id").asString()).toList())
                .doesNotContain(round);
        assertThat(sheet.status()).isEqualTo(200);
        assertThat(sheet.contentType()).contains("spreadsheetml");

        // meeting review and site visit with minutes, then the shortlist
        ApiResponse noMinutes = record(application.toString(), admin, "MEETING_REVIEW", "PASSED", false);
        ApiResponse meeting = record(application.toString(), admin, "MEETING_REVIEW", "PASSED", true);
        ApiResponse visit = record(application.toString(), admin, "SITE_VISIT", "PASSED", true);
        ApiResponse records = api.get("/api/v1/applications/" + application + "/review-stages").bearer(admin).send();
        ApiResponse shortlisted = api.post("/api/v1/programmes/" + programmeId(SHANXI) + "/shortlist/INDUSTRY_COMMUNITY")
                .bearer(admin).json(Map.of("applicationIds", List.of(application), "comment", "入围")).send();

        assertThat(noMinutes.isProblem(400)).as(noMinutes.toString()).isTrue();
        assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
        assertThat(visit.status()).isEqualTo(201);
        assertThat(records.json().valueStream().map(r -> r.path("stage").asString()).toList())
                .containsExactlyInAnyOrder("MEETING_REVIEW", "SITE_VISIT");
        records.json().forEach(r -> assertThat(r.path("minutesAttachmentId").isNull()).isFalse());
        String minutes = records.json().get(0).path("minutesAttachmentId").asString();
        String owner = tokens.user("applicant-lead").roles("applicant").organisation(lead).mint();
        ApiResponse applicantView = api.get("/api/v1/applications/" + application).bearer(owner).send();
        ApiResponse staffView = api.get("/api/v1/applications/" + application).bearer(admin).send();
        assertThat(applicantView.json().path("attachments").valueStream().map(a -> a.path("kind").asString()).toList())
                .containsExactly("STAMPED_FORM");
        assertThat(staffView.json().path("attachments").valueStream().map(a -> a.path("kind").asString()).toList())
                .contains("STAMPED_FORM", "REVIEW_MINUTES");
        assertThat(api.get("/api/v1/applications/" + application + "/attachments/" + minutes).bearer(owner).send()
                .isProblem(404)).isTrue();
        assertThat(api.get("/api/v1/expert/assignments/" + assignment + "/attachments/" + minutes)
                .bearer(expertToken(free1)).send().isProblem(404)).isTrue();
        assertThat(shortlisted.status()).as(shortlisted.toString()).isEqualTo(200);
        assertThat(TopicProbe.records(TestEngines.kafka().bootstrapServers(), Topics.APPLICATION_LIFECYCLE,
                r -> round.equals(r.key()) && r.value().contains("ExpertReviewCompleted"), Duration.ofSeconds(8), 1)
                .get(0).value()).contains(application.toString());
        assertThat(TopicProbe.records(TestEngines.kafka().bootstrapServers(), Topics.APPLICATION_LIFECYCLE,
                r -> application.toString().equals(r.key()) && r.value().contains("ApplicationShortlisted"),
                Duration.ofSeconds(8), 1).get(0).value()).contains("\"rank\":1").contains(lead.toString());
        assertThat(jdbc.queryForList("select coalesce(stage, '') from application_transition where application_id = ? "
                + "order by id", String.class, application))
                .containsSubsequence("EXPERT_REVIEW", "MEETING_REVIEW", "SITE_VISIT", "SHORTLIST");
        // transitions keep their order (a sequence), whatever the clock says
    }

    @Test
    void tooFewExpertsWithoutConflictIsRefusedAndNothingIsAssigned() {
        clock.setBeijing("2023-10-10T10:00:00");
        IdentityStub.Organisation leadOrg = identity.organisation("ENTERPRISE").region("140105");
        identity.batch(List.of(leadOrg));
        UUID lead = UUID.fromString((String) leadOrg.fields().get("id"));
        identity.experts(List.of(IdentityStub.expert(UUID.randomUUID(), "牵头单位专家", lead, "140000"),
                IdentityStub.expert(UUID.randomUUID(), "外省专家", null, "140000")));
        UUID application = SubmittedApplications.of(jdbc, SHANXI, PlatformType.INDUSTRY_COMMUNITY).filedBy(lead)
                .in("140105").submit(clock.instant());
        String admin = reviewer("140000", "education");
        String round = api.post("/api/v1/review-rounds").bearer(admin).json(Map.of("programmeId", programmeId(SHANXI),
                "platformType", "INDUSTRY_COMMUNITY", "name", "补充轮", "applicationIds", List.of(application),
                "expertsPerApplication", 2)).send().json().path("id").asString();

        ApiResponse refused = api.post("/api/v1/review-rounds/" + round + "/random-assignment").bearer(admin).send();

        assertThat(refused.isProblem(409)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("available").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from expert_assignment where round_id = ?::uuid", Integer.class,
                round)).isZero();
    }

    @Test
    void whenIdentityServiceIsDownRandomAssignmentIsA503AndNothingIsAssigned() {
        clock.setBeijing("2023-10-10T10:00:00");
        UUID application = SubmittedApplications.of(jdbc, SHANXI, PlatformType.INDUSTRY_COMMUNITY).in("140802")
                .submit(clock.instant());
        String admin = reviewer("140000", "education");
        String round = api.post("/api/v1/review-rounds").bearer(admin).json(Map.of("programmeId", programmeId(SHANXI),
                "platformType", "INDUSTRY_COMMUNITY", "name", "停机轮", "applicationIds", List.of(application),
                "expertsPerApplication", 1)).send().json().path("id").asString();
        identity.down();

        ApiResponse refused = api.post("/api/v1/review-rounds/" + round + "/random-assignment").bearer(admin).send();

        assertThat(refused.isProblem(503)).as(refused.toString()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from expert_assignment where round_id = ?::uuid", Integer.class,
                round)).isZero();
    }
}
