package cn.chanjiao.identity.registration;

import cn.chanjiao.identity.provisioning.ProvisioningAttempts;
import cn.chanjiao.identity.support.IdentityIntegrationTest;
import cn.chanjiao.identity.support.Requests;
import cn.chanjiao.identity.support.TestCodes;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A retried registration creates no second account; a registration that died half way is undone. */
class RegistrationIdempotencyIT extends IdentityIntegrationTest {

    private static final String REGISTRATIONS = "/api/v1/public/identity/registrations";

    @Autowired
    ProvisioningAttempts attempts;

    @Test
    void aRetryWithTheSameKeyGetsTheSameAnswerAndCreatesNoSecondAccount() {
        String key = "reg-" + UUID.randomUUID();
        String username = TestCodes.username("retry");
        Map<String, Object> body = Requests.enterpriseRegistration(TestCodes.uscc(), username);

        ApiResponse first = api.post(REGISTRATIONS).header("Idempotency-Key", key).json(body).send();
        ApiResponse retry = api.post(REGISTRATIONS).header("Idempotency-Key", key).json(body).send();

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(retry.header("Idempotency-Replayed")).as("the deprecated name, still sent").contains("true");
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(jdbc.queryForObject("select count(*) from account where username = ?", Integer.class, username)).isEqualTo(1);
        assertThat(keycloak.user(username)).isPresent();
        assertThat(jdbc.queryForObject("select count(*) from organisation where name = ?", Integer.class,
                first.json().path("organisation").path("name").asString())).isEqualTo(1);
    }

    @Test
    void theSameKeyWithOtherContentIsRefused() {
        String key = "reg-" + UUID.randomUUID();
        api.post(REGISTRATIONS).header("Idempotency-Key", key)
                .json(Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("one"))).send();
        String other = TestCodes.username("other");

        ApiResponse response = api.post(REGISTRATIONS).header("Idempotency-Key", key)
                .json(Requests.enterpriseRegistration(TestCodes.uscc(), other)).send();

        assertThat(response.isProblem(422)).as(response.toString()).isTrue();
        assertThat(keycloak.user(other)).isEmpty();
    }

    @Test
    void aRetryAfterARunnerDiedHalfWayUndoesItsKeycloakUserAndRegistersOnce() {
        String key = "reg-" + UUID.randomUUID();
        String username = TestCodes.username("crash");
        UUID attempt = UUID.randomUUID();
        UUID organisation = UUID.randomUUID();
        // a registration that created its Keycloak user, then died before our transaction
        Timestamp longAgo = Timestamp.from(Instant.now().minus(10, ChronoUnit.MINUTES));
        jdbc.update("""
                insert into provisioning_attempt (id, purpose, idempotency_key, request_hash, organisation_id, username, status,
                    created_at, updated_at) values (?, 'REGISTRATION', ?, 'earlier', ?, ?, 'IN_PROGRESS', ?, ?)""",
                attempt, key, organisation, username, longAgo, longAgo);
        String orphan = keycloak.createUser(username, Map.of(ProvisioningAttempts.MARKER, attempt.toString(),
                "org_id", organisation.toString()));

        ApiResponse response = api.post(REGISTRATIONS).header("Idempotency-Key", key)
                .json(Requests.enterpriseRegistration(TestCodes.uscc(), username)).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("organisation").path("id").asString()).isEqualTo(organisation.toString());
        String created = keycloak.user(username).orElseThrow().path("id").asString();
        assertThat(created).isNotEqualTo(orphan).isEqualTo(response.json().path("admin").path("id").asString());
    }

    @Test
    void aRetryWhileTheFirstRequestStillRunsIsTold409() {
        String key = "reg-" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into provisioning_attempt (id, purpose, idempotency_key, request_hash, organisation_id, username, status,
                    created_at, updated_at) values (?, 'REGISTRATION', ?, 'running', ?, 'someone', 'IN_PROGRESS', ?, ?)""",
                UUID.randomUUID(), key, UUID.randomUUID(), now, now);

        ApiResponse response = api.post(REGISTRATIONS).header("Idempotency-Key", key)
                .json(Requests.enterpriseRegistration(TestCodes.uscc(), TestCodes.username("wait"))).send();

        assertThat(response.isProblem(409)).as(response.toString()).isTrue();
    }

    @Test
    void theSweeperDeletesTheKeycloakUserOfAnAbandonedAttempt() {
        String username = TestCodes.username("orphan");
        UUID attempt = UUID.randomUUID();
        Timestamp longAgo = Timestamp.from(Instant.now().minus(10, ChronoUnit.MINUTES));
        jdbc.update("""
                insert into provisioning_attempt (id, purpose, request_hash, username, status, created_at, updated_at)
                values (?, 'INVITATION', '-', ?, 'IN_PROGRESS', ?, ?)""", attempt, username, longAgo, longAgo);
        keycloak.createUser(username, Map.of(ProvisioningAttempts.MARKER, attempt.toString()));

        attempts.sweep();

        assertThat(keycloak.user(username)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from provisioning_attempt where id = ?", Integer.class, attempt)).isZero();
    }

    @Test
    void theSweeperLeavesAUserOfTheSameNameThatItDidNotCreate() {
        String username = TestCodes.username("stranger");
        UUID attempt = UUID.randomUUID();
        Timestamp longAgo = Timestamp.from(Instant.now().minus(10, ChronoUnit.MINUTES));
        jdbc.update("""
                insert into provisioning_attempt (id, purpose, request_hash, username, status, created_at, updated_at)
                values (?, 'INVITATION', '-', ?, 'IN_PROGRESS', ?, ?)""", attempt, username, longAgo, longAgo);
        keycloak.createUser(username, Map.of(ProvisioningAttempts.MARKER, UUID.randomUUID().toString()));

        attempts.sweep();

        assertThat(keycloak.user(username)).isPresent();
        assertThat(jdbc.queryForObject("select count(*) from provisioning_attempt where id = ?", Integer.class, attempt)).isZero();
    }
}
