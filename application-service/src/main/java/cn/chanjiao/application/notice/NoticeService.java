package cn.chanjiao.application.notice;

import cn.chanjiao.application.calendar.CalendarService;
import cn.chanjiao.application.calendar.WorkingDayCalendar;
import cn.chanjiao.application.form.Actor;
import cn.chanjiao.application.form.ApplicationForm;
import cn.chanjiao.application.form.ApplicationLedger;
import cn.chanjiao.application.form.ApplicationStatus;
import cn.chanjiao.application.form.Form;
import cn.chanjiao.application.notice.NoticeRepository.Entry;
import cn.chanjiao.application.notice.NoticeRepository.Notice;
import cn.chanjiao.application.notice.NoticeRepository.Objection;
import cn.chanjiao.application.notice.NoticeRepository.Platform;
import cn.chanjiao.application.programme.Programme;
import cn.chanjiao.application.programme.ProgrammeService;
import cn.chanjiao.application.programme.TypeRules;
import cn.chanjiao.application.review.ReviewService;
import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.contracts.application.PlatformRevoked;
import cn.chanjiao.contracts.application.ObjectionFiled;
import cn.chanjiao.contracts.application.ObjectionRuled;
import cn.chanjiao.contracts.application.PublicNoticeEnded;
import cn.chanjiao.contracts.application.PublicNoticeStarted;
import cn.chanjiao.contracts.common.DeadlineScheduled;
import cn.chanjiao.kit.events.IntegrationEvents;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.security.Roles;
import cn.chanjiao.kit.time.ChinaTime;
import cn.chanjiao.kit.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Public notice (公示) of shortlisted applications for at least the programme's working days, the
 * objections anyone files during it and the programme authority rules on, and when it has ended the
 * approval: every application without an upheld objection becomes a platform ({@link PlatformApproved}),
 * the others are rejected with the ruling's reason. Approved platforms may later be revoked.
 */
@Service
class NoticeService {

    /** The fewest working days a notice may run, whatever a programme says (DESIGN §2, seed 000 §五). */
    static final int MIN_WORKING_DAYS = 5;
    private static final Logger log = LoggerFactory.getLogger(NoticeService.class);

    private final NoticeRepository notices;
    private final ApplicationLedger ledger;
    private final ReviewService reviews;
    private final ProgrammeService programmes;
    private final CalendarService calendar;
    private final IntegrationEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final cn.chanjiao.application.attachment.Attachments attachments;
    private final cn.chanjiao.application.attachment.ObjectStorage storage;
    private final java.security.SecureRandom random = new java.security.SecureRandom();
    private final PlatformMembers platformMembers;

    /** At most this many files of evidence per objection, each at most this large. */
    static final int MAX_EVIDENCE_FILES = 5;
    static final long MAX_EVIDENCE_BYTES = 10L * 1024 * 1024;

