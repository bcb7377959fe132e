package cn.chanjiao.kit.security;

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

/** Tokens shaped like Keycloak's are validated, read into roles and scope, and refused when bad. */
@ServiceIntegrationTest
class ResourceServerIT {

    private static final String CALLER = "/api/v1/kit-sample/caller";
    private static final String SHANXI_EDUCATION_ONLY = "/api/v1/kit-sample/authorities";

    @LocalServerPort
    int port;

    private final TestJwtIssuer issuer = TestJwtIssuer.get();
    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    @Test
    void realmRolesAndOurClaimsBecomeTheCaller() {
        UUID organisation = UUID.randomUUID();
        String token = issuer.user("zhang.wei").roles("applicant", "org-admin").organisation(organisation)
                .authority("140100").mint();

        JsonNode caller = api.get(CALLER).bearer(token).send().json();

        assertThat(caller.path("username").asString()).isEqualTo("zhang.wei");
        assertThat(caller.path("roles").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("applicant", "org-admin");
        assertThat(caller.path("organisationId").asString()).isEqualTo(organisation.toString());
        assertThat(caller.path("authorityCode").asString()).isEqualTo("140100");
        assertThat(caller.path("serviceAccount").asBoolean()).isFalse();
    }

    @Test
    void aClientCredentialsTokenIsAServiceAccountScopedToItsProvince() {
        String token = issuer.client("integration-shanxi").roles("integration").authority("140000").mint();

        JsonNode caller = api.get(CALLER).bearer(token).send().json();

        assertThat(caller.path("serviceAccount").asBoolean()).isTrue();
        assertThat(caller.path("clientId").asString()).isEqualTo("integration-shanxi");
        assertThat(caller.path("authorityCode").asString()).isEqualTo("140000");
    }

    @Test
    void authorityAndDepartmentClaimsScopeWhatAReviewerMayDo() {
        String shanxiEducation = issuer.user("li").roles("reviewer").authority("140000").department("education").mint();
        String hangzhouReform = issuer.user("wang").roles("reviewer").authority("330100").department("development-reform").mint();
        String applicant = issuer.user("zhao").roles("applicant").authority("140000").department("education").mint();

        assertThat(api.get(SHANXI_EDUCATION_ONLY).bearer(shanxiEducation).send().status()).isEqualTo(200);
        assertThat(api.get(SHANXI_EDUCATION_ONLY).bearer(hangzhouReform).send().isProblem(403)).isTrue();
        ApiResponse forbidden = api.get(SHANXI_EDUCATION_ONLY).bearer(applicant).english().send();
        assertThat(forbidden.isProblem(403)).isTrue();
        assertThat(forbidden.json().path("title").asString()).isEqualTo("Forbidden");
    }

    @Test
    void withoutATokenTheAnswerIsA401ProblemWithABearerChallenge() {
        ApiResponse response = api.get(CALLER).send();

        assertThat(response.isProblem(401)).as(response.toString()).isTrue();
        assertThat(response.json().path("title").asString()).isEqualTo("未认证");
        assertThat(response.json().path("requestId").asString()).isNotBlank();
        assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(api.get(CALLER).english().send().json().path("detail").asString())
                .isEqualTo("Sign in or provide a valid access token.");
    }

    @Test
    void expiredForgedAndForeignTokensAreRefused() {
        assertThat(api.get(CALLER).bearer(issuer.user("a").roles("applicant").expired().mint()).send().isProblem(401)).isTrue();
        assertThat(api.get(CALLER).bearer(issuer.user("a").roles("applicant").signedByStranger().mint()).send().isProblem(401)).isTrue();
        assertThat(api.get(CALLER).bearer(issuer.user("a").roles("applicant").issuer("http://elsewhere/realms/x").mint())
                .send().isProblem(401)).isTrue();
        assertThat(api.get(CALLER).bearer("not-a-jwt").send().isProblem(401)).isTrue();
    }

    @Test
    void theOutboxAdministrationIsForPlatformAdminsOnly() {
        String path = "/api/v1/kit-sample/admin/event-publications";

        assertThat(api.get(path).bearer(issuer.user("root").roles("platform-admin").mint()).send().status()).isEqualTo(200);
        assertThat(api.get(path).bearer(issuer.user("a").roles("applicant").mint()).send().isProblem(403)).isTrue();
        assertThat(api.get(path).send().isProblem(401)).isTrue();
    }

    @Test
    void healthProbesAndApiDocsAreOpenAndTheRequestIdIsEchoed() {
        ApiResponse readiness = api.get("/actuator/health/readiness").header("X-Request-Id", "probe-1").send();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.header("X-Request-Id")).contains("probe-1");
        assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").send().json().path("components").propertyNames())
                .contains("db", "kafka", "readinessState", "livenessState");

        ApiResponse docs = api.get("/v3/api-docs").send();
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("components").path("securitySchemes").path("keycloak-bearer").path("scheme").asString())
                .isEqualTo("bearer");
        assertThat(api.get("/actuator/metrics").send().isProblem(401)).isTrue();
        assertThat(api.get(CALLER).header("X-Request-Id", "bad id with spaces").send().header("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).doesNotContain(" "));
    }
}
