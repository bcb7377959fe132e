package cn.chanjiao.application.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where applications stand on their route, and the recommending authorities' lists. */
@Repository
class ReviewRepository {

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Position(UUID applicationId, int stageIndex, String recommendedBy, String recommendedDepartment,
            Integer rank) {
    }

    Optional<Position> position(UUID applicationId) {
        return jdbc.sql("select application_id, stage_index, recommended_by, recommended_department, recommended_rank "
                + "from application_review where application_id = ?").param(applicationId)
                .query((rs, n) -> new Position(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getString(4), (Integer) rs.getObject(5))).optional();
    }

    int stageIndex(UUID applicationId) {
        return position(applicationId).map(Position::stageIndex).orElse(0);
    }

    void moveTo(UUID applicationId, int stageIndex, Instant now) {
        jdbc.sql("""
                insert into application_review (application_id, stage_index, updated_at) values (?, ?, ?)
                on conflict (application_id) do update set stage_index = excluded.stage_index, updated_at = excluded.updated_at""")
                .param(applicationId).param(stageIndex).param(Timestamp.from(now)).update();
    }

    /** Back to the start of the route, no longer recommended (a returned form). */
    void restart(UUID applicationId, Instant now) {
        jdbc.sql("update application_review set stage_index = 0, recommended_by = null, recommended_department = null, "
                + "recommended_rank = null, recommended_at = null, updated_at = ? where application_id = ?")
                .param(Timestamp.from(now)).param(applicationId).update();
    }

    void recommend(UUID applicationId, int stageIndex, String authority, String department, int rank, Instant now) {
        jdbc.sql("""
                insert into application_review (application_id, stage_index, recommended_by, recommended_department,
                    recommended_rank, recommended_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (application_id) do update set stage_index = excluded.stage_index,
                    recommended_by = excluded.recommended_by, recommended_department = excluded.recommended_department,
                    recommended_rank = excluded.recommended_rank, recommended_at = excluded.recommended_at,
                    updated_at = excluded.updated_at""")
                .param(applicationId).param(stageIndex).param(authority).param(department).param(rank)
                .param(Timestamp.from(now)).param(Timestamp.from(now)).update();
    }

    void rank(UUID applicationId, int rank) {
        jdbc.sql("update application_review set recommended_rank = ? where application_id = ?").param(rank)
                .param(applicationId).update();
    }

    record ListEntry(UUID applicationId, String name, int rank, String status) {
    }

    /** The applications an authority recommended (and that are still in the competition), by rank. */
    List<ListEntry> recommended(UUID programmeId, String platformType, String authority) {
        return jdbc.sql("""
                select a.id, a.name, r.recommended_rank, a.status from application_review r
                join application a on a.id = r.application_id
                where a.programme_id = ? and a.platform_type = ? and r.recommended_by = ?
                  and a.status in ('RECOMMENDED', 'IN_EXPERT_REVIEW', 'SHORTLISTED', 'IN_PUBLIC_NOTICE', 'APPROVED')
                order by r.recommended_rank, a.id""")
                .param(programmeId).param(platformType).param(authority)
                .query((rs, n) -> new ListEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getString(4))).list();
    }

    record RecommendationList(String department, Instant lockedAt, String lockedBy) {

        boolean locked() {
            return lockedAt != null;
        }
    }

    /** The authority's list, created when absent, locked until the transaction ends (quota checks run one at a time). */
    RecommendationList lockList(UUID programmeId, String platformType, String authority, String department) {
        jdbc.sql("insert into recommendation_list (programme_id, platform_type, authority_code, department) "
                + "values (?, ?, ?, ?) on conflict do nothing")
                .param(programmeId).param(platformType).param(authority).param(department).update();
        return jdbc.sql("select department, locked_at, locked_by from recommendation_list where programme_id = ? "
                + "and platform_type = ? and authority_code = ? for update")
                .param(programmeId).param(platformType).param(authority)
                .query((rs, n) -> new RecommendationList(rs.getString(1), instant(rs.getTimestamp(2)), rs.getString(3)))
                .single();
    }

    Optional<RecommendationList> list(UUID programmeId, String platformType, String authority) {
        return jdbc.sql("select department, locked_at, locked_by from recommendation_list where programme_id = ? "
                + "and platform_type = ? and authority_code = ?")
                .param(programmeId).param(platformType).param(authority)
                .query((rs, n) -> new RecommendationList(rs.getString(1), instant(rs.getTimestamp(2)), rs.getString(3)))
                .optional();
    }

    void lock(UUID programmeId, String platformType, String authority, String by, Instant now) {
        jdbc.sql("update recommendation_list set locked_at = ?, locked_by = ? where programme_id = ? "
                + "and platform_type = ? and authority_code = ?")
                .param(Timestamp.from(now)).param(by).param(programmeId).param(platformType).param(authority).update();
    }

    /** Applications of a programme and type already in one of {@code statuses}. */
    int countInStatus(UUID programmeId, String platformType, List<String> statuses) {
        return jdbc.sql("select count(*) from application where programme_id = :p and platform_type = :t "
                + "and status in (:s)").param("p", programmeId).param("t", platformType).param("s", statuses)
                .query(Integer.class).single();
    }

    /** Serialises quota decisions of one programme and type until the transaction ends. */
    void lockQuota(UUID programmeId, String platformType) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(programmeId + "/" + platformType)
                .query((rs, n) -> 1).list();
    }

    /**
     * Records that a deadline was announced; true the first time for its kind and subject (or when its due
     * time moved), so a deadline is published once however many submissions lead to it.
     */
    boolean scheduleOnce(String kind, String subjectId, Instant dueAt) {
        return jdbc.sql("insert into scheduled_deadline (kind, subject_id, due_at) values (?, ?, ?) "
                + "on conflict (kind, subject_id) do update set due_at = excluded.due_at "
                + "where scheduled_deadline.due_at <> excluded.due_at")
                .param(kind).param(subjectId).param(Timestamp.from(dueAt)).update() == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
