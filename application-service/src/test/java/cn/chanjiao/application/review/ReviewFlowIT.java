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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The desk stages of each route and the quota-bound recommendation lists, on real PostgreSQL and Kafka. */
class ReviewFlowIT extends IntegrationTestBase {

    private static final String HANGZHOU = "HZ-PLATFORMS-2024";
    private static final String CONSORTIA = "MOE-CITY-CONSORTIUM-2023";

    private ApiResponse decide(String id, String token, String decision, String comment) {
        return api.post("/api/v1/applications/" + id + "/decisions").bearer(token)
                .json(Map.of("decision", decision, "comment", comment)).send();
    }

    private String status(Object id) {
        return jdbc.queryForObject("select status from application where id = ?::uuid", String.class, id.toString());
    }

    @Test
    void anEnterprisePracticeCentreIsPassedByItsDistrictEconomyBureauOnlyAndRecommendedToTheCity() {
        UUID enterprise = identity.organisation("ENTERPRISE").region("330106").register();
        FormDriver form = new FormDriver(api, applicant(enterprise));
        assertThat(form.create(programmeId(HANGZHOU), PlatformType.PRACTICE_CENTER_ENTERPRISE).status()).isEqualTo(201);
        form.fillValid(HANGZHOU, PlatformType.PRACTICE_CENTER_ENTERPRISE, "330106");
        assertThat(form.upload("STAMPED_FORM", "推荐书.pdf", FormDriver.pdf()).status()).isEqualTo(201);
        assertThat(form.submit(UUID.randomUUID().toString()).status()).isEqualTo(200);

        ApiResponse route = api.get("/api/v1/applications/" + form.id() + "/review").bearer(applicant(enterprise)).send();
        ApiResponse wrongDepartment = decide(form.id(), reviewer("330106", "education"), "APPROVE", "同意");
        ApiResponse otherDistrict = decide(form.id(), reviewer("330105", "industry-it"), "APPROVE", "同意");
        ApiResponse cityTooEarly = decide(form.id(), reviewer("330100", "industry-it"), "APPROVE", "同意");
        ApiResponse applicantItself = decide(form.id(), applicant(enterprise), "APPROVE", "同意");
        String untouched = status(form.id());
        ApiResponse passed = decide(form.id(), reviewer("330106", "industry-it"), "APPROVE", "初审通过，同意推荐");
        ApiResponse again = decide(form.id(), reviewer("330106", "industry-it"), "APPROVE", "再次");

        assertThat(route.json().path("currentStage").asInt()).isZero();
        assertThat(route.json().path("route").valueStream().map(s -> s.path("stage").asString() + "@"
                + s.path("authorityCode").asString() + "/" + s.path("department").asString()).toList())
                .startsWith("PRELIMINARY_REVIEW@330106/industry-it", "EXPERT_REVIEW@330100/industry-it");
        // another department or district does not even see it; the city bureau sees it but the stage is the district's
        assertThat(wrongDepartment.isProblem(404)).as(wrongDepartment.toString()).isTrue();
        assertThat(otherDistrict.isProblem(404)).as(otherDistrict.toString()).isTrue();
        assertThat(cityTooEarly.isProblem(403)).as(cityTooEarly.toString()).isTrue();
        assertThat(cityTooEarly.json().path("authorityCode").asString()).isEqualTo("330106");
        assertThat(cityTooEarly.json().path("department").asString()).isEqualTo("industry-it");
        assertThat(applicantItself.isProblem(403)).isTrue();
        assertThat(untouched).isEqualTo("SUBMITTED");
        assertThat(passed.status()).as(passed.toString()).isEqualTo(200);
        assertThat(passed.json().path("status").asString()).isEqualTo("RECOMMENDED");
        assertThat(again.isProblem(409)).as(again.toString()).isTrue();
        List<Map<String, Object>> history = jdbc.queryForList("select from_status, to_status, actor_role, stage, "
                + "authority_code, department, comment from application_transition where application_id = ?::uuid "
                + "order by id", form.id());
        assertThat(history).last().satisfies(t -> {
            assertThat(t).containsEntry("from_status", "SUBMITTED").containsEntry("to_status", "RECOMMENDED")
                    .containsEntry("actor_role", "reviewer").containsEntry("stage", "PRELIMINARY_REVIEW")
                    .containsEntry("authority_code", "330106").containsEntry("department", "industry-it")
                    .containsEntry("comment", "初审通过，同意推荐");
        });
        ApiResponse readable = api.get("/api/v1/applications/" + form.id() + "/history").bearer(applicant(enterprise)).send();
        assertThat(readable.json().valueStream().map(t -> t.path("to").asString()).toList())
                .containsExactly("DRAFT", "SUBMITTED", "RECOMMENDED");
        assertThat(readable.json().get(2).path("role").asString()).isEqualTo("reviewer");
    }

