package cn.chanjiao.application.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Review rounds, expert assignments with their scores, and meeting / site-visit records. */
@Repository
class ExpertReviewRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ExpertReviewRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Round(UUID id, UUID programmeId, String platformType, String name, String authorityCode, String department,
            int expertsPerApplication, boolean avoidSameCity, String status, String createdBy, Instant createdAt,
            Instant closedAt) {

        boolean open() {
            return "OPEN".equals(status);
        }
    }

    record RoundApplication(UUID applicationId, BigDecimal average, BigDecimal averageWithoutOutliers) {
    }

    record Assignment(UUID id, UUID roundId, UUID applicationId, UUID expertId, String expertName,
            UUID expertOrganisationId, String how, String assignedBy, Instant assignedAt, Map<String, BigDecimal> scores,
            BigDecimal deduction, BigDecimal total, String comment, Instant scoredAt, boolean outlier) {

        boolean scored() {
            return scoredAt != null;
        }
    }

    void insertRound(Round round) {
        jdbc.sql("""
                insert into review_round (id, programme_id, platform_type, name, authority_code, department,
                    experts_per_application, avoid_same_city, status, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(round.id()).param(round.programmeId()).param(round.platformType()).param(round.name())
                .param(round.authorityCode()).param(round.department()).param(round.expertsPerApplication())
                .param(round.avoidSameCity()).param(round.status()).param(round.createdBy())
                .param(Timestamp.from(round.createdAt())).update();
    }

    /** Rounds held by an authority and department, newest first. */
    List<Round> rounds(String authorityCode, String department, UUID programmeId, String platformType) {
        return jdbc.sql("select * from review_round where authority_code = ? and department = ? "
                + "and (cast(? as uuid) is null or programme_id = ?) and (cast(? as varchar) is null or platform_type = ?) "
                + "order by created_at desc, id limit 200").param(authorityCode).param(department).param(programmeId)
                .param(programmeId).param(platformType).param(platformType).query(this::round).list();
    }

    void addApplication(UUID roundId, UUID applicationId) {
        jdbc.sql("insert into review_round_application (round_id, application_id) values (?, ?)").param(roundId)
                .param(applicationId).update();
    }

    Optional<Round> round(UUID id, boolean lock) {
        return jdbc.sql("select * from review_round where id = ?" + (lock ? " for update" : "")).param(id)
                .query(this::round).optional();
    }

    List<RoundApplication> applications(UUID roundId) {
        return jdbc.sql("select application_id, average, average_without_outliers from review_round_application "
                + "where round_id = ? order by application_id").param(roundId)
                .query((rs, n) -> new RoundApplication(rs.getObject(1, UUID.class), rs.getBigDecimal(2),
                        rs.getBigDecimal(3))).list();
    }

    /** Whether the application was in a round that is closed (its expert review is complete). */
    boolean reviewedInClosedRound(UUID applicationId) {
        return jdbc.sql("select count(*) from review_round_application ra join review_round r on r.id = ra.round_id "
                + "where ra.application_id = ? and r.status = 'CLOSED'").param(applicationId).query(Integer.class)
                .single() > 0;
    }

    Optional<RoundApplication> latestResult(UUID applicationId) {
        return jdbc.sql("select ra.application_id, ra.average, ra.average_without_outliers from review_round_application ra "
                + "join review_round r on r.id = ra.round_id where ra.application_id = ? and r.status = 'CLOSED' "
                + "order by r.closed_at desc limit 1").param(applicationId)
                .query((rs, n) -> new RoundApplication(rs.getObject(1, UUID.class), rs.getBigDecimal(2),
                        rs.getBigDecimal(3))).optional();
    }

    void result(UUID roundId, UUID applicationId, BigDecimal average, BigDecimal withoutOutliers) {
        jdbc.sql("update review_round_application set average = ?, average_without_outliers = ? where round_id = ? "
                + "and application_id = ?").param(average).param(withoutOutliers).param(roundId).param(applicationId)
                .update();
    }

    void close(UUID roundId, Instant at) {
        jdbc.sql("update review_round set status = 'CLOSED', closed_at = ? where id = ?").param(Timestamp.from(at))
                .param(roundId).update();
    }

    void insertAssignment(Assignment a) {
        jdbc.sql("""
                insert into expert_assignment (id, round_id, application_id, expert_id, expert_name,
                    expert_organisation_id, how, assigned_by, assigned_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(a.id()).param(a.roundId()).param(a.applicationId()).param(a.expertId()).param(a.expertName())
                .param(a.expertOrganisationId()).param(a.how()).param(a.assignedBy()).param(Timestamp.from(a.assignedAt()))
                .update();
    }

    List<Assignment> assignments(UUID roundId) {
        return jdbc.sql("select * from expert_assignment where round_id = ? order by application_id, assigned_at, id")
                .param(roundId).query(this::assignment).list();
    }

    List<Assignment> assignmentsOf(UUID expertId) {
        return jdbc.sql("select * from expert_assignment where expert_id = ? order by assigned_at desc, id")
                .param(expertId).query(this::assignment).list();
    }

    Optional<Assignment> assignment(UUID id, boolean lock) {
        return jdbc.sql("select * from expert_assignment where id = ?" + (lock ? " for update" : "")).param(id)
                .query(this::assignment).optional();
    }

    void score(UUID id, Map<String, BigDecimal> scores, BigDecimal deduction, BigDecimal total, String comment,
            Instant at) {
        jdbc.sql("update expert_assignment set scores = ?::jsonb, deduction = ?, total = ?, comment = ?, scored_at = ? "
                + "where id = ?").param(json.writeValueAsString(scores)).param(deduction).param(total).param(comment)
                .param(Timestamp.from(at)).param(id).update();
    }

    void outlier(UUID id, boolean outlier) {
        jdbc.sql("update expert_assignment set outlier = ? where id = ?").param(outlier).param(id).update();
    }

    record StageRecord(UUID id, UUID applicationId, String stage, String outcome, String comment, UUID minutesId,
            String recordedBy, Instant recordedAt) {
    }

    void insertStageRecord(StageRecord r) {
        jdbc.sql("insert into review_stage_record (id, application_id, stage, outcome, comment, minutes_id, recorded_by, "
                + "recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)").param(r.id()).param(r.applicationId()).param(r.stage())
                .param(r.outcome()).param(r.comment()).param(r.minutesId()).param(r.recordedBy())
                .param(Timestamp.from(r.recordedAt())).update();
    }

    List<StageRecord> stageRecords(UUID applicationId) {
        return jdbc.sql("select id, application_id, stage, outcome, comment, minutes_id, recorded_by, recorded_at "
                + "from review_stage_record where application_id = ? order by recorded_at, id").param(applicationId)
                .query((rs, n) -> new StageRecord(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7),
                        rs.getTimestamp(8).toInstant())).list();
    }

    private Round round(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Round(rs.getObject("id", UUID.class), rs.getObject("programme_id", UUID.class),
                rs.getString("platform_type"), rs.getString("name"), rs.getString("authority_code"),
                rs.getString("department"), rs.getInt("experts_per_application"), rs.getBoolean("avoid_same_city"),
                rs.getString("status"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                closed == null ? null : closed.toInstant());
    }

    private Assignment assignment(ResultSet rs, int n) throws SQLException {
        String scores = rs.getString("scores");
        Timestamp scored = rs.getTimestamp("scored_at");
        return new Assignment(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class),
                rs.getObject("application_id", UUID.class), rs.getObject("expert_id", UUID.class),
                rs.getString("expert_name"), rs.getObject("expert_organisation_id", UUID.class), rs.getString("how"),
                rs.getString("assigned_by"), rs.getTimestamp("assigned_at").toInstant(),
                scores == null ? Map.of() : json.readValue(scores, new TypeReference<Map<String, BigDecimal>>() {
                }), rs.getBigDecimal("deduction"), rs.getBigDecimal("total"), rs.getString("comment"),
                scored == null ? null : scored.toInstant(), rs.getBoolean("outlier"));
    }
}
