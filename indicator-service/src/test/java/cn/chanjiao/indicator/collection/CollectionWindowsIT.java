package cn.chanjiao.indicator.collection;

import cn.chanjiao.contracts.Topics;
import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.indicator.support.IntegrationTestBase;
import cn.chanjiao.indicator.support.Platforms;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The 2025 window of the Shanxi communities, opened and closed by the clock; a reopening after it. */
class CollectionWindowsIT extends IntegrationTestBase {

    @Autowired
    CollectionWindows windows;

    @Test
    void theWindowOpensOnceOnTheFirstOfNovemberClosesAfterTheFifteenthOfDecemberAndAnAuthorityReopensOnePlatform() {
        Platforms submitting = Platforms.aShanxiCommunity().named("按时提交的共同体");
        Platforms late = Platforms.aShanxiCommunity().named("未提交的共同体");
        PlatformApproved first = submitting.build();
        PlatformApproved second = late.build();
        publish(first);
        publish(second);
        await(() -> count("select count(*) from platform where id in (?, ?)", first.platformId(), second.platformId()) == 2,
                "the platforms");

        clock.setBeijing("2025-10-31T23:59:59");
        windows.tick();
        assertThat(count("select count(*) from collection_window where programme_code = 'SX-INDUSTRY-COMMUNITY-2023' and year = 2025"))
                .isZero();

        clock.setBeijing("2025-11-01T00:00:00");
        assertThat(windows.tick().opened()).isGreaterThanOrEqualTo(1);
        assertThat(windows.tick().opened()).isZero();
        assertThat(jdbc.queryForObject("select status from collection_window where programme_code = 'SX-INDUSTRY-COMMUNITY-2023' "
                + "and year = 2025", String.class)).isEqualTo("OPEN");
        UUID firstYear = jdbc.queryForObject("select id from platform_year where platform_id = ? and year = 2025", UUID.class,
                first.platformId());
        String windowId = CollectionCalendar.windowId("SX-INDUSTRY-COMMUNITY-2023", 2025).toString();
        var opened = published(Topics.INDICATOR, record -> windowId.equals(record.key())
                && record.value().contains("CollectionWindowOpened"), 1);
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).value()).contains("\"year\":2025").contains("\"closesAt\":\"2025-12-15T15:59:59Z\"");
        var deadline = published(Topics.APPLICATION_SCHEDULE, record -> firstYear.toString().equals(record.key()), 1);
        assertThat(deadline).hasSize(1);
        assertThat(deadline.get(0).value()).contains(CollectionWindows.COLLECTION_CLOSES).contains(submitting.lead().toString());

        PlatformApproved latecomer = Platforms.aShanxiCommunity().named("窗口开启后批准的共同体").build();
        publish(latecomer);
        await(() -> count("select count(*) from platform where id = ?", latecomer.platformId()) == 1, "the latecomer");
        assertThat(windows.tick().joined()).isGreaterThanOrEqualTo(1);
        assertThat(windows.tick().joined()).isZero();
        UUID latecomerYear = jdbc.queryForObject("select id from platform_year where platform_id = ? and year = 2025", UUID.class,
                latecomer.platformId());
        assertThat(published(Topics.APPLICATION_SCHEDULE, record -> latecomerYear.toString().equals(record.key()), 1)).hasSize(1);

        String user = platformUser(submitting.lead());
        String path = BASE + "/platforms/" + first.platformId() + "/years/2025";
        assertThat(api.put(path + "/values").bearer(user).header("If-Match", "\"0\"").header("Idempotency-Key", "w-1")
                .json(Map.of("values", List.of(value("CORE_COURSES", 4)))).send().status()).isEqualTo(200);
        assertThat(api.post(path + "/submission").bearer(user).header("If-Match", "\"1\"").header("Idempotency-Key", "w-2")
                .send().status()).isEqualTo(200);

        clock.setBeijing("2025-12-16T00:00:00");
        assertThat(windows.tick().closed()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select status from platform_year where platform_id = ? and year = 2025", String.class,
                second.platformId())).isEqualTo("LOCKED");
        assertThat(jdbc.queryForObject("select status from platform_year where platform_id = ? and year = 2025", String.class,
                first.platformId())).isEqualTo("SUBMITTED");
        var closed = published(Topics.INDICATOR, record -> windowId.equals(record.key())
                && record.value().contains("CollectionWindowClosed"), 1);
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).value()).contains("\"submitted\":1");

        String lateUser = platformUser(late.lead());
        String latePath = BASE + "/platforms/" + second.platformId() + "/years/2025";
        ApiResponse locked = api.put(latePath + "/values").bearer(lateUser).header("If-Match", "\"1\"")
                .header("Idempotency-Key", "w-3").json(Map.of("values", List.of(value("CORE_COURSES", 4)))).send();
        assertThat(locked.isProblem(409)).as(locked.toString()).isTrue();

        ApiResponse reopened = api.post(latePath + "/reopening").bearer(reviewer("140000"))
                .json(Map.of("reason", "因疫情延期报送", "deadline", "2025-12-20T23:59:59+08:00")).send();
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        assertThat(reopened.json().path("closesAt").asString()).isEqualTo("2025-12-20T15:59:59Z");
        ApiResponse saved = api.put(latePath + "/values").bearer(lateUser).header("If-Match", reopened.header("ETag").orElseThrow())
                .header("Idempotency-Key", "w-4").json(Map.of("values", List.of(value("CORE_COURSES", 4)))).send();
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        String secondYear = reopened.json().path("platformYearId").asString();
        assertThat(published(Topics.APPLICATION_SCHEDULE, record -> secondYear.equals(record.key())
                && record.value().contains("INDICATOR_COLLECTION_REOPENED_DUE"), 1)).hasSize(1);

        clock.setBeijing("2025-12-21T00:00:00");
        assertThat(windows.tick().expiredReopenings()).isGreaterThanOrEqualTo(1);
        assertThat(api.put(latePath + "/values").bearer(lateUser).header("If-Match", saved.header("ETag").orElseThrow())
                .header("Idempotency-Key", "w-5").json(Map.of("values", List.of(value("CORE_COURSES", 5)))).send()
                .isProblem(409)).isTrue();
        ApiResponse list = api.get(BASE + "/windows?programmeCode=SX-INDUSTRY-COMMUNITY-2023&year=2025").bearer(platformAdmin()).send();
        assertThat(list.json().get(0).path("status").asString()).isEqualTo("CLOSED");
    }
}
