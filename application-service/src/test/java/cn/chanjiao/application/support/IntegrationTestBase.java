package cn.chanjiao.application.support;

import cn.chanjiao.testkit.time.MutableClock;

import cn.chanjiao.testkit.http.ApiClient;
import cn.chanjiao.testkit.security.TestJwtIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

/** What the integration tests of this module start from: a client, tokens, the stubbed identity-service, the clock. */
@ApplicationServiceTest
public abstract class IntegrationTestBase {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory circuitBreakers;

    protected ApiClient api;
    protected final TestJwtIssuer tokens = TestJwtIssuer.get();
    protected final IdentityStub identity = IdentityStub.instance();

    @BeforeEach
    void startFromAKnownWorld() {
        api = new ApiClient("http://127.0.0.1:" + port);
        identity.reset();
        clock.set(ApplicationServiceTestConfiguration.DEFAULT_NOW);
        circuitBreakers.getCircuitBreakerRegistry().getAllCircuitBreakers()
                .forEach(io.github.resilience4j.circuitbreaker.CircuitBreaker::reset);
    }

    protected String applicant(UUID organisationId) {
        return tokens.user("applicant-" + organisationId.toString().substring(0, 8)).roles("applicant")
                .organisation(organisationId).mint();
    }

    protected String programmeAdmin(String authorityCode) {
        return tokens.user("admin-" + authorityCode).roles("programme-admin").authority(authorityCode)
                .department("education").mint();
    }

    protected String reviewer(String authorityCode, String department) {
        return tokens.user("reviewer-" + authorityCode).roles("reviewer").authority(authorityCode)
                .department(department).mint();
    }

    protected String platformAdmin() {
        return tokens.user("root").roles("platform-admin").mint();
    }

    protected String programmeId(String code) {
        return jdbc.queryForObject("select id::text from programme where code = ?", String.class, code);
    }
}
