package cn.chanjiao.indicator.watch;

import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.contracts.reporting.ReportOverdue;
import cn.chanjiao.contracts.reporting.ReportSubmitted;
import cn.chanjiao.indicator.support.IntegrationTestBase;
import cn.chanjiao.indicator.support.Platforms;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Hangzhou's 萧山 platforms in 2024: on the watch-list for an overdue report, data missing at the close, a failed grade; off it when resolved. */
class WatchListIT extends IntegrationTestBase {

    private static final String LIST = BASE + "/watch-list?programmeCode=HZ-PLATFORMS-2024";

    @Test
    void platformsEnterTheWatchListForAnOverdueReportMissingDataOrAFailedGradeAndLeaveItWhenResolved() {
        Platforms reporting = Platforms.aHangzhouPracticeCentre("PRACTICE_CENTER_ENTERPRISE").named("萧山甲实践中心")
                .region("330109").target("STUDENT_TRAINEES", 2024, "100");
        Platforms late = Platforms.aHangzhouPracticeCentre("PRACTICE_CENTER_ENTERPRISE").named("萧山乙实践中心")
                .region("330109").target("STUDENT_TRAINEES", 2024, "100");
        Platforms fine = Platforms.aHangzhouPracticeCentre("PRACTICE_CENTER_ENTERPRISE").named("萧山丙实践中心")
                .region("330109").target("STUDENT_TRAINEES", 2024, "100");
        PlatformApproved first = reporting.build();
        PlatformApproved second = late.build();
        PlatformApproved third = fine.build();
        List.of(first, second, third).forEach(this::publish);
        await(() -> count("select count(*) from platform where id in (?, ?, ?)", first.platformId(), second.platformId(),
                third.platformId()) == 3, "the platforms");
        String admin = programmeAdmin("330109");
        submit(reporting.lead(), first.platformId(), "wl-1");
        submit(fine.lead(), third.platformId(), "wl-3");
        String lateUser = platformUser(late.lead());
        String latePath = BASE + "/platforms/" + second.platformId() + "/years/2024";
        assertThat(api.put(latePath + "/values").bearer(lateUser).header("If-Match", "\"0\"").header("Idempotency-Key", "wl-2")
                .json(Map.of("values", List.of(value("STUDENT_TRAINEES", 30)))).send().status()).isEqualTo(200);
        assertThat(api.get(LIST).bearer(admin).send().json().path("total").asInt()).isZero();

        UUID obligation = UUID.randomUUID();
        Instant due = Instant.parse("2024-03-31T15:59:59Z");
        publish(new ReportOverdue(UUID.randomUUID(), Instant.parse("2024-04-01T02:00:00Z"), obligation, first.platformId(),
                first.programmeId(), reporting.lead(), "OPERATION_PLAN", 2024, due, first.name(), "330100", "330109"));
        await(() -> count("select count(*) from report_fact where obligation_id = ?", obligation) == 1, "the overdue report");
        ApiResponse listed = api.get(LIST).bearer(admin).send();
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().path("total").asInt()).isEqualTo(1);
        JsonNode entry = entry(listed.json(), first.platformId()).orElseThrow();
        assertThat(entry.path("onList").asBoolean()).isTrue();
        assertThat(entry.path("since").asString()).isEqualTo(due.toString());
        assertThat(entry.path("reasons").get(0).path("reason").asString()).isEqualTo("REPORT_OVERDUE");
        assertThat(entry.path("reasons").get(0).path("detail").asString()).isEqualTo("OPERATION_PLAN");
        assertThat(entry.path("reasons").get(0).path("subject").asString()).isEqualTo(obligation.toString());

        // the window closes (15 Dec): the second platform never submitted
        clock.setBeijing("2024-12-16T09:00:00");
        JsonNode afterClose = api.get(LIST).bearer(admin).send().json();
        assertThat(afterClose.path("total").asInt()).isEqualTo(2);
        JsonNode missing = entry(afterClose, second.platformId()).orElseThrow();
        assertThat(missing.path("reasons").valueStream().map(r -> r.path("reason").asString()).toList()).containsExactly("DATA_MISSING");
        assertThat(missing.path("since").asString()).isEqualTo("2024-12-15T16:00:00Z");
        assertThat(entry(afterClose, third.platformId())).isEmpty();
        // longest on the list first; pages
        assertThat(afterClose.path("items").get(0).path("platformId").asString()).isEqualTo(first.platformId().toString());
        JsonNode secondPage = api.get(LIST + "&size=1&page=1").bearer(admin).send().json();
        assertThat(secondPage.path("total").asInt()).isEqualTo(2);
        assertThat(secondPage.path("items").size()).isEqualTo(1);
        assertThat(secondPage.path("items").get(0).path("platformId").asString()).isEqualTo(second.platformId().toString());
        // jurisdiction
        assertThat(api.get(LIST).bearer(programmeAdmin("140000")).send().json().path("total").asInt()).isZero();
        assertThat(api.get(LIST).bearer(programmeAdmin("330100")).send().json().path("items").valueStream()
                .map(r -> r.path("platformId").asString()).toList()).contains(first.platformId().toString(),
                        second.platformId().toString());
        assertThat(api.get(LIST).bearer(lateUser).send().isProblem(403)).isTrue();

