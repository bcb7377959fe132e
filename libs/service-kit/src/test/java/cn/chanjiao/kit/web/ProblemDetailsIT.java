package cn.chanjiao.kit.web;

import cn.chanjiao.testkit.http.ApiClient;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import cn.chanjiao.testkit.security.TestJwtIssuer;
import cn.chanjiao.testkit.spring.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error a service can answer, as a localized RFC 9457 problem detail. */
@ServiceIntegrationTest
class ProblemDetailsIT {

    private static final String FORMS = "/api/v1/kit-sample/forms";

    @LocalServerPort
    int port;

    private ApiClient api;
    private String applicant;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://127.0.0.1:" + port);
        applicant = TestJwtIssuer.get().user("applicant").roles("applicant").organisation(UUID.randomUUID()).mint();
    }

    @Test
    void invalidFieldsAreA400NamingEachFieldInChineseByDefault() {
        ApiResponse response = api.post(FORMS).bearer(applicant).json("{\"name\":\"\",\"year\":2000}").send();

        assertThat(response.isProblem(400)).as(response.toString()).isTrue();
        JsonNode problem = response.json();
        assertThat(problem.path("title").asString()).isEqualTo("请求有误");
        assertThat(problem.path("detail").asString()).contains("2 处");
        assertThat(problem.path("errors")).hasSize(2);
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "year");
        assertThat(problem.path("errors").findValuesAsString("message")).contains("不能为空白", "不能小于 2023");
        assertThat(problem.path("instance").asString()).isEqualTo(FORMS);
        assertThat(response.header("Content-Language")).contains("zh-CN");
    }

    @Test
    void invalidFieldsAreExplainedInEnglishOnRequest() {
        ApiResponse response = api.post(FORMS).bearer(applicant).english().json("{\"name\":\"far too long a name\",\"year\":2024}").send();

        assertThat(response.isProblem(400)).as(response.toString()).isTrue();
        assertThat(response.json().path("title").asString()).isEqualTo("Bad request");
        assertThat(response.json().path("errors").get(0).path("message").asString()).isEqualTo("length must be between 0 and 10");
        assertThat(response.json().path("errors").get(0).path("rejectedValue").asString()).isEqualTo("far too long a name");
    }

    @Test
    void malformedJsonIsA400() {
        ApiResponse response = api.post(FORMS).bearer(applicant).json("{\"name\":").send();

        assertThat(response.isProblem(400)).as(response.toString()).isTrue();
        assertThat(response.json().path("detail").asString()).contains("JSON");
    }

    @Test
    void aParameterOfTheWrongShapeIsA400NamingIt() {
        String admin = TestJwtIssuer.get().user("admin").roles("platform-admin").mint();

        ApiResponse response = api.get("/api/v1/kit-sample/admin/event-publications?olderThan=soon").bearer(admin).send();

        assertThat(response.isProblem(400)).as(response.toString()).isTrue();
        assertThat(response.json().path("detail").asString()).contains("olderThan", "soon");
    }

    @Test
    void anUnknownThingIsA404WithTheServicesOwnMessage() {
        ApiResponse response = api.get(FORMS + "/f-17").bearer(applicant).send();

        assertThat(response.isProblem(404)).as(response.toString()).isTrue();
        assertThat(response.json().path("detail").asString()).isEqualTo("找不到表单 f-17。");
        assertThat(response.json().path("type").asString()).isEqualTo("urn:chanjiao:problem:sample.notFound");
    }

    @Test
    void anUnknownPathIsA404Problem() {
        assertThat(api.get("/api/v1/kit-sample/nothing-here").bearer(applicant).send().isProblem(404)).isTrue();
    }

    @Test
    void aDuplicateIsA409CarryingWhatTheClientNeeds() {
        ApiResponse response = api.post("/api/v1/kit-sample/codes/91140100MA0K1234XY").bearer(applicant).english().send();

        assertThat(response.isProblem(409)).as(response.toString()).isTrue();
        assertThat(response.json().path("detail").asString()).isEqualTo("Code 91140100MA0K1234XY is registered already.");
        assertThat(response.json().path("existingName").asString()).isEqualTo("太原重工股份有限公司");
    }

    @Test
    void editsWithoutOrWithAStaleVersionAreRefused() {
        assertThat(api.put(FORMS + "/1").bearer(applicant).send().isProblem(428)).isTrue();

        ApiResponse stale = api.put(FORMS + "/1").bearer(applicant).header("If-Match", "\"1\"").send();
        assertThat(stale.isProblem(412)).as(stale.toString()).isTrue();
        assertThat(stale.json().path("detail").asString()).contains("\"1\"", "\"3\"");

        ApiResponse concurrent = api.put(FORMS + "/1").bearer(applicant).header("If-Match", "\"3\"").send();
        assertThat(concurrent.isProblem(409)).as(concurrent.toString()).isTrue();
        assertThat(concurrent.json().path("detail").asString()).contains("已被他人修改");
    }

    @Test
    void anUnsupportedContentTypeIsA415() {
        ApiResponse response = api.post(FORMS).bearer(applicant).body("text/plain", "name=x".getBytes()).send();

        assertThat(response.isProblem(415)).as(response.toString()).isTrue();
        assertThat(response.json().path("title").asString()).isEqualTo("不支持的内容类型");
    }

    @Test
    void anUploadOverTheLimitIsA413() {
        String boundary = "kit-sample-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + "x".repeat(5000) + "\r\n--" + boundary + "--\r\n";

        ApiResponse response = api.post("/api/v1/kit-sample/uploads").bearer(applicant)
                .body("multipart/form-data; boundary=" + boundary, body.getBytes()).send();

        assertThat(response.isProblem(413)).as(response.toString()).isTrue();
    }

    @Test
    void anUnsupportedMethodIsA405() {
        assertThat(api.method("DELETE", FORMS).bearer(applicant).send().isProblem(405)).isTrue();
    }

    @Test
    void aFaultOfOursIsA500ThatTellsNoInternalsButTheRequestId() {
        ApiResponse response = api.get("/api/v1/kit-sample/boom").bearer(applicant).header("X-Request-Id", "req-42").send();

        assertThat(response.isProblem(500)).as(response.toString()).isTrue();
        assertThat(response.body()).doesNotContain("secret internals");
        assertThat(response.json().path("requestId").asString()).isEqualTo("req-42");
        assertThat(response.header("X-Request-Id")).contains("req-42");
    }

    @Test
    void aBusyDatabaseIsA503WithRetryAfterNotA500() {
        ApiResponse response = api.get("/api/v1/kit-sample/busy").bearer(applicant).send();

        assertThat(response.isProblem(503)).as(response.toString()).isTrue();
        assertThat(response.header("Retry-After")).contains("5");
        assertThat(response.body()).doesNotContain("secret internals").contains("Idempotency-Key");
    }
}
