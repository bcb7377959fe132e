package cn.chanjiao.indicator.collection;

import cn.chanjiao.contracts.Topics;
import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.indicator.support.IntegrationTestBase;
import cn.chanjiao.indicator.support.Platforms;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Saving values during the 2024 window (the clock stands on 2024-11-20): versions, idempotency, validation, access. */
class ValueSavingIT extends IntegrationTestBase {

    private Platforms platforms;
    private PlatformApproved approved;
    private String user;
    private String year2024;

    @BeforeEach
    void anApprovedShanxiCommunity() {
        platforms = Platforms.aShanxiCommunity().target("CORE_COURSES", 2024, "10").target("ORDER_TRAINING", 2024, "100");
        approved = platforms.build();
        publish(approved);
        await(() -> count("select count(*) from platform where id = ?", approved.platformId()) == 1, "the platform");
        user = platformUser(platforms.lead());
        year2024 = BASE + "/platforms/" + approved.platformId() + "/years/2024";
    }

    @Test
    void aPlatformUserReadsTheYearWithEveryIndicatorToEnterAndItsTargets() {
        ApiResponse year = api.get(year2024).bearer(user).send();
        assertThat(year.status()).as(year.toString()).isEqualTo(200);
        assertThat(year.header("ETag")).contains("\"0\"");
        assertThat(year.json().path("state").asString()).isEqualTo("OPEN");
        assertThat(year.json().path("indicators")).hasSize(28);
        assertThat(item(year.json(), "CORE_COURSES").path("target").decimalValue()).isEqualByComparingTo("10");
        assertThat(year.json().path("closesAt").asString()).isEqualTo("2024-12-15T15:59:59Z");
    }

    @Test
    void aBatchSaveIsVersionedAndAnsweredOncePerIdempotencyKey() {
        Map<String, Object> batch = Map.of("values", List.of(value("CORE_COURSES", 12), value("ORDER_TRAINING", 95),
                Map.of("code", "INNOVATION_CENTER_FUNDING", "value", "88.5",
                        "evidence", List.of(Map.of("attachmentId", "att-1", "name", "经费凭证.pdf")), "note", "含设备")));
        ApiResponse saved = save(batch, "\"0\"", "k-1");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.header("ETag")).contains("\"1\"");
        assertThat(saved.json().path("saved").asInt()).isEqualTo(3);
        assertThat(saved.json().path("warnings")).isEmpty();

        ApiResponse replay = save(batch, "\"0\"", "k-1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).contains("true");
        assertThat(replay.json().path("version").asLong()).isEqualTo(1);

        ApiResponse reused = save(Map.of("values", List.of(value("CORE_COURSES", 13))), "\"1\"", "k-1");
        assertThat(reused.isProblem(409)).as(reused.toString()).isTrue();

        ApiResponse stale = save(Map.of("values", List.of(value("CORE_COURSES", 13))), "\"0\"", "k-2");
        assertThat(stale.isProblem(412)).as(stale.toString()).isTrue();
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(1);

        ApiResponse year = api.get(year2024).bearer(user).send();
        assertThat(year.json().path("version").asLong()).isEqualTo(1);
        assertThat(item(year.json(), "CORE_COURSES").path("value").decimalValue()).isEqualByComparingTo("12");
        assertThat(item(year.json(), "INNOVATION_CENTER_FUNDING").path("evidence").get(0).path("attachmentId").asString())
                .isEqualTo("att-1");
        assertThat(item(year.json(), "INNOVATION_CENTER_FUNDING").path("note").asString()).isEqualTo("含设备");
        assertThat(year.json().path("entered").asInt()).isEqualTo(3);
    }

    @Test
    void aSaveWithoutIfMatchOrIdempotencyKeyIsRefused() {
        Map<String, Object> batch = Map.of("values", List.of(value("CORE_COURSES", 1)));
        assertThat(save(batch, null, "k-x").isProblem(428)).isTrue();
        assertThat(save(batch, "\"0\"", null).isProblem(400)).isTrue();
        assertThat(count("select count(*) from platform_year where platform_id = ?", approved.platformId())).isZero();
    }

