package cn.chanjiao.application.review;

import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.support.IntegrationTestBase;
import cn.chanjiao.application.support.SubmittedApplications;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of DESIGN §2 from submission into the selecting authority's expert review: the desk
 * stages by their own authority and department only, the recommending list locked, the round opened
 * by the selecting department (and by nobody else).
 */
class RoutesIT extends IntegrationTestBase {

    @ParameterizedTest(name = "{0} {1}: {3}/{4} recommends, {5}/{6} selects")
    @CsvSource({
            "HZ-PLATFORMS-2024, CITY_CONSORTIUM, 330109, 330109, development-reform, 330100, development-reform, 2024-03-01",
            "HZ-PLATFORMS-2024, INDUSTRY_COMMUNITY, 330109, 330109, industry-it, 330100, industry-it, 2024-03-01",
            "HZ-PLATFORMS-2024, PRACTICE_CENTER_SCHOOL, 330109, 330109, education, 330100, education, 2024-03-01",
            "HZ-PLATFORMS-2024, PRACTICE_CENTER_PUBLIC, 330109, 330109, development-reform, 330100, education, 2024-03-01",
            "HZ-PLATFORMS-2024, PRACTICE_CENTER_ENTERPRISE, 330109, 330109, industry-it, 330100, industry-it, 2024-03-01",
            "MOE-INDUSTRY-COMMUNITY-2023, INDUSTRY_COMMUNITY, 150000, 150000, education, 100000, education, 2023-09-01",
            "MOE-CITY-CONSORTIUM-2023, CITY_CONSORTIUM, 150000, 150000, education, 100000, education, 2023-05-10"
    })
    void anApplicationPassesItsDeskStagesAndEntersTheSelectingAuthoritysExpertReview(String programmeCode,
            PlatformType type, String recommendingRegion, String deskAuthority, String deskDepartment,
            String selectingAuthority, String selectingDepartment, String day) {
        clock.setBeijing(day + "T10:00:00");
        String leadDistrict = programmeCode.startsWith("HZ") ? "330109" : "150102";
        UUID id = SubmittedApplications.of(jdbc, programmeCode, type).in(leadDistrict).recommendedFrom(recommendingRegion)
                .submit(clock.instant());
        String programme = programmeId(programmeCode);
        String otherDepartment = deskDepartment.equals("education") ? "industry-it" : "education";

        ApiResponse wrong = api.post("/api/v1/applications/" + id + "/decisions")
                .bearer(reviewer(deskAuthority, otherDepartment)).json(Map.of("decision", "APPROVE", "comment", "x")).send();
        ApiResponse selectingTooEarly = api.post("/api/v1/applications/" + id + "/decisions")
                .bearer(reviewer(selectingAuthority, selectingDepartment)).json(Map.of("decision", "APPROVE", "comment", "x"))
                .send();
        ApiResponse passed = api.post("/api/v1/applications/" + id + "/decisions")
                .bearer(reviewer(deskAuthority, deskDepartment)).json(Map.of("decision", "APPROVE", "comment", "同意"))
                .send();
        ApiResponse locked = api.post("/api/v1/programmes/" + programme + "/recommendations/" + type + "/lock")
                .bearer(reviewer(deskAuthority, deskDepartment)).send();
        Map<String, Object> round = Map.of("programmeId", programme, "platformType", type.name(), "name", "评审",
                "applicationIds", List.of(id), "expertsPerApplication", 1);
        ApiResponse deskCannotSelect = api.post("/api/v1/review-rounds").bearer(reviewer(deskAuthority, deskDepartment))
                .json(round).send();
        ApiResponse opened = api.post("/api/v1/review-rounds").bearer(reviewer(selectingAuthority, selectingDepartment))
                .json(round).send();

        assertThat(wrong.status()).as(wrong.toString()).isIn(403, 404);
        assertThat(selectingTooEarly.isProblem(403)).as(selectingTooEarly.toString()).isTrue();
        assertThat(passed.json().path("status").asString()).as(passed.toString()).isEqualTo("RECOMMENDED");
        assertThat(locked.status()).as(locked.toString()).isEqualTo(200);
        assertThat(deskCannotSelect.isProblem(403)).as(deskCannotSelect.toString()).isTrue();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select status from application where id = ?", String.class, id))
                .isEqualTo("IN_EXPERT_REVIEW");
    }
}
