package cn.chanjiao.indicator.results;

import cn.chanjiao.indicator.catalogue.Catalogue;
import cn.chanjiao.indicator.catalogue.Catalogues;
import cn.chanjiao.indicator.catalogue.CentreType;
import cn.chanjiao.indicator.catalogue.IndicatorKind;
import cn.chanjiao.indicator.collection.CollectionRepository;
import cn.chanjiao.indicator.derived.DerivedFacts;
import cn.chanjiao.indicator.derived.DerivedRules;
import cn.chanjiao.indicator.platform.Jurisdiction;
import cn.chanjiao.indicator.platform.Platform;
import cn.chanjiao.indicator.platform.PlatformAccess;
import cn.chanjiao.indicator.platform.PlatformRepository;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.security.Roles;
import cn.chanjiao.kit.web.ApiException;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Plan against actual per platform, an authority's view of a programme's year, and its publication. */
@Service
public class ResultsService {

    private final Catalogues catalogues;
    private final PlatformRepository platforms;
    private final PlatformAccess access;
    private final CollectionRepository collections;
    private final DerivedFacts facts;
    private final Assessments assessments;

    ResultsService(Catalogues catalogues, PlatformRepository platforms, PlatformAccess access, CollectionRepository collections,
            DerivedFacts facts, Assessments assessments) {
        this.catalogues = catalogues;
        this.platforms = platforms;
        this.access = access;
        this.collections = collections;
        this.facts = facts;
        this.assessments = assessments;
    }

    public PlatformResults platformResults(UUID platformId, int year, Caller caller) {
        Platform platform = access.readable(platformId, caller);
        Catalogue.TypeCatalogue type = type(platform);
        Set<UUID> one = Set.of(platformId);
        Map<String, BigDecimal> actual = new HashMap<>(collections.numbers(platformId, year));
        actual.putAll(DerivedRules.compute(type, platform, platforms.members(platformId),
                facts.reports(one, year).getOrDefault(platformId, DerivedRules.Reports.NONE),
                facts.techDemands(one, year).getOrDefault(platformId, DerivedRules.TechDemands.NONE)));
        CollectionRepository.YearState state = collections.states(one, year).get(platformId);
        PlatformResults results = results(platform, type, year, actual, platforms.targets(platformId, year), state);
        boolean authority = PlatformAccess.isAuthorityOver(platform, caller) || caller.hasRole(Roles.INTEGRATION);
        List<Assessments.Grading> gradings = new ArrayList<>();
        for (AssessmentKind kind : AssessmentKind.values()) {
            Map<UUID, BigDecimal> completion = new HashMap<>();
            completion.put(platformId, results.completion());
            Assessments.Grading grading = assessments.grade(platform.programmeCode(), year, kind, List.of(platform),
                    completion, Map.of(platformId, state != null && state.submitted())).get(platformId);
            if (grading != null && (authority || "PUBLISHED".equals(grading.status()))) {
                gradings.add(grading);
            }
        }
        return new PlatformResults(results.platformId(), results.name(), results.programmeCode(), results.platformType(),
                results.centreType(), results.regionCode(), year, results.status(), results.submittedAt(), results.completion(),
                results.keyCompletion(), results.dimensions(), results.indicators(), facts.reportTimeliness(platformId, year),
                gradings);
    }

