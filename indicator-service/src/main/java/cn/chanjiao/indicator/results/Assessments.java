package cn.chanjiao.indicator.results;

import cn.chanjiao.indicator.derived.DerivedFacts;
import cn.chanjiao.indicator.derived.DerivedRules;
import cn.chanjiao.indicator.platform.Platform;
import cn.chanjiao.indicator.platform.PlatformRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Graded assessments of platform-years: the grade the programme's rule gives (computed from completion,
 * submission and missing reports whenever asked), an authority's adjustment with its comment (stored,
 * versioned) and the grade as published (stored, final).
 */
@Component
public class Assessments {

    private final GradingRules rules;
    private final DerivedFacts facts;
    private final JdbcClient jdbc;

    Assessments(GradingRules rules, DerivedFacts facts, JdbcClient jdbc) {
        this.rules = rules;
        this.facts = facts;
        this.jdbc = jdbc;
    }

    public Optional<GradingRules.KindRule> rule(String programmeCode, AssessmentKind kind) {
        return rules.rule(programmeCode, kind);
    }

    /** What is stored of a platform-year's assessment: the adjustment and the publication. */
    record Stored(UUID platformId, int year, AssessmentKind kind, long version, String grade, BigDecimal score,
            String comment, String adjustedBy, Instant adjustedAt, String publishedGrade, String publishedGradeName,
            BigDecimal publishedScore, Boolean publishedPassed, Boolean publishedAdjusted, UUID assessmentId,
            Instant publishedAt) {

        boolean adjusted() {
            return grade != null;
        }

        boolean published() {
            return publishedAt != null;
        }
    }

    /**
     * A platform-year's grade as it stands: published (final), adjusted by an authority, or proposed by the rule.
     *
     * @param status          PROPOSED, ADJUSTED or PUBLISHED
     * @param computedScore   completion × 100, one decimal
     * @param reasons         why the computed grade is below what the score alone gives (NOT_SUBMITTED, NO_TARGETS, REPORTS_MISSING)
     */
    public record Grading(AssessmentKind kind, String kindName, String status, BigDecimal computedScore,
            String computedGrade, List<String> reasons, BigDecimal score, String grade, String gradeName, boolean passed,
            boolean adjusted, String comment, long version, UUID assessmentId, Instant publishedAt) {
    }

    /** The grades of one kind for the given rows' platforms (those the kind applies to in that year). */
    Map<UUID, Grading> grade(String programmeCode, int year, AssessmentKind kind, Collection<Platform> platforms,
            Map<UUID, BigDecimal> completion, Map<UUID, Boolean> submitted) {
        Map<UUID, Grading> result = new HashMap<>();
        GradingRules.KindRule rule = rules.rule(programmeCode, kind).orElse(null);
        if (rule == null) {
            return result;
        }
        List<UUID> ids = platforms.stream().filter(platform -> rule.applies(kind, platform.planYears(), year))
                .map(Platform::id).toList();
        Map<UUID, DerivedRules.Reports> reports = facts.reports(ids, year);
        Map<UUID, Stored> stored = stored(ids, year, kind);
        for (UUID id : ids) {
            GradingRules.Graded computed = rule.grade(completion.get(id), Boolean.TRUE.equals(submitted.get(id)),
                    reports.getOrDefault(id, DerivedRules.Reports.NONE).missing());
            result.put(id, grading(kind, rule, computed, stored.get(id)));
        }
        return result;
    }

    static Grading grading(AssessmentKind kind, GradingRules.KindRule rule, GradingRules.Graded computed, Stored stored) {
        String computedGrade = computed.grade().code();
        if (stored != null && stored.published()) {
            return new Grading(kind, rule.name(), "PUBLISHED", computed.score(), computedGrade, computed.reasons(),
                    stored.publishedScore(), stored.publishedGrade(), stored.publishedGradeName(),
                    Boolean.TRUE.equals(stored.publishedPassed()), Boolean.TRUE.equals(stored.publishedAdjusted()),
                    stored.comment(), stored.version(), stored.assessmentId(), stored.publishedAt());
        }
        if (stored != null && stored.adjusted()) {
            GradingRules.Grade grade = rule.find(stored.grade()).orElse(computed.grade());
            return new Grading(kind, rule.name(), "ADJUSTED", computed.score(), computedGrade, computed.reasons(),
                    stored.score() != null ? stored.score() : computed.score(), grade.code(), grade.name(), grade.passes(),
                    true, stored.comment(), stored.version(), null, null);
        }
        return new Grading(kind, rule.name(), "PROPOSED", computed.score(), computedGrade, computed.reasons(),
                computed.score(), computedGrade, computed.grade().name(), computed.grade().passes(), false, null,
                stored == null ? 0 : stored.version(), null, null);
    }

    Map<UUID, Stored> stored(Collection<UUID> platformIds, int year, AssessmentKind kind) {
        Map<UUID, Stored> result = new HashMap<>();
        if (platformIds.isEmpty()) {
            return result;
        }
        jdbc.sql(SELECT + " where platform_id = any(?::uuid[]) and year = ? and kind = ?")
                .param(PlatformRepository.arrayLiteral(platformIds)).param(year).param(kind.name())
                .query((rs, n) -> stored(rs)).list().forEach(stored -> result.put(stored.platformId(), stored));
        return result;
    }

