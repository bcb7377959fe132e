package cn.chanjiao.application.review;

import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.support.IntegrationTestBase;
import cn.chanjiao.application.support.SubmittedApplications;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Quotas hold under concurrent decisions and bound the shortlist, on real PostgreSQL. */
class QuotaIT extends IntegrationTestBase {

    @Test
    void twoReviewersRecommendingTheLastPlaceAtOnceLeaveExactlyOneRecommended() throws Exception {
        clock.setBeijing("2023-05-10T10:00:00");
        String province = "430000";
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(SubmittedApplications.of(jdbc, "MOE-CITY-CONSORTIUM-2023", PlatformType.CITY_CONSORTIUM).in("430102")
                    .recommendedFrom(province).submit(clock.instant()));
        }
        String hunan = reviewer(province, "education");
        for (int i = 0; i < 2; i++) {
            assertThat(approve(ids.get(i), hunan).status()).isEqualTo(200);
        }
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<ApiResponse> third = CompletableFuture.supplyAsync(() -> await(start, ids.get(2), hunan));
        CompletableFuture<ApiResponse> fourth = CompletableFuture.supplyAsync(() -> await(start, ids.get(3), hunan));
        start.countDown();

        List<Integer> statuses = List.of(third.get().status(), fourth.get().status());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(jdbc.queryForObject("select count(*) from application where id in (?, ?, ?, ?) and status = 'RECOMMENDED'",
                Integer.class, ids.toArray())).isEqualTo(3);
    }

    @Test
    void theShortlistStaysWithinTheProgrammesTotalQuota() {
        clock.setBeijing("2024-03-01T10:00:00");
        String programme = programmeId("HZ-PLATFORMS-2024");
        UUID round = UUID.randomUUID();
        jdbc.update("insert into review_round (id, programme_id, platform_type, name, authority_code, department, "
                + "experts_per_application, avoid_same_city, status, created_by, created_at, closed_at) values "
                + "(?, ?::uuid, 'PRACTICE_CENTER_PUBLIC', '公共实践中心评审', '330100', 'education', 1, false, 'CLOSED', 'seed', "
                + "now(), now())", round, programme);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID id = SubmittedApplications.of(jdbc, "HZ-PLATFORMS-2024", PlatformType.PRACTICE_CENTER_PUBLIC).in("330110")
                    .named("公共实践中心" + i).submit(clock.instant());
            jdbc.update("update application set status = 'IN_EXPERT_REVIEW' where id = ?", id);
            jdbc.update("insert into review_round_application (round_id, application_id, average) values (?, ?, 80)",
                    round, id);
            ids.add(id);
        }
        String cityEducation = reviewer("330100", "education");

        ApiResponse six = shortlist(programme, ids, cityEducation);
        ApiResponse wrongDepartment = shortlist(programme, ids.subList(0, 5), reviewer("330100", "development-reform"));
        ApiResponse five = shortlist(programme, ids.subList(0, 5), cityEducation);
        ApiResponse sixth = shortlist(programme, ids.subList(5, 6), cityEducation);

        assertThat(six.isProblem(409)).as(six.toString()).isTrue();
        assertThat(six.json().path("quota").path("limit").asInt()).isEqualTo(5);
        assertThat(six.json().path("quota").path("scope").asString()).isEqualTo("TOTAL");
        assertThat(wrongDepartment.isProblem(403)).isTrue();
        assertThat(five.status()).as(five.toString()).isEqualTo(200);
        assertThat(sixth.isProblem(409)).isTrue();
        assertThat(jdbc.queryForObject("select status from application where id = ?", String.class, ids.get(5)))
                .isEqualTo("IN_EXPERT_REVIEW");
    }

    private ApiResponse shortlist(String programme, List<UUID> ids, String token) {
        return api.post("/api/v1/programmes/" + programme + "/shortlist/PRACTICE_CENTER_PUBLIC").bearer(token)
                .json(Map.of("applicationIds", ids)).send();
    }

    private ApiResponse approve(UUID id, String token) {
        return api.post("/api/v1/applications/" + id + "/decisions").bearer(token)
                .json(Map.of("decision", "APPROVE", "comment", "推荐")).send();
    }

    private ApiResponse await(CountDownLatch start, UUID id, String token) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return approve(id, token);
    }
}
