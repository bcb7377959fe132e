package cn.chanjiao.notification.preference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Each user's language and channels per notification kind. */
@Repository
public class Preferences {

    private static final TypeReference<Map<String, Set<String>>> CHANNELS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Preferences(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A user's choices; empty when they never chose. */
    public Optional<Preference> of(String userId) {
        return jdbc.query("select language, channels from user_preference where user_id = ?",
                (rs, i) -> new Preference(rs.getString("language"), json.readValue(rs.getString("channels"), CHANNELS)),
                userId).stream().findFirst();
    }

    void save(String userId, Preference preference) {
        jdbc.update("""
                insert into user_preference (user_id, language, channels, updated_at) values (?, ?, ?::jsonb, ?)
                on conflict (user_id) do update set language = excluded.language, channels = excluded.channels,
                    updated_at = excluded.updated_at""",
                userId, preference.language(), json.writeValueAsString(preference.channels()),
                Timestamp.from(clock.instant()));
    }

    /**
     * @param language {@code zh-CN} or {@code en}; null for the platform default
     * @param channels per notification kind, the channels beyond the inbox ({@code EMAIL}, {@code SMS})
     */
    public record Preference(String language, Map<String, Set<String>> channels) {

        public Preference {
            channels = channels == null ? Map.of() : channels;
        }
    }
}
