package cn.chanjiao.reporting.report;

import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.contracts.application.PlatformRevoked;
import cn.chanjiao.contracts.common.DeadlineScheduled;
import cn.chanjiao.contracts.reporting.ReportOverdue;
import cn.chanjiao.contracts.reporting.ReportReviewed;
import cn.chanjiao.contracts.reporting.ReportSubmitted;
import cn.chanjiao.kit.events.IntegrationEvents;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.security.Roles;
import cn.chanjiao.kit.time.ChinaTime;
import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.kit.web.Versions;
import cn.chanjiao.reporting.attachment.StoredAttachment;
import cn.chanjiao.reporting.platform.Platform;
import cn.chanjiao.reporting.platform.PlatformAccess;
import cn.chanjiao.reporting.platform.Platforms;
import cn.chanjiao.kit.text.CharacterCount;
import cn.chanjiao.reporting.support.Jurisdiction;
import cn.chanjiao.kit.web.Messages;
import cn.chanjiao.kit.web.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Report obligations and their documents: created from {@code PlatformApproved}, drafted under
 * optimistic locking, submitted on time or late by the {@link Clock}, reviewed by the authority,
 * published when accepted, and marked overdue once when their deadline passes unmet.
 */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    /** A report is due at the end of its last day, Beijing time. */
    static final LocalTime DUE_TIME = LocalTime.of(23, 59, 59);
    static final String STAMPED_PDF = "STAMPED_PDF";
    /** The four lists a community's SUPPLY_DEMAND_LISTS obligation needs published (seed 000 annex 3). */
    static final Set<String> COMMUNITY_LISTS = Set.of("TALENT_DEMAND", "TALENT_SUPPLY", "TECH_DEMAND", "TECH_SUPPLY");

    private final Reports reports;
    private final Platforms platforms;
    private final PlatformAccess access;
    private final ObligationSchedules schedules;
    private final IntegrationEvents events;
    private final Messages messages;
    private final Clock clock;
    private final cn.chanjiao.kit.web.IdempotentRequests idempotent;

    ReportService(Reports reports, Platforms platforms, PlatformAccess access, ObligationSchedules schedules,
            IntegrationEvents events, Messages messages, Clock clock, cn.chanjiao.kit.web.IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.reports = reports;
        this.platforms = platforms;
        this.access = access;
        this.schedules = schedules;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Records the platform and creates its obligations for every plan year, each announced by a
     * {@code DeadlineScheduled}. Deadlines that had passed before the approval are not owed. A
     * platform known already (the event delivered again) changes nothing.
     *
     * @return the obligations created
     */
    @Transactional
    public List<UUID> platformApproved(PlatformApproved event) {
        List<UUID> members = new ArrayList<>(new LinkedHashSet<>(event.members() == null ? List.<UUID>of()
                : event.members().stream().map(PlatformApproved.Member::organisationId)
                        .filter(java.util.Objects::nonNull).toList()));
        List<UUID> leads = event.leadOrganisationIds() == null || event.leadOrganisationIds().isEmpty()
                ? List.of(event.leadOrganisationId()) : event.leadOrganisationIds();
        Instant approvedAt = event.approvedAt() != null ? event.approvedAt() : event.occurredAt();
        Platform platform = new Platform(event.platformId(), event.programmeId(), event.programmeCode(),
                event.platformType(), event.name(), event.leadOrganisationId(), leads, members, event.regionCode(),
                event.authorityCode(), event.planYears(), approvedAt, null);
        if (!platforms.insertIfAbsent(platform)) {
            log.info("platform {} is known already; no new obligations", platform.id());
            return List.of();
        }
        List<UUID> created = new ArrayList<>();
        Instant now = clock.instant();
        for (ObligationSchedules.Due due : schedules.dues(event.programmeCode(), event.platformType(), event.planYears(),
                event.windows())) {
            Instant dueAt = due.dueOn().atTime(DUE_TIME).atZone(ChinaTime.ZONE).toInstant();
            if (dueAt.isBefore(approvedAt)) {
                continue;
            }
            Report report = new Report(UUID.randomUUID(), UUID.randomUUID(), platform.id(), due.kind(), due.year(),
                    due.dueOn(), dueAt, ReportStatus.DRAFT, new LinkedHashMap<>(), List.of(), 1, null, null, null, null,
                    null, null, null, null, now);
            if (reports.insert(report)) {
                created.add(report.obligationId());
                events.publish(new DeadlineScheduled(UUID.randomUUID(), now, deadlineKind(due.kind()),
                        report.obligationId().toString(), platform.leadOrganisationId(), platform.authorityCode(), dueAt));
            }
        }
        return created;
    }

    static String deadlineKind(ReportKind kind) {
        return kind == ReportKind.ANNUAL_SUMMARY || kind == ReportKind.OPERATION_REPORT ? "ANNUAL_SUMMARY_DUE"
                : "REPORT_DUE";
    }

    /** A revoked platform owes nothing more: its unsubmitted obligations are cancelled. */
    @Transactional
    public void platformRevoked(PlatformRevoked event) {
        Instant at = event.occurredAt() != null ? event.occurredAt() : clock.instant();
        if (platforms.revoke(event.platformId(), at, event.reason())) {
            reports.cancelOpen(event.platformId(), at);
        }
    }

    /** Marks every obligation past its deadline without a submission overdue, once, with {@code ReportOverdue}. */
    @Transactional
    public int markOverdue() {
        Instant now = clock.instant();
        int marked = 0;
        for (Report report : reports.lockDueBefore(now, 500)) {
            Platform platform = platforms.require(report.platformId());
            reports.update(report.overdue(now));
            events.publish(new ReportOverdue(UUID.randomUUID(), now, report.obligationId(), platform.id(),
                    platform.programmeId(), platform.leadOrganisationId(), report.kind().name(), report.year(),
                    report.dueAt(), platform.name(), platform.authorityCode(), platform.regionCode()));
            marked++;
        }
        return marked;
    }

    public record Loaded(Report report, Platform platform) {
    }

    @Transactional(readOnly = true)
    public Loaded get(UUID id, Caller caller) {
        Report report = reports.find(id).orElseThrow(() -> ApiException.notFound("report.notFound", id));
        Platform platform = platforms.require(report.platformId());
        access.requireRead(caller, platform);
        return new Loaded(report, platform);
    }

    @Transactional(readOnly = true)
    public List<Loaded> list(Caller caller, UUID platformId, Integer year, ReportStatus status) {
        List<UUID> ids;
        if (platformId != null) {
            access.requireRead(caller, platforms.require(platformId));
            ids = List.of(platformId);
        } else if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            ids = reports.platformsInJurisdiction("");
        } else if (caller.authorityCode().isPresent()
                && (caller.hasRole(Roles.REVIEWER) || caller.hasRole(Roles.PROGRAMME_ADMIN))) {
            ids = reports.platformsInJurisdiction(Jurisdiction.prefix(caller.authorityCode().get()));
        } else {
            ids = caller.organisationId().map(org -> platforms.ofOrganisation(org).stream().map(Platform::id).toList())
                    .orElse(List.of());
        }
        Map<UUID, Platform> known = new LinkedHashMap<>();
        return reports.forPlatforms(ids, year, status).stream()
                .map(r -> new Loaded(r, known.computeIfAbsent(r.platformId(), platforms::require))).toList();
    }

    /** Saves the given sections (others stay as they are); an empty text clears a section. */
    @Transactional
    public Loaded saveSections(UUID id, Caller caller, long expectedVersion, Map<String, String> texts) {
        Loaded loaded = lockForEdit(id, caller);
        Report report = loaded.report();
        Versions.check(expectedVersion, report.version());
        Map<String, String> sections = Reports.copy(report.sections());
        List<Violation> violations = new ArrayList<>();
        texts.forEach((code, text) -> {
            var section = report.kind().section(code);
            if (section.isEmpty()) {
                violations.add(Violation.of("sections." + code, "report.section.unknown", code, title(report.kind())));
                return;
            }
            int count = CharacterCount.of(text);
            if (count > section.get().limit()) {
                violations.add(Violation.of("sections." + code, "report.section.tooLong", sectionTitle(section.get()),
                        count, section.get().limit()));
            }
            if (text == null || text.isBlank()) {
                sections.remove(code);
            } else {
                sections.put(code, text);
            }
        });
        totalLimit(report.kind(), sections).ifPresent(violations::add);
        if (!violations.isEmpty()) {
            throw messages.badRequest(violations);
        }
        Report saved = report.withSections(ordered(report.kind(), sections), clock.instant());
        reports.update(saved);
        return new Loaded(saved, loaded.platform());
    }

    /** Attaches an uploaded file (the stamped PDF replaces an earlier one). */
    @Transactional
    public Loaded attach(UUID id, Caller caller, String role, StoredAttachment file) {
        Loaded loaded = lockForEdit(id, caller);
        Report report = loaded.report();
        List<Report.AttachmentRef> attachments = new ArrayList<>(report.attachments());
        if (STAMPED_PDF.equals(role)) {
            attachments.removeIf(a -> STAMPED_PDF.equals(a.role()));
        }
        attachments.add(new Report.AttachmentRef(file.id(), role, file.fileName(), file.fileType(), file.size(),
                file.sha256()));
        Report saved = report.withAttachments(attachments, clock.instant());
        reports.update(saved);
        return new Loaded(saved, loaded.platform());
    }

    /** The answer of a submission: fresh, or the one kept for the first request with the same {@code Idempotency-Key}. */
    public record Submission(Loaded loaded, cn.chanjiao.kit.web.IdempotentRequests.Answer replay) {
    }

    /**
     * Submits once per {@code Idempotency-Key} (when one is given): a retried request gets the first
     * answer again, kept in the submitting transaction.
     */
    @Transactional
    public Submission submit(UUID id, Caller caller, long expectedVersion, String idempotencyKey,
            java.util.function.Function<Loaded, Object> responseOf) {
        String operation = "report.submit:" + id;
        if (idempotencyKey != null) {
            String key = cn.chanjiao.kit.web.IdempotentRequests.requireKey(idempotencyKey);
            var kept = idempotent.find(caller.subject(), key);
            if (kept.isPresent()) {
                if (!kept.get().operation().equals(operation)) {
                    throw ApiException.unprocessable("idempotency.keyReused", key);
                }
                return new Submission(null, kept.get());
            }
            Loaded loaded = submit(id, caller, expectedVersion);
            idempotent.save(caller.subject(), key, operation, 200, responseOf.apply(loaded), clock.instant());
            return new Submission(loaded, null);
        }
        return new Submission(submit(id, caller, expectedVersion), null);
    }

    /** Submits the report: complete and within its limits; on time when by the deadline, late after it. */
    @Transactional
    public Loaded submit(UUID id, Caller caller, long expectedVersion) {
        Loaded loaded = lockForEdit(id, caller);
        Report report = loaded.report();
        Versions.check(expectedVersion, report.version());
        List<Violation> violations = completeness(report);
        if (!violations.isEmpty()) {
            throw messages.problem(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, violations);
        }
        Instant now = clock.instant();
        Report submitted = report.submitted(now);
        reports.update(submitted);
        Platform platform = loaded.platform();
        events.publish(new ReportSubmitted(UUID.randomUUID(), now, report.obligationId(), report.id(), platform.id(),
                platform.programmeId(), platform.leadOrganisationId(), report.kind().name(), report.year(),
                report.dueAt(), now, Boolean.TRUE.equals(submitted.onTime())));
        return new Loaded(submitted, platform);
    }

    /** What is missing for submission: required sections, the stamped PDF, the year's published lists. */
    List<Violation> completeness(Report report) {
        List<Violation> violations = new ArrayList<>();
        for (ReportKind.Section section : report.kind().sections()) {
            if (section.required() && report.sections().getOrDefault(section.code(), "").isBlank()) {
                violations.add(Violation.of("sections." + section.code(), "report.section.required", sectionTitle(section)));
            }
        }
        if (report.kind().stampedPdfRequired() && report.attachments().stream().noneMatch(a -> STAMPED_PDF.equals(a.role()))) {
            violations.add(Violation.of("attachments", "report.stampedPdfRequired", title(report.kind())));
        }
        if (report.kind() == ReportKind.SUPPLY_DEMAND_LISTS) {
            Set<String> missing = new java.util.TreeSet<>(COMMUNITY_LISTS);
            missing.removeAll(reports.publishedListKinds(report.platformId(), report.year()));
            if (!missing.isEmpty()) {
                violations.add(Violation.of("lists", "report.listsNotPublished", report.year(), String.join(", ", missing)));
            }
        }
        return violations;
    }

    /** The authority accepts or returns a submitted report. */
    @Transactional
    public Loaded review(UUID id, Caller caller, ReportStatus outcome, String comment) {
        Report report = reports.lock(id).orElseThrow(() -> ApiException.notFound("report.notFound", id));
        Platform platform = platforms.require(report.platformId());
        access.requireAuthority(caller, platform);
        if (outcome != ReportStatus.ACCEPTED && outcome != ReportStatus.RETURNED) {
            throw ApiException.badRequest("report.review.outcome", String.valueOf(outcome));
        }
        if (report.status() != ReportStatus.SUBMITTED) {
            throw ApiException.conflict("report.review.notSubmitted", report.status().name());
        }
        if (outcome == ReportStatus.RETURNED && (comment == null || comment.isBlank())) {
            throw ApiException.badRequest("report.review.commentRequired");
        }
        Instant now = clock.instant();
        Report reviewed = report.reviewed(outcome, caller.username(), comment, now);
        reports.update(reviewed);
        events.publish(new ReportReviewed(UUID.randomUUID(), now, report.obligationId(), report.id(), platform.id(),
                platform.leadOrganisationId(), report.kind().name(), outcome.name(), comment,
                caller.authorityCode().orElse(platform.authorityCode())));
        return new Loaded(reviewed, platform);
    }

    /** The platform (or its authority) publishes an accepted plan or report to the public. */
    @Transactional
    public Loaded publish(UUID id, Caller caller) {
        Report report = reports.lock(id).orElseThrow(() -> ApiException.notFound("report.notFound", id));
        Platform platform = platforms.require(report.platformId());
        if (!access.isLead(caller, platform) && !access.isAuthority(caller, platform)) {
            throw ApiException.forbidden("platform.notYours", platform.name());
        }
        if (!report.kind().publishable()) {
            throw ApiException.conflict("report.publish.notPublishable", title(report.kind()));
        }
        if (report.status() != ReportStatus.ACCEPTED) {
            throw ApiException.conflict("report.publish.notAccepted", report.status().name());
        }
        if (report.publishedAt() != null) {
            return new Loaded(report, platform);
        }
        Report published = report.published(clock.instant());
        reports.update(published);
        return new Loaded(published, platform);
    }

    @Transactional(readOnly = true)
    public List<Loaded> published(UUID platformId, Integer year, int page, int size) {
        return reports.published(platformId, year, page, size).stream()
                .map(r -> new Loaded(r, platforms.require(r.platformId()))).toList();
    }

    @Transactional(readOnly = true)
    public long countPublished(UUID platformId, Integer year) {
        return reports.countPublished(platformId, year);
    }

    @Transactional(readOnly = true)
    public Loaded publishedOne(UUID id) {
        Report report = reports.find(id).filter(r -> r.publishedAt() != null)
                .orElseThrow(() -> ApiException.notFound("report.notFound", id));
        return new Loaded(report, platforms.require(report.platformId()));
    }

    private Loaded lockForEdit(UUID id, Caller caller) {
        Report report = reports.lock(id).orElseThrow(() -> ApiException.notFound("report.notFound", id));
        Platform platform = platforms.require(report.platformId());
        access.requireLead(caller, platform);
        if (report.cancelledAt() != null) {
            throw ApiException.conflict("report.cancelled");
        }
        if (!report.editable()) {
            throw ApiException.conflict("report.notEditable", report.status().name());
        }
        return new Loaded(report, platform);
    }

    private java.util.Optional<Violation> totalLimit(ReportKind kind, Map<String, String> sections) {
        if (kind.totalLimit() <= 0) {
            return java.util.Optional.empty();
        }
        int total = sections.values().stream().mapToInt(CharacterCount::of).sum();
        return total > kind.totalLimit()
                ? java.util.Optional.of(Violation.of("sections", "report.tooLong", title(kind), total, kind.totalLimit()))
                : java.util.Optional.empty();
    }

    private static Map<String, String> ordered(ReportKind kind, Map<String, String> sections) {
        Map<String, String> ordered = new LinkedHashMap<>();
        kind.sections().forEach(s -> {
            if (sections.containsKey(s.code())) {
                ordered.put(s.code(), sections.get(s.code()));
            }
        });
        return ordered;
    }

    static String title(ReportKind kind) {
        return english() ? kind.titleEn() : kind.titleZh();
    }

    static String sectionTitle(ReportKind.Section section) {
        return english() ? section.titleEn() : section.titleZh();
    }

    /** The heading for a platform of {@code platformType} (a city consortium's summary speaks of the consortium). */
    static String sectionTitle(ReportKind.Section section, String platformType) {
        return english() ? section.titleEn() : section.titleZh(platformType);
    }

    static boolean english() {
        return "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
    }
}
