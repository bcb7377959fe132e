package cn.chanjiao.application.notice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Public notices, the applications on them, objections and approved platforms. */
@Repository
class NoticeRepository {

    private final JdbcClient jdbc;

    NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Notice(UUID id, UUID programmeId, String authorityCode, String title, LocalDate startsOn, LocalDate endsOn,
            Instant startsAt, Instant endsAt, int workingDays, String status, String createdBy, Instant createdAt,
            Instant closedAt) {

        boolean closed() {
            return "CLOSED".equals(status);
        }

        /** UPCOMING, RUNNING, ENDED (awaiting approval) or CLOSED. */
        String phase(Instant now) {
            if (closed()) {
                return "CLOSED";
            }
            if (now.isBefore(startsAt)) {
                return "UPCOMING";
            }
            return now.isAfter(endsAt) ? "ENDED" : "RUNNING";
        }
    }

    record Entry(UUID applicationId, int position, String outcome) {
    }

    record Objection(UUID id, UUID noticeId, UUID applicationId, String filerName, String filerContact, String grounds,
            String status, String assignee, String rulingReason, String ruledBy, Instant ruledAt, Instant filedAt) {

        boolean ruled() {
            return "UPHELD".equals(status) || "DISMISSED".equals(status);
        }
    }

    void insert(Notice n) {
        jdbc.sql("""
                insert into public_notice (id, programme_id, authority_code, title, starts_on, ends_on, starts_at, ends_at,
                    working_days, status, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(n.id()).param(n.programmeId()).param(n.authorityCode()).param(n.title())
                .param(Date.valueOf(n.startsOn())).param(Date.valueOf(n.endsOn())).param(Timestamp.from(n.startsAt()))
                .param(Timestamp.from(n.endsAt())).param(n.workingDays()).param(n.status()).param(n.createdBy())
                .param(Timestamp.from(n.createdAt())).update();
    }

    void addApplication(UUID noticeId, UUID applicationId, int position) {
        jdbc.sql("insert into notice_application (notice_id, application_id, position) values (?, ?, ?)")
                .param(noticeId).param(applicationId).param(position).update();
    }

    Optional<Notice> notice(UUID id, boolean lock) {
        return jdbc.sql("select * from public_notice where id = ?" + (lock ? " for update" : "")).param(id)
                .query(this::notice).optional();
    }

    List<Notice> notices(UUID programmeId, int limit) {
        return jdbc.sql("select * from public_notice where (cast(? as uuid) is null or programme_id = ?) "
                + "order by starts_at desc, id limit ?").param(programmeId).param(programmeId).param(limit)
                .query(this::notice).list();
    }

    /** Open notices whose end has passed. */
    List<UUID> due(Instant now) {
        return jdbc.sql("select id from public_notice where status = 'OPEN' and ends_at < ? order by ends_at")
                .param(Timestamp.from(now)).query(UUID.class).list();
    }

    void close(UUID id, Instant at) {
        jdbc.sql("update public_notice set status = 'CLOSED', closed_at = ? where id = ?").param(Timestamp.from(at))
                .param(id).update();
    }

    List<Entry> entries(UUID noticeId) {
        return jdbc.sql("select application_id, position, outcome from notice_application where notice_id = ? "
                + "order by position").param(noticeId)
                .query((rs, n) -> new Entry(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3))).list();
    }

    void outcome(UUID noticeId, UUID applicationId, String outcome) {
        jdbc.sql("update notice_application set outcome = ? where notice_id = ? and application_id = ?").param(outcome)
                .param(noticeId).param(applicationId).update();
    }

    void insert(Objection o) {
        jdbc.sql("""
                insert into objection (id, notice_id, application_id, filer_name, filer_contact, grounds, status, filed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(o.id()).param(o.noticeId()).param(o.applicationId()).param(o.filerName()).param(o.filerContact())
                .param(o.grounds()).param(o.status()).param(Timestamp.from(o.filedAt())).update();
    }

    Optional<Objection> objection(UUID id, boolean lock) {
        return jdbc.sql("select * from objection where id = ?" + (lock ? " for update" : "")).param(id)
                .query(this::objection).optional();
    }

    List<Objection> objections(UUID noticeId) {
        return jdbc.sql("select * from objection where notice_id = ? order by filed_at, id").param(noticeId)
                .query(this::objection).list();
    }

    void assign(UUID id, String assignee) {
        jdbc.sql("update objection set status = 'ASSIGNED', assignee = ? where id = ?").param(assignee).param(id).update();
    }

    void rule(UUID id, String outcome, String reason, String by, Instant at) {
        jdbc.sql("update objection set status = ?, ruling_reason = ?, ruled_by = ?, ruled_at = ? where id = ?")
                .param(outcome).param(reason).param(by).param(Timestamp.from(at)).param(id).update();
    }

    void token(UUID objectionId, String sha256) {
        jdbc.sql("update objection set filer_token_sha256 = ? where id = ?").param(sha256).param(objectionId).update();
    }

    Optional<String> token(UUID objectionId) {
        return jdbc.sql("select filer_token_sha256 from objection where id = ?").param(objectionId).query(String.class)
                .optional();
    }

    record Evidence(UUID id, UUID objectionId, String fileName, String fileType, String contentType, long size,
            String sha256, String storageKey, Instant uploadedAt) {
    }

    void insert(Evidence e) {
        jdbc.sql("insert into objection_attachment (id, objection_id, file_name, file_type, content_type, size_bytes, "
                + "sha256, storage_key, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .param(e.id()).param(e.objectionId()).param(e.fileName()).param(e.fileType()).param(e.contentType())
                .param(e.size()).param(e.sha256()).param(e.storageKey()).param(Timestamp.from(e.uploadedAt())).update();
    }

    List<Evidence> evidence(UUID objectionId) {
        return jdbc.sql("select id, objection_id, file_name, file_type, content_type, size_bytes, sha256, storage_key, "
                + "uploaded_at from objection_attachment where objection_id = ? order by uploaded_at, id")
                .param(objectionId).query((rs, n) -> new Evidence(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7),
                        rs.getString(8), rs.getTimestamp(9).toInstant())).list();
    }

    private Notice notice(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Notice(rs.getObject("id", UUID.class), rs.getObject("programme_id", UUID.class),
                rs.getString("authority_code"), rs.getString("title"), rs.getDate("starts_on").toLocalDate(),
                rs.getDate("ends_on").toLocalDate(), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getInt("working_days"), rs.getString("status"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                closed == null ? null : closed.toInstant());
    }

    private Objection objection(ResultSet rs, int n) throws SQLException {
        Timestamp ruled = rs.getTimestamp("ruled_at");
        return new Objection(rs.getObject("id", UUID.class), rs.getObject("notice_id", UUID.class),
                rs.getObject("application_id", UUID.class), rs.getString("filer_name"), rs.getString("filer_contact"),
                rs.getString("grounds"), rs.getString("status"), rs.getString("assignee"), rs.getString("ruling_reason"),
                rs.getString("ruled_by"), ruled == null ? null : ruled.toInstant(), rs.getTimestamp("filed_at").toInstant());
    }

    // ------------------------------------------------------------------------------ platforms

    record Platform(UUID id, UUID applicationId, UUID programmeId, UUID noticeId, String platformType, String name,
            UUID leadOrganisationId, String regionCode, String authorityCode, int planFrom, int planTo, String status,
            Instant approvedAt, Instant revokedAt, String revokeReason, String revokeReasonCode) {
    }

    void insert(Platform p) {
        jdbc.sql("""
                insert into platform (id, application_id, programme_id, notice_id, platform_type, name,
                    lead_organisation_id, region_code, authority_code, plan_from, plan_to, status, approved_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(p.id()).param(p.applicationId()).param(p.programmeId()).param(p.noticeId()).param(p.platformType())
                .param(p.name()).param(p.leadOrganisationId()).param(p.regionCode()).param(p.authorityCode())
                .param(p.planFrom()).param(p.planTo()).param(p.status()).param(Timestamp.from(p.approvedAt())).update();
    }

    Optional<Platform> platform(UUID id, boolean lock) {
        return jdbc.sql("select * from platform where id = ?" + (lock ? " for update" : "")).param(id)
                .query(this::platform).optional();
    }

    List<Platform> platforms(UUID programmeId, String status) {
        return jdbc.sql("select * from platform where (cast(? as uuid) is null or programme_id = ?) "
                + "and (cast(? as varchar) is null or status = ?) order by approved_at, name")
                .param(programmeId).param(programmeId).param(status).param(status).query(this::platform).list();
    }

    void revoke(UUID id, String reasonCode, String comment, String by, Instant at) {
        jdbc.sql("update platform set status = 'REVOKED', revoke_reason_code = ?, revoke_reason = ?, revoked_by = ?, "
                + "revoked_at = ? where id = ?")
                .param(reasonCode).param(comment).param(by).param(Timestamp.from(at)).param(id).update();
    }

    private Platform platform(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Platform(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getObject("programme_id", UUID.class), rs.getObject("notice_id", UUID.class),
                rs.getString("platform_type"), rs.getString("name"), rs.getObject("lead_organisation_id", UUID.class),
                rs.getString("region_code"), rs.getString("authority_code"), rs.getInt("plan_from"), rs.getInt("plan_to"),
                rs.getString("status"), rs.getTimestamp("approved_at").toInstant(),
                revoked == null ? null : revoked.toInstant(), rs.getString("revoke_reason"),
                rs.getString("revoke_reason_code"));
    }
}