    @Test
    void badValuesAreA400NamingEachOneAndNothingIsSaved() {
        save(Map.of("values", List.of(value("CORE_COURSES", 5))), "\"0\"", UUID.randomUUID().toString());
        ApiResponse bad = api.put(year2024 + "/values").bearer(user).header("If-Match", "\"1\"")
                .header("Idempotency-Key", UUID.randomUUID().toString()).english()
                .json(Map.of("values", List.of(value("CORE_COURSES", -3), value("ORDER_TRAINING", 1.5),
                        value("NO_SUCH_CODE", 1), value("MEMBER_COUNT", 9), value("TEACHING_EQUIPMENT", "abc"))))
                .send();
        assertThat(bad.isProblem(400)).as(bad.toString()).isTrue();
        JsonNode errors = bad.json().path("errors");
        assertThat(errors).hasSize(5);
        assertThat(errors.valueStream().map(error -> error.path("field").asString()).toList()).containsExactly(
                "values[0].value", "values[1].value", "values[2].code", "values[3].code", "values[4].value");
        assertThat(errors.get(2).path("message").asString()).contains("NO_SUCH_CODE");
        assertThat(errors.get(1).path("message").asString()).contains("whole numbers");
        ApiResponse year = api.get(year2024).bearer(user).send();
        assertThat(year.json().path("version").asLong()).isEqualTo(1);
        assertThat(item(year.json(), "CORE_COURSES").path("value").decimalValue()).isEqualByComparingTo("5");
    }

