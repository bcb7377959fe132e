package cn.chanjiao.indicator.derived;

import cn.chanjiao.indicator.platform.PlatformRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** What reporting-service told us, kept for the derived indicators (report timeliness, tech demands). */
@Repository
public class DerivedFacts {

    private final JdbcClient jdbc;
    private final Clock clock;

    DerivedFacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void reportSubmitted(UUID obligationId, UUID platformId, String kind, int year, Instant dueAt, Instant submittedAt,
            boolean onTime) {
        jdbc.sql("""
                insert into report_fact (obligation_id, platform_id, kind, year, due_at, submitted_at, on_time, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (obligation_id) do update set submitted_at = excluded.submitted_at, on_time = excluded.on_time,
                    due_at = coalesce(excluded.due_at, report_fact.due_at), updated_at = excluded.updated_at""")
                .param(obligationId).param(platformId).param(kind).param(year).param(timestamp(dueAt))
                .param(timestamp(submittedAt)).param(onTime).param(Timestamp.from(clock.instant())).update();
    }

    void reportOverdue(UUID obligationId, UUID platformId, String kind, int year, Instant dueAt) {
        jdbc.sql("""
                insert into report_fact (obligation_id, platform_id, kind, year, due_at, overdue, updated_at)
                values (?, ?, ?, ?, ?, true, ?)
                on conflict (obligation_id) do update set overdue = true, updated_at = excluded.updated_at""")
                .param(obligationId).param(platformId).param(kind).param(year).param(timestamp(dueAt))
                .param(Timestamp.from(clock.instant())).update();
    }

    void demandUndertaken(UUID undertakingId, UUID demandId, UUID platformId, int year) {
        jdbc.sql("""
                insert into tech_demand_fact (undertaking_id, demand_id, platform_id, undertaken_year) values (?, ?, ?, ?)
                on conflict (undertaking_id) do update set undertaken_year = coalesce(tech_demand_fact.undertaken_year, excluded.undertaken_year)""")
                .param(undertakingId).param(demandId).param(platformId).param(year).update();
    }

    void demandCompleted(UUID undertakingId, UUID demandId, UUID platformId, int year) {
        jdbc.sql("""
                insert into tech_demand_fact (undertaking_id, demand_id, platform_id, completed_year) values (?, ?, ?, ?)
                on conflict (undertaking_id) do update set completed_year = excluded.completed_year""")
                .param(undertakingId).param(demandId).param(platformId).param(year).update();
    }

    /** Report obligations of a year by platform. */
    public Map<UUID, DerivedRules.Reports> reports(Collection<UUID> platformIds, int year) {
        Map<UUID, DerivedRules.Reports> result = new HashMap<>();
        if (platformIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                select platform_id, count(*),
                    count(*) filter (where submitted_at is not null and on_time),
                    count(*) filter (where submitted_at is not null and not coalesce(on_time, false)),
                    count(*) filter (where submitted_at is null and overdue)
                from report_fact where platform_id = any(?::uuid[]) and year = ? group by platform_id""")
                .param(PlatformRepository.arrayLiteral(platformIds)).param(year)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class),
                        new DerivedRules.Reports(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))))
                .list().forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }

    /** Each report obligation of a platform's year that reporting-service told us about, by deadline. */
    public java.util.List<ReportTimeliness> reportTimeliness(UUID platformId, int year) {
        return jdbc.sql("select obligation_id, kind, due_at, submitted_at, on_time, overdue from report_fact "
                + "where platform_id = ? and year = ? order by due_at nulls last, kind").param(platformId).param(year)
                .query((rs, n) -> {
                    Timestamp due = rs.getTimestamp(3);
                    Timestamp submitted = rs.getTimestamp(4);
                    String status = submitted != null ? (Boolean.TRUE.equals(rs.getObject(5)) ? "ON_TIME" : "LATE")
                            : rs.getBoolean(6) ? "MISSING" : "PENDING";
                    return new ReportTimeliness(rs.getObject(1, UUID.class), rs.getString(2),
                            due == null ? null : due.toInstant(), submitted == null ? null : submitted.toInstant(), status);
                }).list();
    }

    /**
     * A required report's timeliness.
     *
     * @param status ON_TIME, LATE (submitted after its deadline), MISSING (overdue, not submitted), PENDING
     */
    public record ReportTimeliness(UUID obligationId, String kind, Instant dueAt, Instant submittedAt, String status) {
    }

    /**
     * A report reporting-service marked overdue ({@code ReportOverdue}), and when it was submitted after all.
     *
     * @param noticedAt when we last learnt something of it (the overdue mark or the late submission)
     */
    public record OverdueReport(UUID obligationId, UUID platformId, String kind, int year, Instant dueAt, Instant submittedAt,
            Instant noticedAt) {
    }

    /** Every report of these platforms reporting-service marked overdue, submitted late or still missing. */
    public java.util.List<OverdueReport> overdueReports(Collection<UUID> platformIds) {
        if (platformIds.isEmpty()) {
            return java.util.List.of();
        }
        return jdbc.sql("select obligation_id, platform_id, kind, year, due_at, submitted_at, coalesce(updated_at, due_at) "
                + "from report_fact where overdue and platform_id = any(?::uuid[]) order by due_at")
                .param(PlatformRepository.arrayLiteral(platformIds))
                .query((rs, n) -> new OverdueReport(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getInt(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Tech demands undertaken and completed in a year by platform. */
    public Map<UUID, DerivedRules.TechDemands> techDemands(Collection<UUID> platformIds, int year) {
        Map<UUID, DerivedRules.TechDemands> result = new HashMap<>();
        if (platformIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                select platform_id, count(*) filter (where undertaken_year = ?), count(*) filter (where completed_year = ?)
                from tech_demand_fact where platform_id = any(?::uuid[]) group by platform_id""")
                .param(year).param(year).param(PlatformRepository.arrayLiteral(platformIds))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new DerivedRules.TechDemands(rs.getInt(2), rs.getInt(3))))
                .list().forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