    static PlatformResults results(Platform platform, Catalogue.TypeCatalogue type, int year, Map<String, BigDecimal> actual,
            Map<String, BigDecimal> targets, CollectionRepository.YearState state) {
        CentreType centre = platform.effectiveCentreType();
        List<PlatformResults.IndicatorResult> indicators = new ArrayList<>();
        for (Catalogue.Indicator indicator : type.indicators()) {
            BigDecimal target = indicator.kind() == IndicatorKind.DERIVED ? null : targets.get(indicator.code());
            indicators.add(new PlatformResults.IndicatorResult(indicator.code(), indicator.dimension(), indicator.name(),
                    indicator.unit(), indicator.kind(), indicator.keyFor(centre), target, actual.get(indicator.code()),
                    Completion.ratio(target, actual.get(indicator.code()))));
        }
        List<PlatformResults.DimensionResult> dimensions = type.dimensions().stream().map(dimension -> {
            List<PlatformResults.IndicatorResult> of = indicators.stream()
                    .filter(indicator -> indicator.dimension().equals(dimension.code())).toList();
            List<BigDecimal> ratios = of.stream().map(PlatformResults.IndicatorResult::completion).toList();
            return new PlatformResults.DimensionResult(dimension.code(), dimension.name(), Completion.mean(ratios), of.size(),
                    (int) ratios.stream().filter(java.util.Objects::nonNull).count());
        }).toList();
        BigDecimal completion = Completion.mean(indicators.stream().map(PlatformResults.IndicatorResult::completion).toList());
        BigDecimal keyCompletion = centre == null ? null : Completion.mean(indicators.stream()
                .filter(PlatformResults.IndicatorResult::key).map(PlatformResults.IndicatorResult::completion).toList());
        return new PlatformResults(platform.id(), platform.name(), platform.programmeCode(), platform.platformType(), centre,
                platform.regionCode(), year, state == null ? "NOT_STARTED" : state.status(),
                state == null ? null : state.submittedAt(), completion, keyCompletion, dimensions, indicators, List.of(), List.of());
    }

    /** The authority's view: every platform of the programme's year within the caller's jurisdiction. */
    public Overview overview(String programmeCode, int year, Caller caller) {
        Catalogue catalogue = catalogues.find(programmeCode)
                .orElseThrow(() -> ApiException.notFound("catalogue.notFound", programmeCode));
        List<Platform> visible = platforms.ofProgramme(programmeCode).stream()
                .filter(platform -> platform.active() && platform.planYears().contains(year))
                .filter(platform -> access.canRead(platform, caller)).toList();
        List<UUID> ids = visible.stream().map(Platform::id).toList();
        Map<UUID, CollectionRepository.YearState> states = collections.states(ids, year);
        Map<UUID, Map<String, BigDecimal>> numbers = collections.numbers(ids, year);
        Map<UUID, Map<String, BigDecimal>> targets = platforms.targets(ids, year);
        List<PlatformResults> results = new ArrayList<>();
        for (Platform platform : visible) {
            Catalogue.TypeCatalogue type = catalogue.type(platform.platformType()).orElse(null);
            if (type != null) {
                results.add(results(platform, type, year, numbers.getOrDefault(platform.id(), Map.of()),
                        targets.getOrDefault(platform.id(), Map.of()), states.get(platform.id())));
            }
        }
        Map<UUID, Integer> rank = ranks(results, result -> "all");
        Map<UUID, Integer> rankInType = ranks(results, PlatformResults::platformType);
        List<Overview.Row> rows = results.stream().map(result -> {
            CollectionRepository.YearState state = states.get(result.platformId());
            return new Overview.Row(result.platformId(), result.name(), result.platformType(), result.regionCode(),
                    result.status(), state != null && state.submitted(), result.submittedAt(),
                    numbers.getOrDefault(result.platformId(), Map.of()).size(), result.completion(), result.keyCompletion(),
                    rank.get(result.platformId()), rankInType.get(result.platformId()), state == null ? 0 : state.version(), null);
        }).sorted(Comparator.comparingInt(Overview.Row::rank).thenComparing(Overview.Row::name)).toList();
        Map<UUID, Assessments.Grading> grades = assessments.grade(programmeCode, year, AssessmentKind.YEARLY, visible,
                completions(rows), submitted(rows));
        rows = rows.stream().map(row -> row.withGrading(grades.get(row.platformId()))).toList();
        List<Overview.Row> missing = rows.stream().filter(row -> !row.submitted()).toList();
        String authority = caller.authorityCode().orElse(catalogue.programme().authorityCode());
        return new Overview(programmeCode, year, authority, rows.size(), rows.size() - missing.size(),
                Completion.mean(rows.stream().map(Overview.Row::completion).toList()), rows, missing,
                groups(rows, Overview.Row::platformType), groups(rows, row -> Jurisdiction.province(row.regionCode())),
                groups(rows, row -> Jurisdiction.city(row.regionCode())));
    }

