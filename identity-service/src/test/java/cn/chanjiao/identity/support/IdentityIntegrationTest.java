package cn.chanjiao.identity.support;

import cn.chanjiao.contracts.Topics;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.http.ApiClient;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import cn.chanjiao.testkit.kafka.TopicProbe;
import cn.chanjiao.testkit.security.TestJwtIssuer;
import cn.chanjiao.testkit.spring.ServiceIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * identity-service on real PostgreSQL and Kafka, provisioning in the real Keycloak of this JVM
 * ({@link RealKeycloakInitializer}); callers carry tokens of the test issuer, with whatever roles and
 * claims a test needs. One Spring context for every subclass (and the smoke test).
 */
@ServiceIntegrationTest
public abstract class IdentityIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    protected JdbcTemplate jdbc;

    protected ApiClient api;
    protected final TestJwtIssuer tokens = TestJwtIssuer.get();
    protected static final KeycloakInspector keycloak = new KeycloakInspector(TestEngines::keycloak);

    /**
     * Every test here provisions in the real Keycloak, which starts in the background beside the
     * context (40–90 s, longer on a busy machine): wait for it before the first request, or a test that
     * registers straight through the API meets "connection refused" (seen: RegistrationIdempotencyIT at
     * load average 20). Instant once it is up.
     */
    @BeforeEach
    void connect() {
        TestEngines.keycloak();
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    // --- callers ----------------------------------------------------------------------------------

    protected String platformAdmin() {
        return tokens.user("platform-admin").roles("platform-admin").mint();
    }

    protected String programmeAdmin(String authority) {
        return tokens.user("programme-admin-" + authority).roles("programme-admin").authority(authority)
                .department("education").mint();
    }

    protected String reviewer(String authority, String department) {
        return tokens.user("reviewer-" + authority).roles("reviewer").authority(authority).department(department).mint();
    }

    protected String orgAdmin(UUID organisation) {
        return tokens.user("org-admin-" + organisation).roles("org-admin", "applicant").organisation(organisation).mint();
    }

    protected String applicant(UUID organisation) {
        return tokens.user("applicant-" + organisation).roles("applicant").organisation(organisation).mint();
    }

    protected String integration(String province) {
        return tokens.client("integration-" + province).roles("integration").authority(province).mint();
    }

    protected String service() {
        return tokens.client("chanjiao-services").roles("service").mint();
    }

    // --- steps ------------------------------------------------------------------------------------

    /**
     * Registers and returns the 201 answer; fails the test on anything else. Waits for this JVM's
     * Keycloak first: it starts in the background with the context and may not be up yet when a test
     * class runs alone on a busy machine.
     */
    protected JsonNode register(Map<String, Object> body) {
        TestEngines.keycloak();
        ApiResponse response = api.post("/api/v1/public/identity/registrations").json(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    protected UUID registerEnterprise() {
        return UUID.fromString(register(Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("ent")))
                .path("organisation").path("id").asString());
    }

    protected UUID registerHangzhouSchool() {
        return UUID.fromString(register(Requests.schoolRegistration(TestCodes.schoolCode(), TestCodes.username("sch")))
                .path("organisation").path("id").asString());
    }

    protected JsonNode verify(UUID organisation, String authority) {
        ApiResponse response = api.post("/api/v1/identity/organisations/" + organisation + "/verification")
                .bearer(programmeAdmin(authority)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    // --- checks -----------------------------------------------------------------------------------

    protected int rows(String table) {
        Integer count = jdbc.queryForObject("select count(*) from " + table, Integer.class);
        return count == null ? 0 : count;
    }

    /** The envelopes published for an aggregate on identity.organisation.v1, waiting for {@code expected}. */
    protected List<JsonNode> events(String aggregateId, int expected) {
        List<ConsumerRecord<String, String>> records = TopicProbe.records(TestEngines.kafka().bootstrapServers(),
                Topics.IDENTITY_ORGANISATION, r -> aggregateId.equals(r.key()), Duration.ofSeconds(20), expected);
        return records.stream().map(r -> JSON.readTree(r.value())).toList();
    }

    protected static List<String> types(List<JsonNode> envelopes) {
        return envelopes.stream().map(e -> e.path("type").asString()).toList();
    }

    /** The field names of a 400 problem's {@code errors}. */
    protected static List<String> fields(ApiResponse problem) {
        List<String> names = new java.util.ArrayList<>();
        problem.json().path("errors").forEach(e -> names.add(e.path("field").asString()));
        return names;
    }
}
