package cn.chanjiao.indicator.results;

import cn.chanjiao.contracts.indicator.AssessmentPublished;
import cn.chanjiao.indicator.catalogue.Catalogues;
import cn.chanjiao.indicator.platform.Platform;
import cn.chanjiao.indicator.platform.PlatformAccess;
import cn.chanjiao.indicator.platform.PlatformRepository;
import cn.chanjiao.kit.events.IntegrationEvents;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.kit.web.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Graded assessments: an authority's list of one kind for a programme's year, one platform-year's grade,
 * an authority's adjustment (If-Match, audited) and the publication of the whole list ({@code AssessmentPublished}).
 */
@Service
class AssessmentService {

    private final ResultsService results;
    private final Assessments assessments;
    private final Catalogues catalogues;
    private final PlatformRepository platforms;
    private final PlatformAccess access;
    private final IntegrationEvents events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AssessmentService(ResultsService results, Assessments assessments, Catalogues catalogues, PlatformRepository platforms,
            PlatformAccess access, IntegrationEvents events, TransactionTemplate transactions, JdbcClient jdbc,
            JsonMapper json, Clock clock) {
        this.results = results;
        this.assessments = assessments;
        this.catalogues = catalogues;
        this.platforms = platforms;
        this.access = access;
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    GradedAssessments list(String programmeCode, int year, AssessmentKind kind, Caller caller) {
        GradingRules.KindRule rule = rule(programmeCode, kind, year);
        Overview overview = results.overview(programmeCode, year, caller);
        Map<UUID, Assessments.Grading> grades = grades(programmeCode, year, kind, overview);
        List<GradedAssessments.Row> rows = overview.rows().stream().filter(row -> grades.containsKey(row.platformId()))
                .map(row -> new GradedAssessments.Row(row.platformId(), row.name(), row.platformType(), row.regionCode(),
                        row.submitted(), row.completion(), grades.get(row.platformId()))).toList();
        Map<String, Integer> byGrade = new TreeMap<>();
        rows.forEach(row -> byGrade.merge(row.grading().grade(), 1, Integer::sum));
        return new GradedAssessments(programmeCode, year, kind, rule.name(), rule.dataYear(), overview.authorityCode(),
                published(programmeCode, year, overview.authorityCode(), kind), rule.grades(), byGrade, rows);
    }

    PlatformAssessment get(UUID platformId, int year, AssessmentKind kind, Caller caller) {
        Platform platform = access.readable(platformId, caller);
        GradingRules.KindRule rule = rule(platform.programmeCode(), kind, year);
        if (!rule.applies(kind, platform.planYears(), year)) {
            throw ApiException.notFound("assessment.notApplicable", platform.name(), year, rule.name());
        }
        PlatformResults own = results.platformResults(platformId, year, caller);
        Assessments.Grading grading = own.assessments().stream().filter(candidate -> candidate.kind() == kind).findFirst()
                .orElseThrow(() -> ApiException.notFound("assessment.notPublished", platform.name(), year, rule.name()));
        return new PlatformAssessment(platformId, platform.name(), platform.programmeCode(), year, own.status(),
                own.completion(), grading, rule.grades(), assessments.history(platformId, year, kind));
    }

    PlatformAssessment adjust(UUID platformId, int year, AssessmentKind kind, String ifMatch, AdjustAssessmentRequest request,
            Caller caller) {
        long expected = Versions.required(ifMatch);
        Platform platform = access.governed(platformId, caller);
        GradingRules.KindRule rule = rule(platform.programmeCode(), kind, year);
        if (!rule.applies(kind, platform.planYears(), year)) {
            throw ApiException.notFound("assessment.notApplicable", platform.name(), year, rule.name());
        }
        GradingRules.Grade grade = rule.find(request.grade().trim()).orElseThrow(() -> ApiException.badRequest(
                "assessment.unknownGrade", request.grade(), rule.grades().stream().map(g -> g.code() + "（" + g.name() + "）")
                        .collect(Collectors.joining("、"))));
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Assessments.Stored stored = assessments.lock(platformId, year, kind, now);
            if (stored.published()) {
                throw ApiException.conflict("assessment.alreadyPublished", platform.name(), year, rule.name());
            }
            Versions.check(expected, stored.version());
            Assessments.Grading before = current(platform, year, kind, caller);
            assessments.adjust(platformId, year, kind, grade.code(), request.score(), request.comment().trim(),
                    caller.username(), now);
            assessments.audit(platformId, year, kind, now, caller.username(), "ADJUSTED", before.grade(), grade.code(),
                    before.score(), request.score() != null ? request.score() : before.computedScore(), request.comment().trim());
        });
        return get(platformId, year, kind, caller);
    }

    /** Publishes the caller's authority's assessment of one kind for a programme's year (once per kind). */
    Map<String, Object> publish(String programmeCode, int year, AssessmentKind kind, Caller caller) {
        GradingRules.KindRule rule = kind == AssessmentKind.YEARLY
                ? assessments.rule(programmeCode, kind).orElse(null) : rule(programmeCode, kind, year);
        Overview overview = results.overview(programmeCode, year, caller);
        return transactions.execute(status -> {
            Instant now = clock.instant();
            UUID id = UUID.randomUUID();
            int inserted = jdbc.sql("""
                    insert into assessment (id, programme_code, year, authority_code, kind, platforms, result, published_at, published_by)
                    values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) on conflict (programme_code, year, authority_code, kind) do nothing""")
                    .param(id).param(programmeCode).param(year).param(overview.authorityCode()).param(kind.name())
                    .param(overview.platforms()).param(json.writeValueAsString(overview)).param(Timestamp.from(now))
                    .param(caller.username()).update();
            if (inserted == 0) {
                throw ApiException.conflict("assessment.published", programmeCode, year, overview.authorityCode(),
                        rule == null ? kind.name() : rule.name());
            }
            List<AssessmentPublished.PlatformGrade> published = new ArrayList<>();
            if (rule != null) {
                // lock every graded platform-year first (in id order), then grade what is stored now
                overview.rows().stream().map(Overview.Row::platformId).sorted()
                        .filter(platformId -> applies(platformId, kind, rule, year))
                        .forEach(platformId -> assessments.lock(platformId, year, kind, now));
                Map<UUID, Assessments.Grading> grades = grades(programmeCode, year, kind, overview);
                for (Overview.Row row : overview.rows()) {
                    Assessments.Grading grading = grades.get(row.platformId());
                    if (grading == null) {
                        continue;
                    }
                    if (!"PUBLISHED".equals(grading.status())) {
                        assessments.publish(row.platformId(), year, kind, grading, id, now);
                        assessments.audit(row.platformId(), year, kind, now, caller.username(), "PUBLISHED", grading.grade(),
                                grading.grade(), grading.score(), grading.score(), null);
                    }
                    published.add(new AssessmentPublished.PlatformGrade(row.platformId(), grading.score(), grading.grade(),
                            grading.gradeName(), grading.passed(), grading.adjusted()));
                }
            }
            events.publish(new AssessmentPublished(UUID.randomUUID(), now, id, catalogues.programmeId(programmeCode), year,
                    overview.authorityCode(), overview.platforms(), kind.name(), published));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("assessmentId", id);
            answer.put("programmeCode", programmeCode);
            answer.put("year", year);
            answer.put("kind", kind);
            answer.put("authorityCode", overview.authorityCode());
            answer.put("platforms", overview.platforms());
            answer.put("submitted", overview.submitted());
            answer.put("averageCompletion", overview.averageCompletion());
            answer.put("grades", published);
            answer.put("publishedAt", now);
            return answer;
        });
    }

    private boolean applies(UUID platformId, AssessmentKind kind, GradingRules.KindRule rule, int year) {
        return platforms.find(platformId).map(platform -> rule.applies(kind, platform.planYears(), year)).orElse(false);
    }

    private Map<UUID, Assessments.Grading> grades(String programmeCode, int year, AssessmentKind kind, Overview overview) {
        Set<UUID> ids = overview.rows().stream().map(Overview.Row::platformId).collect(Collectors.toSet());
        List<Platform> visible = platforms.ofProgramme(programmeCode).stream().filter(platform -> ids.contains(platform.id()))
                .sorted(Comparator.comparing(Platform::id)).toList();
        return assessments.grade(programmeCode, year, kind, visible, ResultsService.completions(overview.rows()),
                ResultsService.submitted(overview.rows()));
    }

    private Assessments.Grading current(Platform platform, int year, AssessmentKind kind, Caller caller) {
        return results.platformResults(platform.id(), year, caller).assessments().stream()
                .filter(candidate -> candidate.kind() == kind).findFirst().orElseThrow();
    }

    private GradingRules.KindRule rule(String programmeCode, AssessmentKind kind, int year) {
        catalogues.find(programmeCode).orElseThrow(() -> ApiException.notFound("catalogue.notFound", programmeCode));
        GradingRules.KindRule rule = assessments.rule(programmeCode, kind)
                .orElseThrow(() -> ApiException.notFound("assessment.noRule", programmeCode, kind.name()));
        if (kind == AssessmentKind.ACCEPTANCE && rule.dataYear() != year) {
            throw ApiException.conflict("assessment.notThisYear", rule.name(), year, rule.dataYear());
        }
        return rule;
    }

    private boolean published(String programmeCode, int year, String authorityCode, AssessmentKind kind) {
        return jdbc.sql("select count(*) from assessment where programme_code = ? and year = ? and authority_code = ? and kind = ?")
                .param(programmeCode).param(year).param(authorityCode).param(kind.name()).query(Integer.class).single() > 0;
    }
}
