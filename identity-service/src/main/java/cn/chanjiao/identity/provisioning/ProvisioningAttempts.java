package cn.chanjiao.identity.provisioning;

import cn.chanjiao.identity.config.IdentityServiceProperties;
import cn.chanjiao.identity.keycloak.KeycloakAdmin;
import cn.chanjiao.identity.keycloak.KeycloakUser;
import cn.chanjiao.kit.web.ApiException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Provisioning that spans Keycloak and our database, which share no transaction: before a Keycloak
 * user is created an attempt is recorded (its id goes to Keycloak as the user's attribute
 * {@value #MARKER}); our rows are written in one transaction with {@link #complete}; when something
 * fails in between, {@link #compensate} deletes the Keycloak user again. If Keycloak cannot be
 * reached for that, the attempt stays and the sweeper compensates once it can. A self-registration
 * sent with an {@code Idempotency-Key} keeps its answer, which a retry gets again instead of a second account.
 */
@Service
public class ProvisioningAttempts {

    /** The Keycloak user attribute that ties a user to the attempt that created it. */
    public static final String MARKER = "provisioning_id";

    private static final Logger log = LoggerFactory.getLogger(ProvisioningAttempts.class);

    private final JdbcTemplate jdbc;
    private final KeycloakAdmin keycloak;
    private final IdentityServiceProperties properties;
    private final Clock clock;

    ProvisioningAttempts(JdbcTemplate jdbc, KeycloakAdmin keycloak, IdentityServiceProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.keycloak = keycloak;
        this.properties = properties;
        this.clock = clock;
    }

    /** How a {@link #begin} went. */
    public sealed interface Start permits Started, Replay {
    }

    /** Go ahead: create the Keycloak user with attribute {@value #MARKER} = {@code id}. */
    public record Started(UUID id, UUID organisationId) implements Start {
    }

    /** This key's request completed before: answer {@code response} (JSON) again. */
    public record Replay(String response) implements Start {
    }

    /**
     * Records an attempt. With an idempotency key: the completed answer of an earlier request with the
     * same key and the same content is replayed; another content under the same key is refused (422);
     * a request with that key still running is refused (409); one whose runner died (older than the
     * lease) is compensated and taken over, keeping its organisation id.
     *
     * @param organisationId the id the new organisation will get, if one is registered
     */
    public Start begin(String purpose, String idempotencyKey, String requestHash, String username, UUID organisationId) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        int inserted = jdbc.update("""
                insert into provisioning_attempt (id, purpose, idempotency_key, request_hash, organisation_id, username,
                    status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?)
                on conflict (idempotency_key) where idempotency_key is not null do nothing""",
                id, purpose, idempotencyKey, requestHash, organisationId, username, Timestamp.from(now), Timestamp.from(now));
        if (inserted == 1) {
            return new Started(id, organisationId);
        }
        Existing existing = jdbc.queryForObject("""
                select id, request_hash, organisation_id, username, status, response, updated_at
                from provisioning_attempt where idempotency_key = ?""", (rows, i) -> new Existing(
                rows.getObject("id", UUID.class), rows.getString("request_hash"), rows.getObject("organisation_id", UUID.class),
                rows.getString("username"), rows.getString("status"), rows.getString("response"),
                rows.getTimestamp("updated_at").toInstant()), idempotencyKey);
        if ("COMPLETED".equals(existing.status())) {
            if (!existing.requestHash().equals(requestHash)) {
                throw ApiException.unprocessable("problem.idempotencyKeyReused");
            }
            return new Replay(existing.response());
        }
        if (existing.updatedAt().isAfter(now.minus(properties.provisioning().lease()))) {
            throw ApiException.conflict("problem.idempotencyKeyInProgress");
        }
        if (!claim(existing.id(), existing.updatedAt())) {
            throw ApiException.conflict("problem.idempotencyKeyInProgress");
        }
        // the earlier runner died half way: undo what it may have left in Keycloak, then start again
        if (!compensate(existing.id(), existing.username())) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "problem.keycloakUnavailable");
        }
        jdbc.update("update provisioning_attempt set request_hash = ?, username = ?, updated_at = ? where id = ?",
                requestHash, username, Timestamp.from(clock.instant()), existing.id());
        return new Started(existing.id(), existing.organisationId());
    }

    private record Existing(UUID id, String requestHash, UUID organisationId, String username, String status,
            String response, Instant updatedAt) {
    }

    /** Takes over an abandoned attempt; false when someone else did first. */
    private boolean claim(UUID id, Instant seen) {
        return jdbc.update("update provisioning_attempt set updated_at = ? where id = ? and updated_at = ? and status = 'IN_PROGRESS'",
                Timestamp.from(clock.instant()), id, Timestamp.from(seen)) == 1;
    }

    /**
     * Marks the attempt done in the transaction that writes our rows: an answer to keep for retries
     * keeps the row as {@code COMPLETED}; without one the row goes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void complete(UUID id, String response) {
        if (response == null) {
            jdbc.update("delete from provisioning_attempt where id = ?", id);
        } else {
            jdbc.update("update provisioning_attempt set status = 'COMPLETED', response = ?, updated_at = ? where id = ?",
                    response, Timestamp.from(clock.instant()), id);
        }
    }

    /** Forgets an attempt that left nothing in Keycloak (it failed before, or was compensated). */
    public void abandon(UUID id) {
        jdbc.update("delete from provisioning_attempt where id = ? and status = 'IN_PROGRESS'", id);
    }

    /**
     * Deletes the Keycloak user this attempt created, if there is one (found by username and
     * {@value #MARKER}), and forgets the attempt. Returns false — and keeps the attempt for the
     * sweeper — when Keycloak cannot be asked.
     */
    public boolean compensate(UUID id, String username) {
        try {
            Optional<KeycloakUser> user = keycloak.findByUsername(username)
                    .filter(u -> u.attribute(MARKER).filter(id.toString()::equals).isPresent());
            if (user.isPresent()) {
                keycloak.deleteUser(user.get().id());
                log.info("compensated provisioning {}: deleted Keycloak user {} ({})", id, username, user.get().id());
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("could not compensate provisioning {} of {} now, the sweeper will: {}", id, username, e.toString());
            return false;
        }
    }

    /** Compensates, then forgets the attempt if that worked. */
    public void compensateAndAbandon(UUID id, String username) {
        if (compensate(id, username)) {
            abandon(id);
        }
    }

    /**
     * Compensates attempts whose runner died (older than the lease), and forgets answers kept longer
     * than {@code keep-answers-for}. One instance at a time.
     */
    @Scheduled(fixedDelayString = "${chanjiao.identity.provisioning.sweep-every:PT1M}",
            initialDelayString = "${chanjiao.identity.provisioning.sweep-every:PT1M}")
    @SchedulerLock(name = "identity-provisioning-sweeper", lockAtMostFor = "PT5M")
    public void sweep() {
        Instant now = clock.instant();
        jdbc.update("delete from provisioning_attempt where status = 'COMPLETED' and updated_at < ?",
                Timestamp.from(now.minus(properties.provisioning().keepAnswersFor())));
        List<Existing> abandoned = jdbc.query("""
                select id, request_hash, organisation_id, username, status, response, updated_at from provisioning_attempt
                where status = 'IN_PROGRESS' and updated_at < ? order by updated_at limit 100""",
                (rows, i) -> new Existing(rows.getObject("id", UUID.class), rows.getString("request_hash"),
                        rows.getObject("organisation_id", UUID.class), rows.getString("username"), rows.getString("status"),
                        rows.getString("response"), rows.getTimestamp("updated_at").toInstant()),
                Timestamp.from(now.minus(properties.provisioning().lease())));
        for (Existing attempt : abandoned) {
            if (claim(attempt.id(), attempt.updatedAt()) && compensate(attempt.id(), attempt.username())) {
                abandon(attempt.id());
            }
        }
    }

    /** How many attempts are in flight or kept (for tests and operators). */
    public int count(String status) {
        Integer count = jdbc.queryForObject("select count(*) from provisioning_attempt where status = ?", Integer.class, status);
        return count == null ? 0 : count;
    }
}
