package cn.chanjiao.notification.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Integrators' webhook subscriptions. */
@Repository
class WebhookSubscriptions {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    WebhookSubscriptions(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    Subscription create(String clientId, String authorityCode, String url, List<String> eventTypes, String secret,
            String description) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.update("""
                insert into webhook_subscription (id, client_id, authority_code, url, event_types, secret, description,
                    active, created_at) values (?, ?, ?, ?, ?::jsonb, ?, ?, true, ?)""",
                id, clientId, authorityCode, url, json.writeValueAsString(eventTypes), secret, description,
                Timestamp.from(now));
        return new Subscription(id, clientId, authorityCode, url, eventTypes, secret, description, true, now);
    }

    List<Subscription> ofClient(String clientId) {
        return jdbc.query("select * from webhook_subscription where client_id = ? and active order by created_at",
                this::row, clientId);
    }

    Optional<Subscription> find(UUID id) {
        return jdbc.query("select * from webhook_subscription where id = ?", this::row, id).stream().findFirst();
    }

    /** Active subscriptions to an event type. */
    List<Subscription> subscribedTo(String eventType) {
        return jdbc.query("select * from webhook_subscription where active and event_types @> ?::jsonb", this::row,
                json.writeValueAsString(List.of(eventType)));
    }

    void deactivate(UUID id) {
        jdbc.update("update webhook_subscription set active = false where id = ?", id);
    }

    private Subscription row(ResultSet rs, int i) throws SQLException {
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("client_id"), rs.getString("authority_code"),
                rs.getString("url"), json.readValue(rs.getString("event_types"), STRINGS), rs.getString("secret"),
                rs.getString("description"), rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant());
    }

    record Subscription(UUID id, String clientId, String authorityCode, String url, List<String> eventTypes,
            String secret, String description, boolean active, Instant createdAt) {

        String province() {
            return authorityCode.length() >= 2 ? authorityCode.substring(0, 2) : authorityCode;
        }
    }
}