        // the district publishes its yearly check: the second platform is graded 不合格
        ApiResponse published = api.post(BASE + "/programmes/HZ-PLATFORMS-2024/years/2024/assessment").bearer(admin).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(entry(api.get(LIST).bearer(admin).send().json(), second.platformId()).orElseThrow().path("reasons")
                .valueStream().map(r -> r.path("reason").asString() + ":" + r.path("detail").asString()).toList())
                .containsExactly("DATA_MISSING:OPEN", "GRADE_FAILED:不合格");

        // the late report arrives: the first platform leaves the list, and an incremental sync sees it leave
        clock.setBeijing("2024-12-17T08:00:00");
        Instant beforeResolution = clock.instant();
        clock.setBeijing("2024-12-17T09:00:00");
        publish(new ReportSubmitted(UUID.randomUUID(), clock.instant(), obligation, UUID.randomUUID(), first.platformId(),
                first.programmeId(), reporting.lead(), "OPERATION_PLAN", 2024, due, clock.instant(), false));
        await(() -> count("select count(*) from report_fact where obligation_id = ? and submitted_at is not null", obligation) == 1,
                "the late report");
        JsonNode now = api.get(LIST).bearer(admin).send().json();
        assertThat(entry(now, first.platformId())).isEmpty();
        JsonNode sync = api.get(LIST + "&updatedSince=" + beforeResolution).bearer(admin).send().json();
        JsonNode left = entry(sync, first.platformId()).orElseThrow();
        assertThat(left.path("onList").asBoolean()).isFalse();
        assertThat(left.path("reasons").get(0).path("resolvedAt").asString()).isEqualTo("2024-12-17T01:00:00Z");
        assertThat(entry(sync, second.platformId())).as("unchanged since").isEmpty();

        // the second platform's year is reopened and submitted: its missing data is resolved, the failed grade stays
        ApiResponse reopened = api.post(latePath + "/reopening").bearer(admin)
                .json(Map.of("reason", "补报", "deadline", "2024-12-20T23:59:59+08:00")).send();
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        assertThat(api.post(latePath + "/submission").bearer(lateUser).header("If-Match", reopened.header("ETag").orElseThrow())
                .header("Idempotency-Key", "wl-4").send().status()).isEqualTo(200);
        JsonNode resolved = entry(api.get(LIST + "&includeResolved=true").bearer(admin).send().json(), second.platformId())
                .orElseThrow();
        assertThat(resolved.path("onList").asBoolean()).isTrue();
        assertThat(resolved.path("reasons").valueStream().map(r -> r.path("reason").asString() + ":"
                + !r.path("resolvedAt").isNull()).toList()).containsExactly("DATA_MISSING:true", "GRADE_FAILED:false");
        assertThat(entry(api.get(LIST).bearer(admin).send().json(), second.platformId()).orElseThrow().path("reasons")
                .valueStream().map(r -> r.path("reason").asString()).toList()).containsExactly("GRADE_FAILED");
    }

    private void submit(UUID lead, UUID platformId, String key) {
        String user = platformUser(lead);
        String path = BASE + "/platforms/" + platformId + "/years/2024";
        assertThat(api.put(path + "/values").bearer(user).header("If-Match", "\"0\"").header("Idempotency-Key", key + "a")
                .json(Map.of("values", List.of(value("STUDENT_TRAINEES", 90)))).send().status()).isEqualTo(200);
        assertThat(api.post(path + "/submission").bearer(user).header("If-Match", "\"1\"").header("Idempotency-Key", key + "b")
                .send().status()).isEqualTo(200);
    }

    private static Optional<JsonNode> entry(JsonNode list, UUID platformId) {
        return list.path("items").valueStream().filter(r -> r.path("platformId").asString().equals(platformId.toString()))
                .findFirst();
    }
}
