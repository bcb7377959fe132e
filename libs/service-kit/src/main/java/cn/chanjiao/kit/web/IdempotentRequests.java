package cn.chanjiao.kit.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Answers of commands sent with an {@code Idempotency-Key}, kept per caller: a retried request gets
 * the first answer again instead of being applied twice. Saved in the transaction of the command,
 * so an answer is kept exactly when its effect is. The table {@code idempotent_request} is part of
 * the kit's V1 migration; every service gets this bean from {@code WebAutoConfiguration}.
 */
public class IdempotentRequests {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public IdempotentRequests(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Answer> find(String caller, String key) {
        return jdbc.sql("select operation, status, response from idempotent_request where caller = ? and idempotency_key = ?")
                .param(caller).param(key)
                .query((rs, n) -> new Answer(rs.getString(1), rs.getInt(2), json.readTree(rs.getString(3)))).optional();
    }

    public void save(String caller, String key, String operation, int status, Object response, Instant at) {
        jdbc.sql("insert into idempotent_request (caller, idempotency_key, operation, status, response, created_at) "
                + "values (?, ?, ?, ?, ?::jsonb, ?)")
                .param(caller).param(key).param(operation).param(status).param(json.writeValueAsString(response))
                .param(Timestamp.from(at)).update();
    }

    /** A kept answer. */
    public record Answer(String operation, int status, JsonNode body) {
    }

    /** Checks the header: present, of sensible length. */
    public static String requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw ApiException.badRequest("idempotency.keyRequired");
        }
        if (key.length() > 200) {
            throw ApiException.badRequest("idempotency.keyTooLong");
        }
        return key.strip();
    }
}