    @Test
    void implausibleValuesAreSavedWithWarnings() {
        ApiResponse saved = save(Map.of("values", List.of(value("CORE_COURSES", 31), value("ORDER_TRAINING", 20))),
                "\"0\"", UUID.randomUUID().toString());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("warnings").valueStream().map(w -> w.path("code").asString()).toList())
                .containsExactlyInAnyOrder("warning.farAboveTarget", "warning.farBelowTarget");
        assertThat(saved.json().path("warnings").get(0).path("message").asString()).contains("请核实");
    }

    @Test
    void onlyTheLeadOrganisationsUsersEnterValues() {
        Map<String, Object> batch = Map.of("values", List.of(value("CORE_COURSES", 1)));
        ApiResponse stranger = api.put(year2024 + "/values").bearer(platformUser(UUID.randomUUID())).header("If-Match", "\"0\"")
                .header("Idempotency-Key", "s-1").json(batch).send();
        assertThat(stranger.isProblem(403)).as(stranger.toString()).isTrue();
        ApiResponse reviewer = api.put(year2024 + "/values").bearer(reviewer("140000")).header("If-Match", "\"0\"")
                .header("Idempotency-Key", "r-1").json(batch).send();
        assertThat(reviewer.isProblem(403)).isTrue();
        assertThat(api.get(year2024).bearer(platformUser(UUID.randomUUID())).send().isProblem(403)).isTrue();
        assertThat(api.get(year2024).bearer(reviewer("140000")).send().status()).isEqualTo(200);
        assertThat(count("select count(*) from platform_year where platform_id = ?", approved.platformId())).isZero();
    }

    @Test
    void submittingPublishesIndicatorDataSubmittedAndLocksTheYear() {
        save(Map.of("values", List.of(value("CORE_COURSES", 9), value("ORDER_TRAINING", 90))), "\"0\"", UUID.randomUUID().toString());
        ApiResponse submitted = api.post(year2024 + "/submission").bearer(user).header("If-Match", "\"1\"")
                .header("Idempotency-Key", "submit-" + approved.platformId()).send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().path("status").asString()).isEqualTo("SUBMITTED");
        String platformYearId = submitted.json().path("platformYearId").asString();
        ApiResponse again = api.post(year2024 + "/submission").bearer(user).header("If-Match", "\"1\"")
                .header("Idempotency-Key", "submit-" + approved.platformId()).send();
        assertThat(again.header("Idempotent-Replayed")).contains("true");

        var events = published(Topics.INDICATOR, record -> platformYearId.equals(record.key()), 2);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).value()).contains("IndicatorDataSubmitted").contains("\"values\":2");

        ApiResponse late = api.put(year2024 + "/values").bearer(user).header("If-Match", "\"2\"")
                .header("Idempotency-Key", UUID.randomUUID().toString()).english()
                .json(Map.of("values", List.of(value("CORE_COURSES", 10)))).send();
        assertThat(late.isProblem(409)).as(late.toString()).isTrue();
        assertThat(late.json().path("detail").asString()).contains("submitted");
        assertThat(late.json().path("state").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void savingOutsideTheWindowIsRefusedAndChangesNothing() {
        clock.setBeijing("2024-12-16T00:00:00");
        ApiResponse closed = save(Map.of("values", List.of(value("CORE_COURSES", 1))), "\"0\"", UUID.randomUUID().toString());
        assertThat(closed.isProblem(409)).as(closed.toString()).isTrue();
        assertThat(closed.json().path("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().path("detail").asString()).contains("2024-12-15 23:59:59");
        clock.setBeijing("2024-10-31T23:59:59");
        ApiResponse early = save(Map.of("values", List.of(value("CORE_COURSES", 1))), "\"0\"", UUID.randomUUID().toString());
        assertThat(early.isProblem(409)).isTrue();
        assertThat(early.json().path("state").asString()).isEqualTo("NOT_YET_OPEN");
        assertThat(count("select count(*) from indicator_value v join platform_year y on y.id = v.platform_year_id "
                + "where y.platform_id = ?", approved.platformId())).isZero();
    }

    @Test
    void anAuthorityReopensAPastYearAndATenfoldJumpAgainstItIsWarned() {
        ApiResponse reopened = api.post(BASE + "/platforms/" + approved.platformId() + "/years/2023/reopening")
                .bearer(programmeAdmin("140000"))
                .json(Map.of("reason", "补报2023年数据", "deadline", "2024-11-30T23:59:59+08:00")).send();
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        assertThat(reopened.json().path("state").asString()).isEqualTo("REOPENED");
        String version = reopened.header("ETag").orElseThrow();
        ApiResponse past = api.put(BASE + "/platforms/" + approved.platformId() + "/years/2023/values").bearer(user)
                .header("If-Match", version).header("Idempotency-Key", UUID.randomUUID().toString())
                .json(Map.of("values", List.of(value("PRACTICE_PROJECTS", 3)))).send();
        assertThat(past.status()).as(past.toString()).isEqualTo(200);

        ApiResponse jump = save(Map.of("values", List.of(value("PRACTICE_PROJECTS", 31))), "\"0\"", UUID.randomUUID().toString());
        assertThat(jump.json().path("warnings").valueStream().map(w -> w.path("code").asString()).toList())
                .containsExactly("warning.jumpUp");

        var events = published(Topics.INDICATOR, record -> record.value().contains("CollectionReopened")
                && record.value().contains(approved.platformId().toString()), 1);
        assertThat(events).hasSize(1);
        assertThat(api.post(BASE + "/platforms/" + approved.platformId() + "/years/2023/reopening").bearer(reviewer("330000"))
                .json(Map.of("reason", "x", "deadline", "2024-11-30T23:59:59+08:00")).send().isProblem(403)).isTrue();
        assertThat(api.post(BASE + "/platforms/" + approved.platformId() + "/years/2024/reopening").bearer(reviewer("140000"))
                .json(Map.of("reason", "x", "deadline", "2024-11-30T23:59:59+08:00")).send().isProblem(409)).isTrue();
    }

    private ApiResponse save(Object batch, String ifMatch, String key) {
        var call = api.put(year2024 + "/values").bearer(user).json(batch);
        if (ifMatch != null) {
            call.header("If-Match", ifMatch);
        }
        if (key != null) {
            call.header("Idempotency-Key", key);
        }
        return call.send();
    }

    private static JsonNode item(JsonNode year, String code) {
        return year.path("indicators").valueStream().filter(item -> item.path("code").asString().equals(code))
                .findFirst().orElseThrow();
    }
}
