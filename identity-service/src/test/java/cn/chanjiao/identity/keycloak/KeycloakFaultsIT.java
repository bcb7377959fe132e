package cn.chanjiao.identity.keycloak;

import cn.chanjiao.identity.support.RealKeycloakInitializer;
import cn.chanjiao.identity.provisioning.ProvisioningAttempts;
import cn.chanjiao.identity.support.Requests;
import cn.chanjiao.identity.support.TestCodes;
import cn.chanjiao.testkit.engine.KraftBroker;
import cn.chanjiao.testkit.http.ApiClient;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import cn.chanjiao.testkit.spring.ServiceIntegrationTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak down, slow, failing half way or refusing us, played by WireMock in front of its admin
 * API: every time a clear 503 problem, and nothing half-created — what Keycloak may have created is
 * deleted again, now or by the sweeper.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = { RealKeycloakInitializer.OPT_OUT + "=custom",
        "chanjiao.identity.keycloak.connect-timeout=PT1S", "chanjiao.identity.keycloak.read-timeout=PT1S" })
class KeycloakFaultsIT {

    private static final String REALM = "/admin/realms/chanjiao";
    private static final WireMockServer KEYCLOAK = new WireMockServer(options().port(KraftBroker.freePort()));

    static {
        KEYCLOAK.start();
    }

    @DynamicPropertySource
    static void keycloakBehindWireMock(DynamicPropertyRegistry registry) {
        registry.add("chanjiao.identity.keycloak.url", KEYCLOAK::baseUrl);
    }

