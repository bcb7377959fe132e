package cn.chanjiao.indicator.watch;

import cn.chanjiao.indicator.catalogue.Catalogue;
import cn.chanjiao.indicator.catalogue.Catalogues;
import cn.chanjiao.indicator.collection.CollectionCalendar;
import cn.chanjiao.indicator.collection.CollectionRepository;
import cn.chanjiao.indicator.derived.DerivedFacts;
import cn.chanjiao.indicator.platform.Platform;
import cn.chanjiao.indicator.platform.PlatformAccess;
import cn.chanjiao.indicator.platform.PlatformRepository;
import cn.chanjiao.indicator.results.Assessments;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The watch-list, computed from the facts this service already keeps (report facts from reporting.v1, the
 * platform-years and their windows, the published grades), so it is never out of step with them and a platform
 * leaves it the moment its reason is resolved.
 */
@Service
class WatchListService {

    private final PlatformRepository platforms;
    private final PlatformAccess access;
    private final Catalogues catalogues;
    private final CollectionRepository collections;
    private final DerivedFacts facts;
    private final Assessments assessments;
    private final Clock clock;

    WatchListService(PlatformRepository platforms, PlatformAccess access, Catalogues catalogues,
            CollectionRepository collections, DerivedFacts facts, Assessments assessments, Clock clock) {
        this.platforms = platforms;
        this.access = access;
        this.catalogues = catalogues;
        this.collections = collections;
        this.facts = facts;
        this.assessments = assessments;
        this.clock = clock;
    }

    WatchList list(String programmeCode, Instant updatedSince, boolean includeResolved, int page, int size, Caller caller) {
        List<Catalogue> programmes = programmeCode == null ? catalogues.all()
                : List.of(catalogues.find(programmeCode).orElseThrow(() -> ApiException.notFound("catalogue.notFound", programmeCode)));
        List<Platform> visible = new ArrayList<>();
        programmes.forEach(catalogue -> platforms.ofProgramme(catalogue.programme().code()).stream()
                .filter(Platform::active).filter(platform -> access.canRead(platform, caller)).forEach(visible::add));
        Map<UUID, List<WatchList.Reason>> reasons = reasons(visible, programmes);
        boolean withResolved = includeResolved || updatedSince != null;
        List<WatchList.Entry> entries = new ArrayList<>();
        for (Platform platform : visible) {
            List<WatchList.Reason> all = reasons.getOrDefault(platform.id(), List.of());
            boolean onList = all.stream().anyMatch(WatchList.Reason::open);
            Instant updatedAt = all.stream().map(WatchList.Reason::changedAt).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
            if (all.isEmpty() || !onList && !withResolved || updatedSince != null && (updatedAt == null || updatedAt.isBefore(updatedSince))) {
                continue;
            }
            List<WatchList.Reason> shown = withResolved ? all : all.stream().filter(WatchList.Reason::open).toList();
            Instant since = all.stream().filter(WatchList.Reason::open).map(WatchList.Reason::since).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder())
                    .orElse(null);
            entries.add(new WatchList.Entry(platform.id(), platform.name(), platform.programmeCode(), platform.platformType(),
                    platform.regionCode(), onList, since, updatedAt, shown));
        }
        entries.sort(Comparator.comparing(WatchList.Entry::onList).reversed()
                .thenComparing(WatchList.Entry::since, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(WatchList.Entry::name).thenComparing(WatchList.Entry::platformId));
        int limit = Math.max(1, Math.min(size, 200));
        int offset = Math.max(0, page) * limit;
        return new WatchList(Math.max(0, page), limit, entries.size(), entries.stream().skip(offset).limit(limit).toList());
    }

    private Map<UUID, List<WatchList.Reason>> reasons(List<Platform> visible, List<Catalogue> programmes) {
        Map<UUID, List<WatchList.Reason>> reasons = new HashMap<>();
        List<UUID> ids = visible.stream().map(Platform::id).toList();
        for (DerivedFacts.OverdueReport report : facts.overdueReports(ids)) {
            reasons.computeIfAbsent(report.platformId(), id -> new ArrayList<>()).add(new WatchList.Reason("REPORT_OVERDUE",
                    report.year(), report.obligationId().toString(), report.kind(), report.dueAt(), report.submittedAt()));
        }
        Instant now = clock.instant();
        Map<String, Catalogue.Collection> windows = new HashMap<>();
        programmes.forEach(catalogue -> windows.put(catalogue.programme().code(), catalogue.programme().collection()));
        Map<Integer, List<Platform>> byYear = new HashMap<>();
        for (Platform platform : visible) {
            Catalogue.Collection window = windows.get(platform.programmeCode());
            platform.planYears().stream().filter(year -> window != null && window.collects(year)
                    && !CollectionCalendar.endsAt(window, year).isAfter(now))
                    .forEach(year -> byYear.computeIfAbsent(year, y -> new ArrayList<>()).add(platform));
        }
        byYear.forEach((year, of) -> {
            Map<UUID, CollectionRepository.YearState> states = collections.states(of.stream().map(Platform::id).toList(), year);
            for (Platform platform : of) {
                Instant closed = CollectionCalendar.endsAt(windows.get(platform.programmeCode()), year);
                CollectionRepository.YearState state = states.get(platform.id());
                boolean submitted = state != null && state.submitted() && state.submittedAt() != null;
                if (submitted && state.submittedAt().isBefore(closed)) {
                    continue;
                }
                reasons.computeIfAbsent(platform.id(), id -> new ArrayList<>()).add(new WatchList.Reason("DATA_MISSING", year,
                        platform.id() + "/" + year, state == null ? "NOT_STARTED" : state.status(), closed,
                        submitted ? state.submittedAt() : null));
            }
        });
        Map<UUID, List<Assessments.PublishedGrade>> grades = new HashMap<>();
        assessments.publishedGrades(ids).forEach(grade -> grades.computeIfAbsent(grade.platformId(), id -> new ArrayList<>()).add(grade));
        grades.forEach((platformId, published) -> {
            for (int i = 0; i < published.size(); i++) {
                Assessments.PublishedGrade grade = published.get(i);
                if (grade.passed()) {
                    continue;
                }
                Instant resolved = published.subList(i + 1, published.size()).stream().filter(Assessments.PublishedGrade::passed)
                        .map(Assessments.PublishedGrade::publishedAt).findFirst().orElse(null);
                reasons.computeIfAbsent(platformId, id -> new ArrayList<>()).add(new WatchList.Reason("GRADE_FAILED", grade.year(),
                        grade.kind().name(), grade.gradeName(), grade.publishedAt(), resolved));
            }
        });
        reasons.values().forEach(list -> list.sort(Comparator.comparing(WatchList.Reason::since,
                Comparator.nullsLast(Comparator.naturalOrder()))));
        return reasons;
    }
}
