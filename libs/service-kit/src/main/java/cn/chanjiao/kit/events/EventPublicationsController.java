package cn.chanjiao.kit.events;

import cn.chanjiao.kit.web.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * For operators: the events of this service that Kafka has not acknowledged yet, and a way to send
 * them again now rather than at the next scheduled retry.
 */
@RestController
@RequestMapping("${chanjiao.service.api-base-path}/admin/event-publications")
@PreAuthorize("hasRole('platform-admin')")
class EventPublicationsController {

    private static final int LIMIT = 500;

    private final JdbcTemplate jdbc;
    private final OutboxRelay relay;
    private final Clock clock;

    EventPublicationsController(JdbcTemplate jdbc, OutboxRelay relay, Clock clock) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.clock = clock;
    }

    /** Undelivered events published more than {@code olderThan} ago (ISO-8601 duration), oldest first. */
    @GetMapping
    List<EventPublicationResponse> undelivered(@RequestParam(defaultValue = "PT0S") Duration olderThan) {
        requireNotNegative(olderThan);
        return jdbc.query("""
                select id, event_type, listener_id, publication_date, status, completion_attempts, last_resubmission_date
                from event_publication where completion_date is null and publication_date <= ?
                order by publication_date limit ?""",
                (rows, i) -> new EventPublicationResponse(rows.getObject("id", UUID.class),
                        simpleName(rows.getString("event_type")), rows.getString("listener_id"),
                        instant(rows.getTimestamp("publication_date")), rows.getString("status"),
                        rows.getInt("completion_attempts"), instant(rows.getTimestamp("last_resubmission_date"))),
                Timestamp.from(clock.instant().minus(olderThan)), LIMIT);
    }

    /** Sends the undelivered events older than {@code olderThan} again now. */
    @PostMapping("/resubmissions")
    ResubmissionResponse resubmit(@RequestParam(defaultValue = "PT1M") Duration olderThan) {
        requireNotNegative(olderThan);
        int count = undelivered(olderThan).size();
        relay.resubmitUndeliveredOlderThan(olderThan);
        return new ResubmissionResponse(count);
    }

    private static void requireNotNegative(Duration olderThan) {
        if (olderThan.isNegative()) {
            throw ApiException.badRequest("problem.negativeDuration", "olderThan");
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }

    record EventPublicationResponse(UUID id, String eventType, String listener, Instant publishedAt, String status,
            int attempts, Instant lastResubmittedAt) {
    }

    record ResubmissionResponse(int resubmitted) {
    }
}