    NoticeService(NoticeRepository notices, ApplicationLedger ledger, ReviewService reviews, ProgrammeService programmes,
            CalendarService calendar, IntegrationEvents events, TransactionTemplate transactions, Clock clock,
            cn.chanjiao.application.attachment.Attachments attachments,
            cn.chanjiao.application.attachment.ObjectStorage storage, PlatformMembers platformMembers) {
        this.platformMembers = platformMembers;
        this.attachments = attachments;
        this.storage = storage;
        this.notices = notices;
        this.ledger = ledger;
        this.reviews = reviews;
        this.programmes = programmes;
        this.calendar = calendar;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    // -------------------------------------------------------------------------------- notices

    record CreateNotice(UUID programmeId, String title, LocalDate startsOn, Integer workingDays, List<UUID> applicationIds) {
    }

    Notice create(CreateNotice request, Caller caller) {
        Programme programme = programme(request.programmeId());
        requireAuthority(caller, programme.definition().authority().code());
        int minimum = Math.max(MIN_WORKING_DAYS, programme.definition().noticeWorkingDays());
        int days = request.workingDays() == null ? minimum : request.workingDays();
        if (days < minimum) {
            throw ApiException.unprocessable("notice.tooShort", String.valueOf(days), String.valueOf(minimum))
                    .with("minimumWorkingDays", minimum);
        }
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        if (request.startsOn().isBefore(today)) {
            throw ApiException.unprocessable("notice.startInPast", request.startsOn().toString());
        }
        LocalDate lastDay;
        try {
            lastDay = calendar.calendar().lastOf(request.startsOn(), days);
        } catch (WorkingDayCalendar.YearNotCovered e) {
            throw ApiException.unprocessable("calendar.yearNotCovered", String.valueOf(e.year()));
        }
        Instant startsAt = request.startsOn().atStartOfDay(ChinaTime.ZONE).toInstant();
        Instant endsAt = lastDay.atTime(LocalTime.of(23, 59, 59)).atZone(ChinaTime.ZONE).toInstant();
        Instant now = clock.instant();
        Notice notice = new Notice(UUID.randomUUID(), programme.id(), programme.definition().authority().code(),
                request.title(), request.startsOn(), lastDay, startsAt, endsAt, days, "OPEN", caller.username(), now, null);
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(request.applicationIds()));
        transactions.executeWithoutResult(status -> {
            notices.insert(notice);
            int position = 0;
            for (UUID id : ids) {
                ApplicationForm application = ledger.find(id).orElseThrow(() -> ApplicationLedger.notFound(id));
                application = ledger.lock(id);
                if (!application.programmeId().equals(programme.id())) {
                    throw ApiException.badRequest("round.otherProgramme", id);
                }
                if (application.status() != ApplicationStatus.SHORTLISTED) {
                    throw ApiException.conflict("notice.notShortlisted", application.name(), application.status().name())
                            .with("applicationId", id);
                }
                ledger.move(application, ApplicationStatus.IN_PUBLIC_NOTICE, Actor.of(caller), "PUBLIC_NOTICE",
                        request.title());
                notices.addApplication(notice.id(), id, ++position);
            }
            events.publish(new PublicNoticeStarted(UUID.randomUUID(), now, notice.id(), programme.id(),
                    programme.definition().code(), notice.authorityCode(), startsAt, endsAt, days, ids));
            events.publish(new DeadlineScheduled(UUID.randomUUID(), now, "PUBLIC_NOTICE_ENDS", notice.id().toString(),
                    null, notice.authorityCode(), endsAt));
        });
        return notice;
    }

    record NoticeDetail(Notice notice, Programme programme, List<Listed> applications, List<Objection> objections,
            String phase, Map<UUID, List<NoticeRepository.Evidence>> evidence) {
    }

    record Listed(Entry entry, ApplicationForm application, Form form) {
    }

    NoticeDetail publicView(UUID id) {
        Notice notice = notices.notice(id, false).orElseThrow(() -> ApiException.notFound("notice.notFound", id));
        return detail(notice, List.of());
    }

    List<NoticeDetail> publicList(UUID programmeId) {
        return notices.notices(programmeId, 100).stream().map(n -> detail(n, List.of())).toList();
    }

    /** The notices of the caller's authority (every notice for a platform admin), with their objections. */
    List<NoticeDetail> staffList(UUID programmeId, Caller caller) {
        return notices.notices(programmeId, 200).stream()
                .filter(n -> decides(caller, n.authorityCode()))
                .map(n -> detail(n, notices.objections(n.id()))).toList();
    }

    NoticeDetail staffView(UUID id, Caller caller) {
        Notice notice = notices.notice(id, false).orElseThrow(() -> ApiException.notFound("notice.notFound", id));
        requireAuthority(caller, notice.authorityCode());
        return detail(notice, notices.objections(id));
    }

    private NoticeDetail detail(Notice notice, List<Objection> objections) {
        List<Entry> entries = notices.entries(notice.id());
        Map<UUID, ApplicationForm> applications = ledger.findAll(entries.stream().map(Entry::applicationId).toList())
                .stream().collect(Collectors.toMap(ApplicationForm::id, Function.identity()));
        List<Listed> listed = entries.stream().map(e -> {
            ApplicationForm application = applications.get(e.applicationId());
            return new Listed(e, application, ledger.submittedForm(application));
        }).toList();
        Map<UUID, List<NoticeRepository.Evidence>> evidence = new java.util.HashMap<>();
        objections.forEach(o -> evidence.put(o.id(), notices.evidence(o.id())));
        return new NoticeDetail(notice, programme(notice.programmeId()), listed, objections, notice.phase(clock.instant()),
                evidence);
    }

