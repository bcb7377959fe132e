package cn.chanjiao.notification.inbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The in-app inbox: one row per recipient of a notification. */
@Repository
public class Inbox {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Inbox(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Puts a notification in a user's inbox, once per request; empty when it is there already. */
    public Optional<UUID> add(UUID requestId, String userId, String kind, Map<String, Object> params) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.update("""
                insert into notification (id, request_id, user_id, kind, params, created_at)
                values (?, ?, ?, ?, ?::jsonb, ?) on conflict do nothing""",
                id, requestId, userId, kind, json.writeValueAsString(params), Timestamp.from(clock.instant()));
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    List<Entry> page(String userId, boolean unreadOnly, int page, int size) {
        return jdbc.query("""
                select id, kind, params, created_at, read_at from notification
                where user_id = ? and (not ? or read_at is null)
                order by created_at desc, id limit ? offset ?""", (rs, i) -> entry(rs.getObject("id", UUID.class),
                rs.getString("kind"), rs.getString("params"), rs.getTimestamp("created_at"), rs.getTimestamp("read_at")),
                userId, unreadOnly, size, (long) page * size);
    }

    long count(String userId, boolean unreadOnly) {
        return jdbc.queryForObject("select count(*) from notification where user_id = ? and (not ? or read_at is null)",
                Long.class, userId, unreadOnly);
    }

    Optional<Entry> find(UUID id, String userId) {
        return jdbc.query("select id, kind, params, created_at, read_at from notification where id = ? and user_id = ?",
                (rs, i) -> entry(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("params"),
                        rs.getTimestamp("created_at"), rs.getTimestamp("read_at")), id, userId).stream().findFirst();
    }

    void markRead(UUID id, String userId) {
        jdbc.update("update notification set read_at = ? where id = ? and user_id = ? and read_at is null",
                Timestamp.from(clock.instant()), id, userId);
    }

    int markAllRead(String userId) {
        return jdbc.update("update notification set read_at = ? where user_id = ? and read_at is null",
                Timestamp.from(clock.instant()), userId);
    }

    private Entry entry(UUID id, String kind, String params, Timestamp created, Timestamp read) {
        return new Entry(id, kind, json.readValue(params, MAP), created.toInstant(), read == null ? null : read.toInstant());
    }

    record Entry(UUID id, String kind, Map<String, Object> params, Instant createdAt, Instant readAt) {
    }
}
