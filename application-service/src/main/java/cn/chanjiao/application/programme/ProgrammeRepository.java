package cn.chanjiao.application.programme;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Programmes in PostgreSQL; the definition is a JSONB document. */
@Repository
class ProgrammeRepository {

    private static final String COLUMNS = "id, version, published, preset, created_at, updated_at, definition";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProgrammeRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Programme> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from programme where id = ?").param(id).query(this::row).optional();
    }

    Optional<Programme> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from programme where code = ?").param(code).query(this::row).optional();
    }

    boolean codeTaken(String code, UUID except) {
        return jdbc.sql("select count(*) from programme where code = ? and id <> ?").param(code).param(except)
                .query(Long.class).single() > 0;
    }

    List<Programme> findAll(boolean publishedOnly) {
        return jdbc.sql("select " + COLUMNS + " from programme" + (publishedOnly ? " where published" : "")
                + " order by created_at, code").query(this::row).list();
    }

    /** Inserts unless a programme with the same code exists; true when inserted. */
    boolean insertIfAbsent(Programme programme) {
        ProgrammeDefinition definition = programme.definition();
        return jdbc.sql("""
                insert into programme (id, code, name, authority_code, level, published, preset, definition, version,
                                       created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                on conflict (code) do nothing""")
                .param(programme.id()).param(definition.code()).param(definition.name())
                .param(definition.authority().code()).param(definition.authority().level().name())
                .param(programme.published()).param(programme.preset()).param(json.writeValueAsString(definition))
                .param(programme.version()).param(Timestamp.from(programme.createdAt()))
                .param(Timestamp.from(programme.updatedAt())).update() == 1;
    }

    /** Updates when the stored version is {@code expectedVersion}; false when someone saved first. */
    boolean update(Programme programme, long expectedVersion) {
        ProgrammeDefinition definition = programme.definition();
        return jdbc.sql("""
                update programme set code = ?, name = ?, authority_code = ?, level = ?, published = ?, definition = ?::jsonb,
                                     version = ?, updated_at = ?
                where id = ? and version = ?""")
                .param(definition.code()).param(definition.name()).param(definition.authority().code())
                .param(definition.authority().level().name()).param(programme.published())
                .param(json.writeValueAsString(definition)).param(programme.version())
                .param(Timestamp.from(programme.updatedAt())).param(programme.id()).param(expectedVersion).update() == 1;
    }

    private Programme row(ResultSet rs, int rowNum) throws SQLException {
        return new Programme(rs.getObject("id", UUID.class), rs.getLong("version"), rs.getBoolean("published"),
                rs.getBoolean("preset"), instant(rs, "created_at"), instant(rs, "updated_at"),
                json.readValue(rs.getString("definition"), ProgrammeDefinition.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
