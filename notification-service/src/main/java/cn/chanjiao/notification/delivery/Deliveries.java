package cn.chanjiao.notification.delivery;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The delivery log: every outbound e-mail, SMS and webhook, and each attempt of it. */
@Repository
public class Deliveries {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Deliveries(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Queues a delivery; call it in the transaction that decides it. */
    public UUID enqueue(String channel, UUID notificationId, UUID subscriptionId, UUID eventId, String eventType,
            String recipient, Map<String, Object> content) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into delivery (id, channel, notification_id, subscription_id, event_id, event_type, recipient,
                    content, status, attempts, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'PENDING', 0, ?, ?)""",
                id, channel, notificationId, subscriptionId, eventId, eventType, recipient,
                json.writeValueAsString(content), now, now);
        return id;
    }

    /** Locks up to {@code limit} due deliveries for this transaction; others skip them. */
    List<PendingDelivery> claimDue(int limit) {
        return jdbc.query("""
                select id, channel, subscription_id, event_id, event_type, recipient, content, attempts from delivery
                where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit ?
                for update skip locked""", (rs, i) -> new PendingDelivery(rs.getObject("id", UUID.class),
                rs.getString("channel"), rs.getObject("subscription_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("recipient"),
                json.readValue(rs.getString("content"), MAP), rs.getInt("attempts")),
                Timestamp.from(clock.instant()), limit);
    }

    /** Logs one attempt and moves the delivery on: delivered, retried after {@code backoff}, or dead. */
    void recordAttempt(PendingDelivery delivery, DeliverySender.Outcome outcome, long durationMs, int maxAttempts,
            Duration backoff) {
        Instant now = clock.instant();
        int attempts = delivery.attempts() + 1;
        int attemptNo = jdbc.queryForObject("select coalesce(max(attempt), 0) + 1 from delivery_attempt where delivery_id = ?",
                Integer.class, delivery.id());
        String status = outcome.delivered() ? "DELIVERED"
                : outcome.permanent() || attempts >= maxAttempts ? "DEAD" : "PENDING";
        jdbc.update("""
                insert into delivery_attempt (delivery_id, attempt, at, outcome, http_status, error, duration_ms)
                values (?, ?, ?, ?, ?, ?, ?)""", delivery.id(), attemptNo, Timestamp.from(now),
                outcome.delivered() ? "DELIVERED" : "FAILED", outcome.httpStatus(), truncate(outcome.error()), durationMs);
        jdbc.update("""
                update delivery set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, delivered_at = ?
                where id = ?""", status, attempts, Timestamp.from(outcome.delivered() ? now : now.plus(backoff)),
                outcome.delivered() ? null : truncate(outcome.error()),
                outcome.delivered() ? Timestamp.from(now) : null, delivery.id());
    }

    /** Sends a delivery again from its first attempt (its earlier attempts stay in the log). */
    public boolean redeliver(UUID id) {
        return jdbc.update("""
                update delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = null
                where id = ? and status <> 'PENDING'""", Timestamp.from(clock.instant()), id) == 1
                || jdbc.queryForObject("select count(*) from delivery where id = ?", Integer.class, id) == 1;
    }

    public Optional<DeliveryResponse> find(UUID id) {
        return jdbc.query("select * from delivery where id = ?", this::response, id).stream().findFirst()
                .map(this::withAttempts);
    }

    /** One page of the log, newest first; filters are optional. */
    public List<DeliveryResponse> page(UUID subscriptionId, String channel, String status, int page, int size) {
        return jdbc.query("""
                select * from delivery where (?::uuid is null or subscription_id = ?::uuid)
                  and (?::varchar is null or channel = ?::varchar) and (?::varchar is null or status = ?::varchar)
                order by created_at desc, id limit ? offset ?""", this::response, subscriptionId, subscriptionId,
                channel, channel, status, status, size, (long) page * size).stream().map(this::withAttempts).toList();
    }

    public long count(UUID subscriptionId, String channel, String status) {
        return jdbc.queryForObject("""
                select count(*) from delivery where (?::uuid is null or subscription_id = ?::uuid)
                  and (?::varchar is null or channel = ?::varchar) and (?::varchar is null or status = ?::varchar)""",
                Long.class, subscriptionId, subscriptionId, channel, channel, status, status);
    }

    private DeliveryResponse response(ResultSet rs, int row) throws SQLException {
        return new DeliveryResponse(rs.getObject("id", UUID.class), rs.getString("channel"),
                rs.getObject("subscription_id", UUID.class), rs.getObject("notification_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("recipient"),
                rs.getString("status"), rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "delivered_at"), List.of());
    }

    private DeliveryResponse withAttempts(DeliveryResponse delivery) {
        RowMapper<DeliveryResponse.Attempt> attempt = (rs, i) -> new DeliveryResponse.Attempt(rs.getInt("attempt"),
                instant(rs, "at"), rs.getString("outcome"), (Integer) rs.getObject("http_status"), rs.getString("error"),
                rs.getLong("duration_ms"));
        return delivery.withAttempts(jdbc.query("select * from delivery_attempt where delivery_id = ? order by attempt",
                attempt, delivery.id()));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }
}
