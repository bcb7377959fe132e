package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.PlatformType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Applications, their snapshots and transitions in PostgreSQL. */
@Repository
class ApplicationRepository {

    private static final String COLUMNS = """
            id, programme_id, platform_type, organisation_id, status, recommending_region_code, review_departments,
            form, version, return_comment, created_by, created_at, updated_at, submitted_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApplicationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(ApplicationForm application) {
        jdbc.sql("""
                insert into application (id, programme_id, platform_type, organisation_id, status, name,
                    recommending_region_code, review_departments, form, version, return_comment, created_by,
                    created_at, updated_at, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""")
                .param(application.id()).param(application.programmeId()).param(application.platformType().name())
                .param(application.organisationId()).param(application.status().name()).param(application.name())
                .param(application.recommendingRegionCode()).param(application.reviewDepartments())
                .param(json.writeValueAsString(application.form())).param(application.version())
                .param(application.returnComment()).param(application.createdBy())
                .param(Timestamp.from(application.createdAt())).param(Timestamp.from(application.updatedAt()))
                .param(timestamp(application.submittedAt())).update();
    }

    Optional<ApplicationForm> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from application where id = ?").param(id).query(this::row).optional();
    }

    /** Reads and locks the row until the transaction ends: commands on one application run one after another. */
    Optional<ApplicationForm> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from application where id = ? for update").param(id).query(this::row)
                .optional();
    }

    /** Saves when the stored version is {@code expectedVersion}; false when someone saved first. */
    boolean update(ApplicationForm application, long expectedVersion) {
        return jdbc.sql("""
                update application set status = ?, name = ?, recommending_region_code = ?, form = ?::jsonb,
                    version = ?, return_comment = ?, updated_at = ?, submitted_at = ?
                where id = ? and version = ?""")
                .param(application.status().name()).param(application.name())
                .param(application.recommendingRegionCode()).param(json.writeValueAsString(application.form()))
                .param(application.version()).param(application.returnComment())
                .param(Timestamp.from(application.updatedAt())).param(timestamp(application.submittedAt()))
                .param(application.id()).param(expectedVersion).update() == 1;
    }

    long currentVersion(UUID id) {
        return jdbc.sql("select version from application where id = ?").param(id).query(Long.class).single();
    }

    void transition(UUID applicationId, ApplicationStatus from, ApplicationStatus to, String actor, Instant at,
            String comment) {
        transition(applicationId, from, to, new Actor(actor, null, null, null), null, at, comment);
    }

    void transition(UUID applicationId, ApplicationStatus from, ApplicationStatus to, Actor actor, String stage,
            Instant at, String comment) {
        jdbc.sql("insert into application_transition (application_id, from_status, to_status, actor, actor_role, stage, "
                + "authority_code, department, at, comment) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .param(applicationId).param(from == null ? null : from.name()).param(to.name()).param(actor.username())
                .param(actor.role()).param(stage).param(actor.authorityCode()).param(actor.department())
                .param(Timestamp.from(at)).param(comment).update();
    }

    List<Transition> transitions(UUID applicationId) {
        return jdbc.sql("select from_status, to_status, actor, at, comment, actor_role, stage, authority_code, department "
                + "from application_transition where application_id = ? order by id").param(applicationId)
                .query((rs, n) -> new Transition(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9))).list();
    }

    /** The latest frozen form of a submitted application. */
    Optional<Form> latestSnapshot(UUID applicationId) {
        return jdbc.sql("select form from application_snapshot where application_id = ? order by taken_at desc, "
                + "form_version desc limit 1").param(applicationId)
                .query((rs, n) -> json.readValue(rs.getString(1), Form.class)).optional();
    }

    List<ApplicationForm> byIds(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from application where id in (:ids) order by id").param("ids", ids)
                .query(this::row).list();
    }

    void snapshot(UUID applicationId, long formVersion, long programmeVersion, Instant at, Form form, Object attachments) {
        jdbc.sql("insert into application_snapshot (id, application_id, form_version, programme_version, taken_at, "
                + "form, attachments) values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")
                .param(UUID.randomUUID()).param(applicationId).param(formVersion).param(programmeVersion)
                .param(Timestamp.from(at)).param(json.writeValueAsString(form))
                .param(json.writeValueAsString(attachments)).update();
    }

    /** A page of applications matching {@code filter}, newest change first. */
    Page page(ApplicationFilter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        long total = jdbc.sql("select count(*) from application a join programme p on p.id = a.programme_id where " + where)
                .params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<ApplicationForm> items = jdbc.sql("select " + prefixed() + " from application a join programme p "
                + "on p.id = a.programme_id where " + where + " order by a.updated_at desc, a.id limit ? offset ?")
                .params(pageParams).query(this::row).list();
        return new Page(items, total);
    }

    record Page(List<ApplicationForm> items, long total) {
    }

    record Transition(String from, String to, String actor, Instant at, String comment, String role, String stage,
            String authorityCode, String department) {
    }

    private static String prefixed() {
        return String.join(", ", java.util.Arrays.stream(COLUMNS.split(","))
                .map(column -> "a." + column.strip()).toList());
    }

    private ApplicationForm row(ResultSet rs, int rowNum) throws SQLException {
        return new ApplicationForm(rs.getObject("id", UUID.class), rs.getObject("programme_id", UUID.class),
                PlatformType.valueOf(rs.getString("platform_type")), rs.getObject("organisation_id", UUID.class),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getString("recommending_region_code"),
                rs.getString("review_departments"), json.readValue(rs.getString("form"), Form.class),
                rs.getLong("version"), rs.getString("return_comment"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "submitted_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