    @AfterAll
    static void stopWireMock() {
        KEYCLOAK.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProvisioningAttempts attempts;
    @Autowired
    Resilience4JCircuitBreakerFactory breakers;

    private ApiClient api;

    @BeforeEach
    void healthyKeycloak() {
        if (!KEYCLOAK.isRunning()) {
            KEYCLOAK.start();
        }
        KEYCLOAK.resetAll();
        KEYCLOAK.stubFor(post(urlEqualTo("/realms/chanjiao/protocol/openid-connect/token"))
                .willReturn(okJson("{\"access_token\":\"admin-token\",\"expires_in\":300,\"token_type\":\"Bearer\"}")));
        KEYCLOAK.stubFor(get(urlPathEqualTo(REALM + "/roles/org-admin"))
                .willReturn(okJson("{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"org-admin\"}")));
        KEYCLOAK.stubFor(get(urlPathEqualTo(REALM + "/roles/applicant"))
                .willReturn(okJson("{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"applicant\"}")));
        KEYCLOAK.stubFor(get(urlPathEqualTo(REALM + "/users")).willReturn(okJson("[]")));
        breakers.getCircuitBreakerRegistry().circuitBreaker("keycloak").reset();
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    @Test
    void keycloakDownIsA503ProblemAndNothingIsWritten() {
        Counts before = counts();
        KEYCLOAK.stop();
        try {
            // the first call may go out on a pooled connection the stopped server had accepted: whether
            // Keycloak got it is unknown, so identity-service keeps a note to compensate later
            ApiResponse first = register();
            Counts afterFirst = counts();
            // now nothing answers at all: nothing is written, not even a note
            ApiResponse second = register();

            assertThat(first.isProblem(503)).as(first.toString()).isTrue();
            assertThat(second.isProblem(503)).as(second.toString()).isTrue();
            assertThat(second.json().path("type").asString()).isEqualTo("urn:chanjiao:problem:keycloakUnavailable");
            assertThat(second.header("Retry-After")).contains("30");
            assertThat(afterFirst.organisations()).isEqualTo(before.organisations());
            assertThat(afterFirst.accounts()).isEqualTo(before.accounts());
            assertThat(counts()).isEqualTo(afterFirst);
        } finally {
            KEYCLOAK.start();
        }
        // Keycloak is back: the sweeper finds no user of the noted attempt and forgets it
        jdbc.update("update provisioning_attempt set updated_at = now() - interval '1 hour' where status = 'IN_PROGRESS'");
        attempts.sweep();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void keycloakDownIsAnEnglishProblemForAnEnglishCaller() {
        KEYCLOAK.stop();
        try {
            ApiResponse response = api.post("/api/v1/public/identity/registrations").english()
                    .json(Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("en"))).send();

            assertThat(response.isProblem(503)).isTrue();
            assertThat(response.json().path("detail").asString()).contains("Keycloak", "try again");
        } finally {
            KEYCLOAK.start();
        }
    }

    @Test
    void keycloakFailingHalfWayDeletesTheUserItCreated() {
        UUID created = UUID.randomUUID();
        KEYCLOAK.stubFor(post(urlEqualTo(REALM + "/users")).willReturn(aResponse().withStatus(201)
                .withHeader("Location", KEYCLOAK.baseUrl() + REALM + "/users/" + created)));
        KEYCLOAK.stubFor(post(urlEqualTo(REALM + "/users/" + created + "/role-mappings/realm"))
                .willReturn(aResponse().withStatus(500)));
        KEYCLOAK.stubFor(delete(urlEqualTo(REALM + "/users/" + created)).willReturn(aResponse().withStatus(204)));
        Counts before = counts();

        ApiResponse response = register();

        assertThat(response.isProblem(503)).as(response.toString()).isTrue();
        KEYCLOAK.verify(deleteRequestedFor(urlEqualTo(REALM + "/users/" + created)));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aSlowKeycloakIsA503AfterTheTimeoutAndTheSweeperDeletesWhatItCreatedAfterwards() {
        KEYCLOAK.stubFor(post(urlEqualTo(REALM + "/users")).willReturn(aResponse().withStatus(201).withFixedDelay(3000)));
        // the look-up for compensation fails too: the attempt stays for the sweeper
        KEYCLOAK.stubFor(get(urlPathEqualTo(REALM + "/users")).willReturn(aResponse().withStatus(500)));
        String username = TestCodes.username("slow");
        Counts before = counts();

        long started = System.nanoTime();
        ApiResponse response = api.post("/api/v1/public/identity/registrations")
                .json(Requests.enterpriseRegistration(TestCodes.uscc(), username)).send();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.isProblem(503)).as(response.toString()).isTrue();
        assertThat(millis).isLessThan(3000);
        assertThat(jdbc.queryForObject("select count(*) from organisation", Integer.class)).isEqualTo(before.organisations());
        assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(before.accounts());
        UUID attempt = jdbc.queryForObject("select id from provisioning_attempt where username = ?", UUID.class, username);

        // Keycloak is back, and holds the user the slow call created
        UUID orphan = UUID.randomUUID();
        KEYCLOAK.stubFor(get(urlPathEqualTo(REALM + "/users")).willReturn(okJson("[{\"id\":\"" + orphan + "\",\"username\":\""
                + username + "\",\"enabled\":true,\"attributes\":{\"provisioning_id\":[\"" + attempt + "\"]}}]")));
        KEYCLOAK.stubFor(delete(urlEqualTo(REALM + "/users/" + orphan)).willReturn(aResponse().withStatus(204)));
        jdbc.update("update provisioning_attempt set updated_at = now() - interval '1 hour' where id = ?", attempt);
        attempts.sweep();

        KEYCLOAK.verify(deleteRequestedFor(urlEqualTo(REALM + "/users/" + orphan)));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void keycloakRefusingOurAdminClientIsA503() {
        KEYCLOAK.stubFor(post(urlEqualTo(REALM + "/users")).willReturn(aResponse().withStatus(403)
                .withBody("{\"error\":\"unknown_error\"}")));
        Counts before = counts();

        ApiResponse response = register();

        assertThat(response.isProblem(503)).as(response.toString()).isTrue();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aValueKeycloakRefusesIsA400NamingOurField() {
        KEYCLOAK.stubFor(post(urlEqualTo(REALM + "/users")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"field\":\"firstName\",\"errorMessage\":\"error-person-name-invalid-character\",\"params\":[\"firstName\"]}")));
        Counts before = counts();

        ApiResponse response = register();

        assertThat(response.isProblem(400)).as(response.toString()).isTrue();
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("admin.givenName");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anOpenCircuitAnswers503AtOnceWithoutCallingKeycloak() {
        breakers.getCircuitBreakerRegistry().circuitBreaker("keycloak").transitionToForcedOpenState();
        try {
            ApiResponse response = register();

            assertThat(response.isProblem(503)).as(response.toString()).isTrue();
            KEYCLOAK.verify(0, postRequestedFor(anyUrl()));
        } finally {
            breakers.getCircuitBreakerRegistry().circuitBreaker("keycloak").reset();
        }
    }

    @Test
    void readsWorkWhileKeycloakIsDown() {
        KEYCLOAK.stop();
        try {
            ApiResponse tree = api.get("/api/v1/public/identity/authorities/tree?depth=1").send();

            assertThat(tree.status()).isEqualTo(200);
            assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(200);
        } finally {
            KEYCLOAK.start();
        }
    }

    private ApiResponse register() {
        return api.post("/api/v1/public/identity/registrations")
                .json(Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("fault"))).send();
    }

    private record Counts(int organisations, int accounts, int attempts) {
    }

    private Counts counts() {
        return new Counts(count("organisation"), count("account"), count("provisioning_attempt"));
    }

    private int count(String table) {
        Integer count = jdbc.queryForObject("select count(*) from " + table, Integer.class);
        return count == null ? 0 : count;
    }

}
