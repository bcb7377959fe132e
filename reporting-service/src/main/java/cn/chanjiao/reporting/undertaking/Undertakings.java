package cn.chanjiao.reporting.undertaking;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Undertakings in PostgreSQL. */
@Repository
class Undertakings {

    private static final TypeReference<List<Undertaking.Progress>> PROGRESS = new TypeReference<>() {
    };
    private static final TypeReference<List<Undertaking.Evidence>> EVIDENCE = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Undertakings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** False when the demand is undertaken already. */
    boolean insert(Undertaking u) {
        try {
            return jdbc.sql("""
                    insert into undertaking (id, demand_id, platform_id, owner_organisation_id, undertaker_organisation_id,
                        status, plan, progress, evidence, version, undertaken_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?) on conflict do nothing""")
                    .param(u.id()).param(u.demandId()).param(u.platformId()).param(u.ownerOrganisationId())
                    .param(u.undertakerOrganisationId()).param(u.status()).param(u.plan())
                    .param(json.writeValueAsString(u.progress())).param(json.writeValueAsString(u.evidence()))
                    .param(u.version()).param(Timestamp.from(u.undertakenAt())).param(Timestamp.from(u.updatedAt()))
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Undertaking> find(UUID id) {
        return jdbc.sql("select * from undertaking where id = ?").param(id).query(this::row).optional();
    }

    Optional<Undertaking> lock(UUID id) {
        return jdbc.sql("select * from undertaking where id = ? for update").param(id).query(this::row).optional();
    }

    List<Undertaking> ofOrganisation(UUID organisationId) {
        return jdbc.sql("select * from undertaking where owner_organisation_id = ? or undertaker_organisation_id = ? "
                + "order by updated_at desc limit 500").param(organisationId).param(organisationId).query(this::row).list();
    }

    List<Undertaking> ofDemand(UUID demandId) {
        return jdbc.sql("select * from undertaking where demand_id = ? order by undertaken_at").param(demandId)
                .query(this::row).list();
    }

    void update(Undertaking u) {
        jdbc.sql("""
                update undertaking set status = ?, progress = ?::jsonb, completion_summary = ?, evidence = ?::jsonb,
                    version = ?, completion_reported_at = ?, completed_at = ?, updated_at = ? where id = ?""")
                .param(u.status()).param(json.writeValueAsString(u.progress())).param(u.completionSummary())
                .param(json.writeValueAsString(u.evidence())).param(u.version()).param(ts(u.completionReportedAt()))
                .param(ts(u.completedAt())).param(Timestamp.from(u.updatedAt())).param(u.id()).update();
    }

    private Undertaking row(ResultSet rs, int n) throws SQLException {
        return new Undertaking(rs.getObject("id", UUID.class), rs.getObject("demand_id", UUID.class),
                rs.getObject("platform_id", UUID.class), rs.getObject("owner_organisation_id", UUID.class),
                rs.getObject("undertaker_organisation_id", UUID.class), rs.getString("status"), rs.getString("plan"),
                json.readValue(rs.getString("progress"), PROGRESS), rs.getString("completion_summary"),
                json.readValue(rs.getString("evidence"), EVIDENCE), rs.getLong("version"),
                rs.getTimestamp("undertaken_at").toInstant(), instant(rs, "completion_reported_at"),
                instant(rs, "completed_at"), rs.getTimestamp("updated_at").toInstant());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