    /** Locks (creating it at version 0 if needed) a platform-year's assessment row. */
    Stored lock(UUID platformId, int year, AssessmentKind kind, Instant now) {
        jdbc.sql("insert into platform_assessment (platform_id, year, kind, version, updated_at) values (?, ?, ?, 0, ?) "
                + "on conflict do nothing").param(platformId).param(year).param(kind.name()).param(Timestamp.from(now)).update();
        return jdbc.sql(SELECT + " where platform_id = ? and year = ? and kind = ? for update").param(platformId)
                .param(year).param(kind.name()).query((rs, n) -> stored(rs)).single();
    }

    void adjust(UUID platformId, int year, AssessmentKind kind, String grade, BigDecimal score, String comment, String by,
            Instant now) {
        jdbc.sql("""
                update platform_assessment set grade = ?, score = ?, comment = ?, adjusted_by = ?, adjusted_at = ?,
                    version = version + 1, updated_at = ? where platform_id = ? and year = ? and kind = ?""")
                .param(grade).param(score).param(comment).param(by).param(Timestamp.from(now)).param(Timestamp.from(now))
                .param(platformId).param(year).param(kind.name()).update();
    }

    void publish(UUID platformId, int year, AssessmentKind kind, Grading grading, UUID assessmentId, Instant now) {
        jdbc.sql("""
                update platform_assessment set published_grade = ?, published_grade_name = ?, published_score = ?,
                    published_passed = ?, published_adjusted = ?, assessment_id = ?, published_at = ?, version = version + 1,
                    updated_at = ? where platform_id = ? and year = ? and kind = ?""")
                .param(grading.grade()).param(grading.gradeName()).param(grading.score()).param(grading.passed())
                .param(grading.adjusted()).param(assessmentId).param(Timestamp.from(now)).param(Timestamp.from(now))
                .param(platformId).param(year).param(kind.name()).update();
    }

    void audit(UUID platformId, int year, AssessmentKind kind, Instant at, String actor, String action, String gradeBefore,
            String gradeAfter, BigDecimal scoreBefore, BigDecimal scoreAfter, String comment) {
        jdbc.sql("""
                insert into platform_assessment_audit (platform_id, year, kind, at, actor, action, grade_before, grade_after,
                    score_before, score_after, comment) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(platformId).param(year).param(kind.name()).param(Timestamp.from(at)).param(actor).param(action)
                .param(gradeBefore).param(gradeAfter).param(scoreBefore).param(scoreAfter).param(comment).update();
    }

    /** One entry of a platform-year assessment's history. */
    public record AuditEntry(Instant at, String actor, String action, String gradeBefore, String gradeAfter,
            BigDecimal scoreBefore, BigDecimal scoreAfter, String comment) {
    }

    List<AuditEntry> history(UUID platformId, int year, AssessmentKind kind) {
        return jdbc.sql("""
                select at, actor, action, grade_before, grade_after, score_before, score_after, comment
                from platform_assessment_audit where platform_id = ? and year = ? and kind = ? order by id""")
                .param(platformId).param(year).param(kind.name())
                .query((rs, n) -> new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8)))
                .list();
    }

    /** Every published grade of these platforms, oldest first. */
    public List<PublishedGrade> publishedGrades(Collection<UUID> platformIds) {
        if (platformIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select platform_id, year, kind, published_grade, published_grade_name, published_passed, published_at
                from platform_assessment where platform_id = any(?::uuid[]) and published_at is not null
                order by platform_id, published_at, year""")
                .param(PlatformRepository.arrayLiteral(platformIds))
                .query((rs, n) -> new PublishedGrade(rs.getObject(1, UUID.class), rs.getInt(2),
                        AssessmentKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** A platform's published grade ({@code passed} false: 不合格, it puts the platform on the watch-list). */
    public record PublishedGrade(UUID platformId, int year, AssessmentKind kind, String grade, String gradeName, boolean passed,
            Instant publishedAt) {
    }

    private static final String SELECT = """
            select platform_id, year, kind, version, grade, score, comment, adjusted_by, adjusted_at, published_grade,
                published_grade_name, published_score, published_passed, published_adjusted, assessment_id, published_at
            from platform_assessment""";

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp adjustedAt = rs.getTimestamp(9);
        Timestamp publishedAt = rs.getTimestamp(16);
        return new Stored(rs.getObject(1, UUID.class), rs.getInt(2), AssessmentKind.valueOf(rs.getString(3)), rs.getLong(4),
                rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8),
                adjustedAt == null ? null : adjustedAt.toInstant(), rs.getString(10), rs.getString(11), rs.getBigDecimal(12),
                (Boolean) rs.getObject(13), (Boolean) rs.getObject(14), rs.getObject(15, UUID.class),
                publishedAt == null ? null : publishedAt.toInstant());
    }
}