    static Map<UUID, BigDecimal> completions(List<Overview.Row> rows) {
        Map<UUID, BigDecimal> completion = new HashMap<>();
        rows.forEach(row -> completion.put(row.platformId(), row.completion()));
        return completion;
    }

    static Map<UUID, Boolean> submitted(List<Overview.Row> rows) {
        return rows.stream().collect(Collectors.toMap(Overview.Row::platformId, Overview.Row::submitted));
    }

    /** Every platform's values and targets of the view, for the whole-year export. */
    public Map<UUID, List<PlatformResults.IndicatorResult>> details(String programmeCode, int year, Overview overview) {
        Catalogue catalogue = catalogues.find(programmeCode).orElseThrow();
        List<UUID> ids = overview.rows().stream().map(Overview.Row::platformId).toList();
        Map<UUID, Platform> byId = platforms.ofProgramme(programmeCode).stream()
                .collect(Collectors.toMap(Platform::id, Function.identity()));
        Map<UUID, Map<String, BigDecimal>> numbers = collections.numbers(ids, year);
        Map<UUID, Map<String, BigDecimal>> targets = platforms.targets(ids, year);
        Map<UUID, List<PlatformResults.IndicatorResult>> details = new LinkedHashMap<>();
        for (UUID id : ids) {
            Platform platform = byId.get(id);
            catalogue.type(platform.platformType()).ifPresent(type -> details.put(id, results(platform, type, year,
                    numbers.getOrDefault(id, Map.of()), targets.getOrDefault(id, Map.of()), null).indicators().stream()
                    .filter(indicator -> indicator.kind() != IndicatorKind.DERIVED).toList()));
        }
        return details;
    }

    /** Every platform's stored values (notes, evidence) of the view, for the whole-year export. */
    public Map<UUID, Map<String, cn.chanjiao.indicator.collection.StoredValue>> storedValues(Overview overview, int year) {
        return collections.values(overview.rows().stream().map(Overview.Row::platformId).toList(), year);
    }

    private Catalogue.TypeCatalogue type(Platform platform) {
        return catalogues.find(platform.programmeCode(), platform.platformType()).orElseThrow(() -> ApiException.conflict(
                "catalogue.typeNotFound", platform.programmeCode(), platform.platformType()));
    }

    static Map<UUID, Integer> ranks(List<PlatformResults> results, Function<PlatformResults, String> groupBy) {
        Map<UUID, Integer> ranks = new HashMap<>();
        results.stream().collect(Collectors.groupingBy(groupBy)).values().forEach(group -> {
            List<PlatformResults> sorted = group.stream().sorted(Comparator.comparing(PlatformResults::completion,
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(PlatformResults::name)).toList();
            for (int i = 0; i < sorted.size(); i++) {
                ranks.put(sorted.get(i).platformId(), i + 1);
            }
        });
        return ranks;
    }

    static List<Overview.Group> groups(List<Overview.Row> rows, Function<Overview.Row, String> key) {
        Map<String, List<Overview.Row>> grouped = new java.util.TreeMap<>();
        rows.forEach(row -> grouped.computeIfAbsent(key.apply(row) == null ? "-" : key.apply(row), k -> new ArrayList<>()).add(row));
        return grouped.entrySet().stream().map(entry -> new Overview.Group(entry.getKey(), entry.getValue().size(),
                (int) entry.getValue().stream().filter(Overview.Row::submitted).count(),
                Completion.mean(entry.getValue().stream().map(Overview.Row::completion).toList()))).toList();
    }
}