    @Test
    void aRejectionNeedsAReasonAndPublishesApplicationRejected() {
        UUID id = SubmittedApplications.of(jdbc, HANGZHOU, PlatformType.PRACTICE_CENTER_SCHOOL).in("330108")
                .submit(clock.instant());
        String districtEducation = reviewer("330108", "education");

        ApiResponse noReason = decide(id.toString(), districtEducation, "REJECT", " ");
        ApiResponse rejected = decide(id.toString(), districtEducation, "REJECT", "实训基地面积不达标");

        assertThat(noReason.isProblem(400)).isTrue();
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        List<ConsumerRecord<String, String>> events = TopicProbe.records(TestEngines.kafka().bootstrapServers(),
                Topics.APPLICATION_LIFECYCLE, r -> id.toString().equals(r.key()) && r.value().contains("ApplicationRejected"),
                Duration.ofSeconds(8), 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).value()).contains("实训基地面积不达标", "\"authorityCode\":\"330108\"",
                "\"stage\":\"PRELIMINARY_REVIEW\"");
    }

    @Test
    void aProvinceRecommendsAtMostThreeCityConsortiaRanksThemAndLocksTheList() {
        clock.setBeijing("2023-05-10T10:00:00");
        String province = "410000";
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(SubmittedApplications.of(jdbc, CONSORTIA, PlatformType.CITY_CONSORTIUM).in("410105")
                    .recommendedFrom(province).named("河南联合体" + i).submit(clock.instant()));
        }
        String henanEducation = reviewer(province, "education");
        String henanDevelopment = reviewer(province, "development-reform");
        String programme = programmeId(CONSORTIA);

        ApiResponse wrongDepartment = decide(ids.get(0).toString(), henanDevelopment, "APPROVE", "推荐");
        for (int i = 0; i < 3; i++) {
            assertThat(decide(ids.get(i).toString(), henanEducation, "APPROVE", "推荐").status()).isEqualTo(200);
        }
        ApiResponse fourth = decide(ids.get(3).toString(), henanEducation, "APPROVE", "推荐");
        ApiResponse badRanking = api.put("/api/v1/programmes/" + programme + "/recommendations/CITY_CONSORTIUM/ranking")
                .bearer(henanEducation).json(Map.of("applicationIds", List.of(ids.get(0)))).send();
        ApiResponse ranked = api.put("/api/v1/programmes/" + programme + "/recommendations/CITY_CONSORTIUM/ranking")
                .bearer(henanEducation).json(Map.of("applicationIds", List.of(ids.get(2), ids.get(0), ids.get(1)))).send();
        ApiResponse otherProvince = api.post("/api/v1/programmes/" + programme + "/recommendations/CITY_CONSORTIUM/lock")
                .bearer(reviewer("120000", "education")).send();
        ApiResponse locked = api.post("/api/v1/programmes/" + programme + "/recommendations/CITY_CONSORTIUM/lock")
                .bearer(henanEducation).send();
        ApiResponse reorder = api.put("/api/v1/programmes/" + programme + "/recommendations/CITY_CONSORTIUM/ranking")
                .bearer(henanEducation).json(Map.of("applicationIds", List.of(ids.get(0), ids.get(1), ids.get(2)))).send();

        assertThat(wrongDepartment.isProblem(403)).isTrue();
        assertThat(fourth.isProblem(409)).as(fourth.toString()).isTrue();
        assertThat(fourth.json().path("quota").path("limit").asInt()).isEqualTo(3);
        assertThat(fourth.json().path("quota").path("authorityCode").asString()).isEqualTo(province);
        assertThat(fourth.json().path("detail").asString()).contains("3");
        assertThat(status(ids.get(3))).isEqualTo("SUBMITTED");
        assertThat(badRanking.isProblem(400)).isTrue();
        assertThat(ranked.status()).as(ranked.toString()).isEqualTo(200);
        assertThat(ranked.json().path("quota").asInt()).isEqualTo(3);
        assertThat(otherProvince.isProblem(404)).as(otherProvince.toString()).isTrue();
        assertThat(locked.status()).as(locked.toString()).isEqualTo(200);
        assertThat(locked.json().path("locked").asBoolean()).isTrue();
        assertThat(locked.json().path("items").valueStream().map(e -> e.path("applicationId").asString()).toList())
                .containsExactly(ids.get(2).toString(), ids.get(0).toString(), ids.get(1).toString());
        assertThat(reorder.isProblem(409)).isTrue();
        List<ConsumerRecord<String, String>> events = TopicProbe.records(TestEngines.kafka().bootstrapServers(),
                Topics.APPLICATION_LIFECYCLE, r -> ids.get(2).toString().equals(r.key())
                        && r.value().contains("ApplicationRecommended"), Duration.ofSeconds(8), 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).value()).contains("\"rank\":1", "\"authorityCode\":\"410000\"",
                "\"stage\":\"RECOMMENDATION\"", "\"programmeCode\":\"MOE-CITY-CONSORTIUM-2023\"");
    }

    @Test
    void aCentralSoeCommunitySkipsTheProvinceAndGoesStraightToTheMinistry() {
        clock.setBeijing("2023-09-01T10:00:00");
        UUID soe = SubmittedApplications.of(jdbc, "MOE-INDUSTRY-COMMUNITY-2023", PlatformType.INDUSTRY_COMMUNITY)
                .in("110102").filerHolds("centralSoe").submit(clock.instant());
        UUID provincial = SubmittedApplications.of(jdbc, "MOE-INDUSTRY-COMMUNITY-2023", PlatformType.INDUSTRY_COMMUNITY)
                .in("140105").recommendedFrom("140000").submit(clock.instant());

        ApiResponse soeRoute = api.get("/api/v1/applications/" + soe + "/review").bearer(platformAdmin()).send();
        ApiResponse provinceRoute = api.get("/api/v1/applications/" + provincial + "/review").bearer(platformAdmin()).send();
        ApiResponse provinceCannot = decide(soe.toString(), reviewer("110000", "education"), "APPROVE", "x");

        assertThat(soeRoute.json().path("route").valueStream().map(s -> s.path("stage").asString()).toList())
                .containsExactly("EXPERT_REVIEW");
        assertThat(provinceRoute.json().path("route").get(0).path("authorityCode").asString()).isEqualTo("140000");
        assertThat(provinceCannot.status()).isIn(403, 404, 409);
        assertThat(status(soe)).isEqualTo("SUBMITTED");
    }
}