    // ----------------------------------------------------------------------------- objections

    record FileObjection(UUID applicationId, String name, String contact, String grounds) {
    }

    record Filed(Objection objection, String token) {
    }

    /**
     * Anyone files an objection to an application on notice, while the notice runs. The answer carries
     * a token (shown once, kept only as its hash) with which the filer attaches evidence.
     */
    Filed file(UUID noticeId, FileObjection request) {
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Objection objection = fileObjection(noticeId, request, sha256(token));
        return new Filed(objection, token);
    }

    /** Evidence for an objection, by its filer (the token), while the notice runs; recognised by content. */
    NoticeRepository.Evidence attach(UUID noticeId, UUID objectionId, String token, String fileName,
            java.io.InputStream content) {
        Objection objection = notices.objection(objectionId, false).filter(o -> o.noticeId().equals(noticeId))
                .orElseThrow(() -> ApiException.notFound("objection.notFound", objectionId));
        String expected = notices.token(objectionId).orElse(null);
        if (token == null || expected == null || !java.security.MessageDigest.isEqual(
                expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                sha256(token).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw ApiException.forbidden("objection.tokenInvalid");
        }
        var received = attachments.receive(content, MAX_EVIDENCE_BYTES,
                java.util.EnumSet.allOf(cn.chanjiao.kit.files.FileType.class));
        try {
            return transactions.execute(status -> {
                Notice notice = notices.notice(noticeId, true).orElseThrow();
                if (!"RUNNING".equals(notice.phase(clock.instant()))) {
                    throw ApiException.conflict("objection.outsideNotice", notice.startsOn().toString(),
                            notice.endsOn().toString());
                }
                if (notices.evidence(objectionId).size() >= MAX_EVIDENCE_FILES) {
                    throw ApiException.badRequest("objection.tooManyFiles", String.valueOf(MAX_EVIDENCE_FILES));
                }
                UUID id = UUID.randomUUID();
                String key = "objections/" + objection.id() + "/" + id;
                try {
                    storage.put(key, received.file());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                String name = fileName == null || fileName.isBlank() ? "evidence." + received.type().extension()
                        : fileName.replaceAll("[\\/:*?\"<>|\\p{Cntrl}]", "_");
                NoticeRepository.Evidence evidence = new NoticeRepository.Evidence(id, objectionId, name,
                        received.type().name(), received.type().contentType(), received.size(), received.sha256(), key,
                        clock.instant());
                notices.insert(evidence);
                return evidence;
            });
        } finally {
            received.discard();
        }
    }

    record EvidenceFile(NoticeRepository.Evidence evidence, java.io.InputStream content) {
    }

    /** A file of evidence, for the authority deciding the objection. */
    EvidenceFile evidence(UUID objectionId, UUID evidenceId, Caller caller) {
        ownObjection(objectionId, caller);
        NoticeRepository.Evidence evidence = notices.evidence(objectionId).stream().filter(e -> e.id().equals(evidenceId))
                .findFirst().orElseThrow(() -> ApiException.notFound("objection.evidenceNotFound", evidenceId));
        try {
            return new EvidenceFile(evidence, storage.open(evidence.storageKey()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    List<NoticeRepository.Evidence> evidenceOf(UUID objectionId) {
        return notices.evidence(objectionId);
    }

    private static String sha256(String token) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Objection fileObjection(UUID noticeId, FileObjection request, String tokenHash) {
        if (request.grounds() == null || request.grounds().isBlank()) {
            throw ApiException.badRequest("objection.groundsRequired");
        }
        return transactions.execute(status -> {
            Notice notice = notices.notice(noticeId, true).orElseThrow(() -> ApiException.notFound("notice.notFound", noticeId));
            if (notices.entries(noticeId).stream().noneMatch(e -> e.applicationId().equals(request.applicationId()))) {
                throw ApiException.notFound("objection.notOnNotice", request.applicationId());
            }
            Instant now = clock.instant();
            if (!"RUNNING".equals(notice.phase(now))) {
                throw ApiException.conflict("objection.outsideNotice", notice.startsOn().toString(),
                        notice.endsOn().toString()).with("startsAt", notice.startsAt().toString())
                        .with("endsAt", notice.endsAt().toString());
            }
            Objection objection = new Objection(UUID.randomUUID(), noticeId, request.applicationId(),
                    request.name().strip(), request.contact().strip(), request.grounds().strip(), "FILED", null, null,
                    null, null, now);
            notices.insert(objection);
            notices.token(objection.id(), tokenHash);
            events.publish(new ObjectionFiled(UUID.randomUUID(), now, objection.id(), noticeId, request.applicationId(),
                    notice.programmeId(), notice.authorityCode(), now));
            return objection;
        });
    }

    Objection assign(UUID objectionId, String assignee, Caller caller) {
        return transactions.execute(status -> {
            Objection objection = ownObjection(objectionId, caller);
            if (objection.ruled()) {
                throw ApiException.conflict("objection.ruled");
            }
            notices.assign(objectionId, assignee);
            return notices.objection(objectionId, false).orElseThrow();
        });
    }

    Objection rule(UUID objectionId, String outcome, String reason, Caller caller) {
        if (!List.of("UPHELD", "DISMISSED").contains(outcome)) {
            throw ApiException.badRequest("objection.outcome", outcome);
        }
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("objection.reasonRequired");
        }
        return transactions.execute(status -> {
            Objection objection = ownObjection(objectionId, caller);
            if (objection.ruled()) {
                throw ApiException.conflict("objection.ruled");
            }
            Notice notice = notices.notice(objection.noticeId(), false).orElseThrow();
            if (notice.closed()) {
                throw ApiException.conflict("notice.closed", notice.title());
            }
            Instant now = clock.instant();
            notices.rule(objectionId, outcome, reason.strip(), caller.username(), now);
            events.publish(new ObjectionRuled(UUID.randomUUID(), now, objectionId, notice.id(), objection.applicationId(),
                    notice.programmeId(), notice.authorityCode(), outcome, reason.strip()));
            return notices.objection(objectionId, false).orElseThrow();
        });
    }

    private Objection ownObjection(UUID objectionId, Caller caller) {
        Objection objection = notices.objection(objectionId, true)
                .orElseThrow(() -> ApiException.notFound("objection.notFound", objectionId));
        Notice notice = notices.notice(objection.noticeId(), false).orElseThrow();
        if (!decides(caller, notice.authorityCode())) {
            throw ApiException.notFound("objection.notFound", objectionId);
        }
        return objection;
    }

    // ------------------------------------------------------------------------------- approval

    /** Closes every notice that has ended and whose objections are all ruled; returns how many closed. */
    int closeDue() {
        int closed = 0;
        for (UUID id : notices.due(clock.instant())) {
            if (Boolean.TRUE.equals(transactions.execute(status -> close(id)))) {
                closed++;
            }
        }
        return closed;
    }

    private boolean close(UUID noticeId) {
        Notice notice = notices.notice(noticeId, true).orElseThrow();
        Instant now = clock.instant();
        if (notice.closed() || !now.isAfter(notice.endsAt())) {
            return false;
        }
        List<Objection> objections = notices.objections(noticeId);
        if (objections.stream().anyMatch(o -> !o.ruled())) {
            log.info("public notice {} has ended but {} objections await a ruling; approval waits", noticeId,
                    objections.stream().filter(o -> !o.ruled()).count());
            return false;
        }
        Programme programme = programme(notice.programmeId());
        List<UUID> approvedIds = new java.util.ArrayList<>();
        List<UUID> rejectedIds = new java.util.ArrayList<>();
        for (Entry entry : notices.entries(noticeId)) {
            ApplicationForm application = ledger.lock(entry.applicationId());
            if (application.status() != ApplicationStatus.IN_PUBLIC_NOTICE) {
                notices.outcome(noticeId, entry.applicationId(), application.status().name());
                continue;
            }
            Optional<Objection> upheld = objections.stream()
                    .filter(o -> o.applicationId().equals(application.id()) && "UPHELD".equals(o.status())).findFirst();
            if (upheld.isPresent()) {
                reviews.rejectLocked(application, "PUBLIC_NOTICE", notice.authorityCode(), upheld.get().rulingReason(),
                        Actor.SYSTEM);
                notices.outcome(noticeId, application.id(), "REJECTED");
                rejectedIds.add(application.id());
                continue;
            }
            Programme own = cn.chanjiao.application.programme.PlanYears.forApplication(programme,
                    application.submittedAt() != null ? application.submittedAt() : now);
            TypeRules type = own.definition().type(application.platformType()).orElseThrow();
            Form submitted = ledger.submittedForm(application);
            UUID platformId = UUID.randomUUID();
            PlatformApproved approved = ApprovedPlatforms.event(platformId, application, submitted, own, type, now);
            ledger.move(application, ApplicationStatus.APPROVED, Actor.SYSTEM, "APPROVAL", notice.title());
            notices.insert(new Platform(platformId, application.id(), programme.id(), noticeId,
                    application.platformType().name(), approved.name(), application.organisationId(), approved.regionCode(),
                    notice.authorityCode(), own.definition().planYears().from(),
                    own.definition().planYears().to(), "APPROVED", now, null, null, null));
            platformMembers.approved(platformId, approved, now);
            events.publish(approved);
            notices.outcome(noticeId, application.id(), "APPROVED");
            approvedIds.add(application.id());
        }
        notices.close(noticeId, now);
        events.publish(new PublicNoticeEnded(UUID.randomUUID(), now, noticeId, notice.programmeId(), notice.authorityCode(),
                now, approvedIds, rejectedIds, objections.size()));
        return true;
    }

    // ------------------------------------------------------------------------------ platforms

    List<Platform> platforms(UUID programmeId, String status) {
        return notices.platforms(programmeId, status);
    }

    Platform platform(UUID id) {
        return notices.platform(id, false).orElseThrow(() -> ApiException.notFound("platform.notFound", id));
    }

    /**
     * Revokes an approved platform with a structured reason ({@link RevocationReason}: dissolution, violation,
     * falsification, major change, failed acceptance or assessment, voluntary exit, other) and a comment.
     */
    Platform revoke(UUID id, String reasonCode, String comment, Caller caller) {
        RevocationReason reason = RevocationReason.parse(reasonCode).orElseThrow(() -> ApiException.badRequest(
                "platform.reasonCode", String.valueOf(reasonCode), String.join(", ", RevocationReason.codes()))
                .with("allowedReasonCodes", RevocationReason.codes()));
        if (comment == null || comment.isBlank()) {
            throw ApiException.badRequest("platform.reasonRequired");
        }
        String text = comment.strip();
        return transactions.execute(status -> {
            Platform platform = notices.platform(id, true).orElseThrow(() -> ApiException.notFound("platform.notFound", id));
            requireAuthority(caller, platform.authorityCode());
            if (!"APPROVED".equals(platform.status())) {
                throw ApiException.conflict("platform.notApproved", platform.name());
            }
            Instant now = clock.instant();
            notices.revoke(id, reason.name(), text, caller.username(), now);
            ApplicationForm application = ledger.lock(platform.applicationId());
            ledger.move(application, ApplicationStatus.REVOKED, Actor.of(caller), "REVOCATION",
                    reason.chinese() + "：" + text);
            events.publish(new PlatformRevoked(UUID.randomUUID(), now, id, platform.programmeId(),
                    platform.leadOrganisationId(), platform.authorityCode(), text, reason.name(), text));
            return notices.platform(id, false).orElseThrow();
        });
    }

    // -------------------------------------------------------------------------------- helpers

    private static boolean decides(Caller caller, String authorityCode) {
        return caller.hasRole(Roles.PLATFORM_ADMIN) || (caller.hasRole(Roles.PROGRAMME_ADMIN)
                && caller.authorityCode().filter(authorityCode::equals).isPresent());
    }

    private static void requireAuthority(Caller caller, String authorityCode) {
        if (!decides(caller, authorityCode)) {
            throw ApiException.forbidden("notice.notYourAuthority", authorityCode);
        }
    }

    private Programme programme(UUID id) {
        return programmes.find(id).orElseThrow(() -> ApiException.notFound("programme.notFound", id));
    }

    static List<String> leadNames(Form form) {
        List<String> names = new ArrayList<>();
        form.leadUnits().forEach(l -> names.add(l.name()));
        return names;
    }
}
