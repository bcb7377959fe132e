package cn.chanjiao.reporting.report;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Report obligations and their documents in PostgreSQL. */
@Repository
class Reports {

    private static final TypeReference<LinkedHashMap<String, String>> SECTIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<Report.AttachmentRef>> ATTACHMENTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Reports(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts a new obligation; false when the platform already has one of that kind and year. */
    boolean insert(Report report) {
        return jdbc.sql("""
                insert into report (id, obligation_id, platform_id, kind, year, due_on, due_at, status, sections,
                    attachments, version, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?) on conflict do nothing""")
                .param(report.id()).param(report.obligationId()).param(report.platformId()).param(report.kind().name())
                .param(report.year()).param(report.dueOn()).param(Timestamp.from(report.dueAt()))
                .param(report.status().name()).param(json.writeValueAsString(report.sections()))
                .param(json.writeValueAsString(report.attachments())).param(report.version())
                .param(Timestamp.from(report.updatedAt())).update() == 1;
    }

    Optional<Report> find(UUID id) {
        return jdbc.sql("select * from report where id = ?").param(id).query(this::row).optional();
    }

    Optional<Report> lock(UUID id) {
        return jdbc.sql("select * from report where id = ? for update").param(id).query(this::row).optional();
    }

    /** Saves everything that changes; the caller holds the row lock and has checked the version. */
    void update(Report report) {
        jdbc.sql("""
                update report set status = ?, sections = ?::jsonb, attachments = ?::jsonb, version = ?,
                    submitted_at = ?, on_time = ?, overdue_at = ?, reviewed_at = ?, reviewed_by = ?, review_comment = ?,
                    published_at = ?, cancelled_at = ?, updated_at = ?
                where id = ?""")
                .param(report.status().name()).param(json.writeValueAsString(report.sections()))
                .param(json.writeValueAsString(report.attachments())).param(report.version())
                .param(ts(report.submittedAt())).param(report.onTime()).param(ts(report.overdueAt()))
                .param(ts(report.reviewedAt())).param(report.reviewedBy()).param(report.reviewComment())
                .param(ts(report.publishedAt())).param(ts(report.cancelledAt())).param(ts(report.updatedAt()))
                .param(report.id()).update();
    }

    /** Unsubmitted obligations past their deadline not yet marked overdue, locked (others skip them). */
    List<Report> lockDueBefore(Instant now, int limit) {
        return jdbc.sql("""
                select * from report where submitted_at is null and overdue_at is null and cancelled_at is null
                  and due_at < ? order by due_at limit ? for update skip locked""")
                .param(Timestamp.from(now)).param(limit).query(this::row).list();
    }

    List<Report> ofPlatform(UUID platformId) {
        return jdbc.sql("select * from report where platform_id = ? order by year, due_on, kind").param(platformId)
                .query(this::row).list();
    }

    List<Report> forPlatforms(List<UUID> platformIds, Integer year, ReportStatus status) {
        if (platformIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select * from report where platform_id = any(?::uuid[])");
        List<Object> params = new ArrayList<>();
        params.add("{" + String.join(",", platformIds.stream().map(UUID::toString).toList()) + "}");
        if (year != null) {
            sql.append(" and year = ?");
            params.add(year);
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        sql.append(" order by year, due_on, kind limit 1000");
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    List<Report> published(UUID platformId, Integer year, int page, int size) {
        return jdbc.sql("""
                select * from report where published_at is not null and (cast(? as uuid) is null or platform_id = ?)
                  and (cast(? as int) is null or year = ?) order by published_at desc limit ? offset ?""")
                .param(platformId).param(platformId).param(year).param(year).param(size).param((long) page * size)
                .query(this::row).list();
    }

    long countPublished(UUID platformId, Integer year) {
        return jdbc.sql("""
                select count(*) from report where published_at is not null and (cast(? as uuid) is null or platform_id = ?)
                  and (cast(? as int) is null or year = ?)""")
                .param(platformId).param(platformId).param(year).param(year).query(Long.class).single();
    }

    List<UUID> platformsInJurisdiction(String prefix) {
        return jdbc.sql("select id from platform where authority_code like ?").param(prefix + "%").query(UUID.class).list();
    }

    /** The kinds of list the platform has published for a year. */
    List<String> publishedListKinds(UUID platformId, int year) {
        return jdbc.sql("select kind from sd_list where platform_id = ? and year = ? and status = 'PUBLISHED'")
                .param(platformId).param(year).query(String.class).list();
    }

    int cancelOpen(UUID platformId, Instant at) {
        return jdbc.sql("update report set cancelled_at = ?, updated_at = ? where platform_id = ? "
                + "and submitted_at is null and cancelled_at is null")
                .param(Timestamp.from(at)).param(Timestamp.from(at)).param(platformId).update();
    }

    private Report row(ResultSet rs, int n) throws SQLException {
        return new Report(rs.getObject("id", UUID.class), rs.getObject("obligation_id", UUID.class),
                rs.getObject("platform_id", UUID.class), ReportKind.valueOf(rs.getString("kind")), rs.getInt("year"),
                rs.getDate("due_on").toLocalDate(), rs.getTimestamp("due_at").toInstant(),
                ReportStatus.valueOf(rs.getString("status")), json.readValue(rs.getString("sections"), SECTIONS),
                json.readValue(rs.getString("attachments"), ATTACHMENTS), rs.getLong("version"),
                instant(rs, "submitted_at"), (Boolean) rs.getObject("on_time"), instant(rs, "overdue_at"),
                instant(rs, "reviewed_at"), rs.getString("reviewed_by"), rs.getString("review_comment"),
                instant(rs, "published_at"), instant(rs, "cancelled_at"), rs.getTimestamp("updated_at").toInstant());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Map<String, String> copy(Map<String, String> sections) {
        return new LinkedHashMap<>(sections);
    }
}
