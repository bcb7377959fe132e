package cn.chanjiao.notification.notice;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Notifications accepted and waiting for their audience: written in the transaction that accepts
 * the event (or fires the reminder), so a notification accepted survives a restart.
 */
@Repository
public class NotificationRequests {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<AudienceSpec>> AUDIENCE = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    NotificationRequests(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Accepts a notification; nothing when the audience is empty. */
    public void accept(UUID sourceEventId, String sourceType, String kind, Map<String, Object> params,
            List<AudienceSpec> audience) {
        if (audience.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into notification_request (id, source_event_id, source_type, kind, params, audience, status,
                    attempts, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?::jsonb, ?::jsonb, 'PENDING', 0, ?, ?)""",
                UUID.randomUUID(), sourceEventId, sourceType, kind, json.writeValueAsString(params),
                json.writeValueAsString(audience), now, now);
    }

    List<Pending> claimDue(int limit) {
        return jdbc.query("""
                select id, kind, params, audience, attempts from notification_request
                where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit ?
                for update skip locked""", (rs, i) -> new Pending(rs.getObject("id", UUID.class), rs.getString("kind"),
                json.readValue(rs.getString("params"), MAP), json.readValue(rs.getString("audience"), AUDIENCE),
                rs.getInt("attempts")), Timestamp.from(clock.instant()), limit);
    }

    void done(UUID id) {
        jdbc.update("update notification_request set status = 'DONE', done_at = ?, last_error = null where id = ?",
                Timestamp.from(clock.instant()), id);
    }

    void retryLater(UUID id, int attempts, Instant next, String error) {
        jdbc.update("update notification_request set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?",
                attempts, Timestamp.from(next), error, id);
    }

    record Pending(UUID id, String kind, Map<String, Object> params, List<AudienceSpec> audience, int attempts) {
    }
}
