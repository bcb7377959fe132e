package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.support.IntegrationTestBase;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Saving parts of a draft: versions, concurrent editors, and bad input refused with nothing changed. */
class FormEditingIT extends IntegrationTestBase {

    private FormDriver form;
    private String token;

    @BeforeEach
    void aDraftOfAHangzhouCommunity() {
        UUID enterprise = identity.organisation("ENTERPRISE").region("330106").register();
        token = applicant(enterprise);
        form = new FormDriver(api, token);
        assertThat(form.create(programmeId("HZ-PLATFORMS-2024"), PlatformType.INDUSTRY_COMMUNITY).status()).isEqualTo(201);
    }

    @Test
    void aSaveReturnsTheNextVersionAsETag() {
        ApiResponse saved = form.put("sections/OVERALL_APPROACH", "{\"text\":\"建设思路\"}");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.header("ETag")).contains("\"2\"");
        assertThat(saved.json().path("sections").get(0).path("characters").asInt()).isEqualTo(4);
    }

    @Test
    void aSaveWithoutIfMatchIsRefusedAsPreconditionRequired() {
        ApiResponse refused = api.put("/api/v1/applications/" + form.id() + "/sections/OVERALL_APPROACH").bearer(token)
                .json("{\"text\":\"建设思路\"}").send();

        assertThat(refused.isProblem(428)).as(refused.toString()).isTrue();
    }

    @Test
    void ofTwoEditorsStartingFromTheSameVersionTheSecondGets412WithTheCurrentVersionAndLosesNothing() {
        String started = form.etag();
        ApiResponse first = api.put("/api/v1/applications/" + form.id() + "/sections/OVERALL_APPROACH").bearer(token)
                .header("If-Match", started).json("{\"text\":\"第一位编辑的内容\"}").send();
        ApiResponse second = api.put("/api/v1/applications/" + form.id() + "/sections/OVERALL_APPROACH").bearer(token)
                .header("If-Match", started).json("{\"text\":\"第二位编辑的内容\"}").send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.isProblem(412)).as(second.toString()).isTrue();
        assertThat(second.json().path("currentVersion").asLong()).isEqualTo(2);
        assertThat(second.header("ETag")).contains("\"2\"");
        assertThat(form.get().json().path("sections").get(0).path("text").asString()).isEqualTo("第一位编辑的内容");
    }

    @Test
    void ofEightEditorsSavingAtOnceFromTheSameVersionExactlyOneWins() throws Exception {
        String started = form.etag();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiResponse>> saves = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                String text = "{\"text\":\"编辑" + i + "\"}";
                Callable<ApiResponse> save = () -> {
                    go.await();
                    return api.put("/api/v1/applications/" + form.id() + "/sections/MANAGEMENT_MECHANISM").bearer(token)
                            .header("If-Match", started).json(text).send();
                };
                saves.add(pool.submit(save));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiResponse> save : saves) {
                statuses.add(save.get().status());
            }

            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
            assertThat(form.get().json().path("version").asLong()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSectionOverItsLimitIsRefusedNamingTheSectionAndTheCount() {
        ApiResponse refused = form.put("sections/SUPPORT", "{\"text\":\"" + "保".repeat(498) + " 障𠀀支\"}");

        assertThat(refused.isProblem(400)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("detail").asString()).isEqualTo("“保障支持”共 501 字，超过 500 字的上限。");
        assertThat(form.get().json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void theLimitCountsCharactersNotBytesOrCodeUnits() {
        ApiResponse saved = form.put("sections/SUPPORT", "{\"text\":\"" + "𠀀".repeat(500) + "\"}");

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    @Test
    void anUnknownSectionIsRefused() {
        assertThat(form.put("sections/NO_SUCH", "{\"text\":\"x\"}").isProblem(400)).isTrue();
    }

    @Test
    void badPlanValuesAreRefusedEachWithItsOwnMessageAndNothingIsSaved() {
        ApiResponse refused = api.put("/api/v1/applications/" + form.id() + "/plan").bearer(token).english()
                .header("If-Match", form.etag()).json("""
                        {"values":[
                          {"indicator":"CORE_COURSES","year":2024,"value":-3},
                          {"indicator":"CORE_COURSES","year":2025,"value":"many"},
                          {"indicator":"CORE_COURSES","year":2023,"value":1},
                          {"indicator":"NO_SUCH_ROW","year":2024,"value":1},
                          {"indicator":"ORDER_TRAINING","year":2024,"value":2.5},
                          {"indicator":"PRACTICE_PROJECTS","year":2024,"value":4}
                        ]}""").send();

        assertThat(refused.isProblem(400)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("errors").valueStream().map(e -> e.path("code").asString()).toList())
                .containsExactly("rule.plan.negative", "rule.plan.notNumber", "rule.plan.year", "rule.plan.unknownIndicator",
                        "rule.plan.integer");
        assertThat(refused.json().path("errors").get(1).path("message").asString())
                .isEqualTo("The value \"many\" of indicator \"开发专业核心课程数量\" for 2025 is not a number.");
        assertThat(form.get().json().path("plan").size()).isZero();
    }

    @Test
    void aPercentAboveHundredIsRefused() {
        UUID park = identity.organisation("INDUSTRIAL_PARK").region("330106").register();
        FormDriver consortium = new FormDriver(api, applicant(park));
        consortium.create(programmeId("HZ-PLATFORMS-2024"), PlatformType.CITY_CONSORTIUM);

        ApiResponse refused = consortium.put("plan", "{\"values\":[{\"indicator\":\"EMPLOYMENT_RATE\",\"year\":2024,\"value\":101}]}");

        assertThat(refused.isProblem(400)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("type").asString()).endsWith("rule.plan.percent");
    }

    @Test
    void aPartialPlanIsSavedAndReadBack() {
        ApiResponse saved = form.put("plan", "{\"values\":[{\"indicator\":\"INNOVATION_CENTER_FUNDING\",\"year\":2024,"
                + "\"value\":\"1250.50\"},{\"indicator\":\"CORE_COURSES\",\"year\":2026,\"value\":12}]}");

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("plan").toString()).contains("\"indicator\":\"CORE_COURSES\",\"year\":2026,\"value\":12",
                "\"indicator\":\"INNOVATION_CENTER_FUNDING\",\"year\":2024,\"value\":1250.5");
    }

    @Test
    void badBasicInformationIsAValidationProblemNamingTheField() {
        ApiResponse refused = form.put("basic-info", "{\"name\":\"共同体\",\"headPhone\":\"12345\",\"recommendingRegionCode\":\"3301\"}");

        assertThat(refused.isProblem(400)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactlyInAnyOrder("headPhone", "recommendingRegionCode");
    }

    @Test
    void aRecommendingDistrictOutsideHangzhouIsRefusedWhenSaved() {
        ApiResponse refused = form.put("basic-info", "{\"recommendingRegionCode\":\"330206\"}");

        assertThat(refused.isProblem(400)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("type").asString()).endsWith("rule.recommendation.outside");
    }

    @Test
    void aParticipantWithAnInvalidCreditCodeIsRefused() {
        ApiResponse refused = form.put("participants", "{\"participants\":[{\"type\":\"SCHOOL\",\"name\":\"某职业学院\","
                + "\"regionCode\":\"330106\",\"code\":\"91350100M000100Y44\"}]}");

        assertThat(refused.isProblem(400)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("detail").asString()).contains("某职业学院", "91350100M000100Y44");
    }

    @Test
    void anAnswerIsInEnglishWhenAskedFor() {
        ApiResponse refused = api.put("/api/v1/applications/" + form.id() + "/sections/SUPPORT").bearer(token).english()
                .header("If-Match", form.etag()).json("{\"text\":\"" + "保".repeat(501) + "\"}").send();

        assertThat(refused.json().path("detail").asString()).isEqualTo("\"保障支持\" has 501 characters, over its limit of 500.");
    }
}
