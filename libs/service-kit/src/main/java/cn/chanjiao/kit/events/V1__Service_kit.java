package cn.chanjiao.kit.events;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;

import java.nio.charset.StandardCharsets;
import java.sql.Statement;

/**
 * Version 1 of every service's database: the tables the kit itself needs (outbox
 * {@code event_publication}, {@code processed_event} for idempotent consumers, {@code shedlock}).
 * Written once here rather than copied into each service; a service's own migrations start at V2.
 */
class V1__Service_kit extends BaseJavaMigration {

    static final String SCRIPT = "cn/chanjiao/kit/db/V1__service_kit.sql";

    @Override
    public void migrate(Context context) throws Exception {
        String sql = new ClassPathResource(SCRIPT, getClass().getClassLoader()).getContentAsString(StandardCharsets.UTF_8);
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(sql);
        }
    }
}
