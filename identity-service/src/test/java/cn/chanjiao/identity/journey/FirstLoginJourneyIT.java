package cn.chanjiao.identity.journey;

import cn.chanjiao.identity.support.KeycloakInspector;
import cn.chanjiao.identity.support.RealKeycloakInitializer;
import cn.chanjiao.identity.support.Requests;
import cn.chanjiao.identity.support.TestCodes;
import cn.chanjiao.testkit.engine.KeycloakServer;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.http.ApiClient;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import cn.chanjiao.testkit.spring.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The way a new lead unit goes, with real Keycloak tokens only: it registers, its org admin logs in
 * with the password it chose, its token carries the organisation and the authority, a programme
 * admin of the province (the realm's demo user) verifies it, and the org admin invites a colleague.
 * And a platform admin gives a provincial platform its client, which reads that province only.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = RealKeycloakInitializer.OPT_OUT + "=custom")
class FirstLoginJourneyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEMO_PASSWORD = "chanjiao-demo";

    @DynamicPropertySource
    static void realKeycloakForEverything(DynamicPropertyRegistry registry) {
        String keycloak = TestEngines.keycloakUrl();
        String issuer = keycloak + "/realms/" + KeycloakServer.REALM;
        registry.add("chanjiao.identity.keycloak.url", () -> keycloak);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> issuer + "/protocol/openid-connect/certs");
    }

    @LocalServerPort
    int port;

    private final KeycloakServer keycloak = TestEngines.keycloak();
    private static final KeycloakInspector inspector = new KeycloakInspector(TestEngines::keycloak);
    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    @Test
    void aNewLeadUnitGetsFromRegistrationToItsFirstTokenAndIsVerified() {
        String username = TestCodes.username("journey");
        ApiResponse registered = api.post("/api/v1/public/identity/registrations")
                .header("Idempotency-Key", "journey-" + UUID.randomUUID())
                .json(Requests.enterpriseRegistration(TestCodes.uscc(), username)).send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String organisation = registered.json().path("organisation").path("id").asString();

        String token = keycloak.userToken(username, Requests.PASSWORD);

        JsonNode claims = claims(token);
        assertThat(claims.path("org_id").asString()).isEqualTo(organisation);
        assertThat(claims.path("authority_code").asString()).isEqualTo("140100");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("org-admin", "applicant");
        JsonNode me = api.get("/api/v1/identity/me").bearer(token).send().json();
        assertThat(me.path("organisationId").asString()).isEqualTo(organisation);
        ApiResponse own = api.get("/api/v1/identity/organisations/" + organisation).bearer(token).send();
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().path("status").asString()).isEqualTo("PENDING");

        String hangzhouAdmin = keycloak.userToken("programme-admin-hangzhou", DEMO_PASSWORD);
        ApiResponse outside = api.post("/api/v1/identity/organisations/" + organisation + "/verification").bearer(hangzhouAdmin).send();
        assertThat(outside.isProblem(403)).as(outside.toString()).isTrue();

        String shanxiAdmin = keycloak.userToken("programme-admin-shanxi", DEMO_PASSWORD);
        ApiResponse verified = api.post("/api/v1/identity/organisations/" + organisation + "/verification").bearer(shanxiAdmin).send();
        assertThat(verified.json().path("status").asString()).as(verified.toString()).isEqualTo("VERIFIED");
        assertThat(verified.json().path("canLeadApplications").asBoolean()).isTrue();

        String colleague = TestCodes.username("colleague");
        ApiResponse invited = api.post("/api/v1/identity/organisations/" + organisation + "/users").bearer(token)
                .json(Requests.person(colleague)).send();
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(inspector.attribute(inspector.user(colleague).orElseThrow(), "org_id")).isEqualTo(organisation);
    }

    @Test
    void aPlatformAdminGivesAProvincialPlatformAClientThatReadsOnlyItsProvince() {
        String platformAdmin = keycloak.userToken("platform-admin", DEMO_PASSWORD);
        String taiyuan = api.post("/api/v1/public/identity/registrations")
                .json(Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("tyent"))).send()
                .json().path("organisation").path("id").asString();
        String hangzhou = api.post("/api/v1/public/identity/registrations")
                .json(Requests.schoolRegistration(TestCodes.schoolCode(), TestCodes.username("hzsch"))).send()
                .json().path("organisation").path("id").asString();
        String clientId = "integration-test-" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> request = Map.of("clientId", clientId, "name", "山西省产教融合信息平台（测试）", "provinceCode", "140000");

        // the realm grants identity-service's admin client manage-clients (deploy/keycloak/realm.json);
        // Keycloak refusing it is KeycloakFaultsIT.keycloakRefusingOurAdminClientIsA503
        ApiResponse created = api.post("/api/v1/identity/integration-clients").bearer(platformAdmin).json(request).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.json().path("secret").asString();

        String client = keycloak.clientToken(clientId, secret);
        assertThat(claims(client).path("authority_code").asString()).isEqualTo("140000");
        assertThat(api.get("/api/v1/identity/organisations/" + taiyuan).bearer(client).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/identity/organisations/" + hangzhou).bearer(client).send().isProblem(403)).isTrue();
        assertThat(api.get("/api/v1/identity/integration-clients").bearer(platformAdmin).send().body()).contains(clientId);
        assertThat(api.get("/api/v1/identity/integration-clients").bearer(client).send().isProblem(403)).isTrue();
    }

    private static JsonNode claims(String token) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
