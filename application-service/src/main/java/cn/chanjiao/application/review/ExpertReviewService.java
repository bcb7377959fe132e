package cn.chanjiao.application.review;

import cn.chanjiao.application.attachment.Attachments;
import cn.chanjiao.kit.files.FileType;
import cn.chanjiao.application.attachment.StoredAttachment;
import cn.chanjiao.application.client.AccountResponse;
import cn.chanjiao.application.client.IdentityClient;
import cn.chanjiao.application.client.OrganisationResponse;
import cn.chanjiao.application.form.Actor;
import cn.chanjiao.application.form.ApplicationForm;
import cn.chanjiao.application.form.ApplicationLedger;
import cn.chanjiao.application.form.ApplicationStatus;
import cn.chanjiao.application.form.Form;
import cn.chanjiao.application.programme.Programme;
import cn.chanjiao.application.programme.ProgrammeService;
import cn.chanjiao.application.programme.ReviewRoutes;
import cn.chanjiao.application.programme.ReviewRoutes.Stage;
import cn.chanjiao.application.programme.TypeRules;
import cn.chanjiao.application.programme.TypeRules.QuotaScope;
import cn.chanjiao.application.programme.TypeRules.ReviewStageKind;
import cn.chanjiao.application.review.ConflictOfInterest.Expert;
import cn.chanjiao.application.review.ConflictOfInterest.Parties;
import cn.chanjiao.application.review.ExpertReviewRepository.Assignment;
import cn.chanjiao.application.review.ExpertReviewRepository.Round;
import cn.chanjiao.contracts.application.ApplicationShortlisted;
import cn.chanjiao.contracts.application.ExpertReviewCompleted;
import cn.chanjiao.kit.events.IntegrationEvents;
import cn.chanjiao.kit.web.Messages;
import cn.chanjiao.kit.web.Violation;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.security.Roles;
import cn.chanjiao.kit.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.InputStream;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Expert review: rounds held by the authority of the route's expert stage, experts from its pool in
 * identity-service assigned at random or by hand — never one with a conflict of interest — scoring
 * on the programme's sheet; averages and outliers when the round closes; meeting review and site
 * visit recorded with outcome and minutes; the shortlist within the programme's total quota.
 */
@Service
class ExpertReviewService {

    private static final int POOL_PAGES = 20;

    private final ApplicationLedger ledger;
    private final ReviewService reviews;
    private final ReviewRepository positions;
    private final ExpertReviewRepository rounds;
    private final ProgrammeService programmes;
    private final IdentityClient identity;
    private final Attachments attachments;
    private final Messages messages;
    private final TransactionTemplate transactions;
    private final IntegrationEvents events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ExpertReviewService(ApplicationLedger ledger, ReviewService reviews, ReviewRepository positions,
            ExpertReviewRepository rounds, ProgrammeService programmes, IdentityClient identity, Attachments attachments,
            Messages messages, TransactionTemplate transactions, IntegrationEvents events, Clock clock) {
        this.ledger = ledger;
        this.reviews = reviews;
        this.positions = positions;
        this.rounds = rounds;
        this.programmes = programmes;
        this.identity = identity;
        this.attachments = attachments;
        this.messages = messages;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------ rounds

    record CreateRound(UUID programmeId, TypeRules type, String name, List<UUID> applicationIds, int expertsPerApplication) {
    }

    Round create(CreateRound request, Caller caller) {
        Programme programme = programme(request.programmeId());
        List<ApplicationForm> found = ledger.findAll(new LinkedHashSet<>(request.applicationIds()));
        if (found.size() != new HashSet<>(request.applicationIds()).size()) {
            throw ApiException.notFound("round.applicationUnknown");
        }
        for (ApplicationForm application : found) {
            if (!application.programmeId().equals(programme.id()) || application.platformType() != request.type().type()) {
                throw ApiException.badRequest("round.otherProgramme", application.id());
            }
        }
        Stage stage = expertStage(found.get(0));
        StageActors.require(caller, stage);
        Instant now = clock.instant();
        Round round = new Round(UUID.randomUUID(), programme.id(), request.type().type().name(), request.name(),
                stage.authorityCode(), stage.department(), request.expertsPerApplication(),
                stage.stage().avoidSameCity(), "OPEN", caller.username(), now, null);
        transactions.executeWithoutResult(status -> {
            rounds.insertRound(round);
            for (ApplicationForm each : found) {
                ApplicationForm application = ledger.lock(each.id());
                if (!reviews.readyForSelection(application)) {
                    throw ApiException.conflict("round.notReady", application.name(), application.status().name())
                            .with("applicationId", application.id()).with("applicationStatus", application.status().name());
                }
                ledger.move(application, ApplicationStatus.IN_EXPERT_REVIEW, Actor.of(caller), stage.code(),
                        request.name());
                rounds.addApplication(round.id(), application.id());
            }
        });
        return round;
    }

    record RoundDetail(Round round, List<ExpertReviewRepository.RoundApplication> applications,
            List<Assignment> assignments, ScoringSheet sheet) {
    }

    RoundDetail detail(UUID roundId, Caller caller) {
        Round round = ownRound(roundId, caller, false);
        return new RoundDetail(round, rounds.applications(roundId), rounds.assignments(roundId), sheet(round));
    }

    /** The rounds the caller's authority and department hold. */
    List<Round> rounds(UUID programmeId, String platformType, Caller caller) {
        String authority = caller.authorityCode().orElseThrow(() -> ApiException.forbidden("recommendation.noAuthority"));
        String department = caller.department().orElseThrow(() -> ApiException.forbidden("recommendation.noAuthority"));
        return rounds.rounds(authority, department, programmeId, platformType);
    }

    /** The round's scores as a spreadsheet: one row per expert and application, the averages, outliers marked. */
    byte[] scoresXlsx(UUID roundId, Caller caller) {
        RoundDetail detail = detail(roundId, caller);
        Map<UUID, String> names = new HashMap<>();
        ledger.findAll(detail.applications().stream().map(ExpertReviewRepository.RoundApplication::applicationId).toList())
                .forEach(a -> names.put(a.id(), a.name()));
        return ScoresWorkbook.write(detail, names);
    }

    /** Fills every application of the round up to its number of experts, drawn at random from the pool without conflicts. */
    RoundDetail assignRandomly(UUID roundId, Caller caller) {
        Round round = ownRound(roundId, caller, false);
        requireOpen(round);
        List<Expert> pool = pool(round.authorityCode());
        transactions.executeWithoutResult(status -> {
            Round locked = rounds.round(roundId, true).orElseThrow();
            requireOpen(locked);
            List<Assignment> existing = rounds.assignments(roundId);
            Instant now = clock.instant();
            List<Assignment> planned = new ArrayList<>();
            for (ExpertReviewRepository.RoundApplication entry : rounds.applications(roundId)) {
                ApplicationForm application = ledger.find(entry.applicationId()).orElseThrow();
                Parties parties = Parties.of(ledger.submittedForm(application));
                Set<UUID> taken = new HashSet<>();
                existing.stream().filter(a -> a.applicationId().equals(application.id())).forEach(a -> taken.add(a.expertId()));
                int needed = round.expertsPerApplication() - taken.size();
                if (needed <= 0) {
                    continue;
                }
                List<Expert> candidates = new ArrayList<>(pool.stream().filter(e -> !taken.contains(e.id()))
                        .filter(e -> ConflictOfInterest.conflict(e, parties, round.avoidSameCity()).isEmpty()).toList());
                if (candidates.size() < needed) {
                    throw ApiException.conflict("round.notEnoughExperts", application.name(),
                            String.valueOf(needed), String.valueOf(candidates.size()))
                            .with("applicationId", application.id()).with("needed", needed)
                            .with("available", candidates.size());
                }
                Collections.shuffle(candidates, random);
                for (Expert expert : candidates.subList(0, needed)) {
                    planned.add(new Assignment(UUID.randomUUID(), roundId, application.id(), expert.id(), expert.name(),
                            expert.organisationId(), "RANDOM", caller.username(), now, Map.of(), null, null, null, null,
                            false));
                }
            }
            planned.forEach(rounds::insertAssignment);
        });
        return detail(roundId, caller);
    }

    /** Assigns one chosen expert to one application of the round, refusing a conflicted one (409 naming why). */
    RoundDetail assign(UUID roundId, UUID applicationId, UUID expertId, Caller caller) {
        Round round = ownRound(roundId, caller, false);
        requireOpen(round);
        if (rounds.applications(roundId).stream().noneMatch(a -> a.applicationId().equals(applicationId))) {
            throw ApiException.notFound("round.applicationNotInRound", applicationId);
        }
        Expert expert = pool(round.authorityCode()).stream().filter(e -> e.id().equals(expertId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("round.expertUnknown", expertId));
        ApplicationForm application = ledger.find(applicationId).orElseThrow();
        Optional<ConflictOfInterest.Reason> conflict = ConflictOfInterest.conflict(expert,
                Parties.of(ledger.submittedForm(application)), round.avoidSameCity());
        if (conflict.isPresent()) {
            throw ApiException.conflict("round.conflict." + conflict.get().name(), expert.name(), application.name())
                    .with("reason", conflict.get().name()).with("expertId", expertId);
        }
        transactions.executeWithoutResult(status -> {
            requireOpen(rounds.round(roundId, true).orElseThrow());
            if (rounds.assignments(roundId).stream().anyMatch(a -> a.applicationId().equals(applicationId)
                    && a.expertId().equals(expertId))) {
                throw ApiException.conflict("round.alreadyAssigned", expert.name());
            }
            rounds.insertAssignment(new Assignment(UUID.randomUUID(), roundId, applicationId, expertId, expert.name(),
                    expert.organisationId(), "MANUAL", caller.username(), clock.instant(), Map.of(), null, null, null,
                    null, false));
        });
        return detail(roundId, caller);
    }

    /** Closes the round once every assignment is scored: averages per application, outliers flagged. */
    RoundDetail close(UUID roundId, Caller caller) {
        Round round = ownRound(roundId, caller, false);
        ScoringSheet sheet = sheet(round);
        transactions.executeWithoutResult(status -> {
            Round locked = rounds.round(roundId, true).orElseThrow();
            requireOpen(locked);
            List<Assignment> assignments = rounds.assignments(roundId);
            List<String> incomplete = new ArrayList<>();
            for (ExpertReviewRepository.RoundApplication entry : rounds.applications(roundId)) {
                List<Assignment> mine = assignments.stream().filter(a -> a.applicationId().equals(entry.applicationId()))
                        .toList();
                if (mine.isEmpty() || mine.stream().anyMatch(a -> !a.scored())) {
                    incomplete.add(entry.applicationId().toString());
                }
            }
            if (!incomplete.isEmpty()) {
                throw ApiException.conflict("round.incomplete", String.valueOf(incomplete.size()))
                        .with("unscoredApplications", incomplete);
            }
            for (ExpertReviewRepository.RoundApplication entry : rounds.applications(roundId)) {
                List<Assignment> mine = assignments.stream().filter(a -> a.applicationId().equals(entry.applicationId()))
                        .toList();
                ScoringSheet.Summary summary = sheet.summarise(mine.stream().map(Assignment::total).toList());
                for (int i = 0; i < mine.size(); i++) {
                    rounds.outlier(mine.get(i).id(), summary.outliers().get(i));
                }
                rounds.result(roundId, entry.applicationId(), summary.average(), summary.averageWithoutOutliers());
            }
            Instant closedAt = clock.instant();
            rounds.close(roundId, closedAt);
            events.publish(new ExpertReviewCompleted(UUID.randomUUID(), closedAt, roundId, locked.programmeId(),
                    programme(locked.programmeId()).definition().code(), locked.platformType(), locked.authorityCode(),
                    rounds.applications(roundId).stream().map(ExpertReviewRepository.RoundApplication::applicationId)
                            .toList(), closedAt));
        });
        return detail(roundId, caller);
    }

    // ---------------------------------------------------------------------------------- experts

    record ExpertView(Assignment assignment, Round round, ApplicationForm application, Form form, ScoringSheet sheet,
            List<StoredAttachment> attachments) {
    }

    record ExpertFile(StoredAttachment attachment, InputStream content) {
    }

    /** One of the applicant's files of an application assigned to the calling expert. */
    ExpertFile file(UUID assignmentId, UUID attachmentId, Caller caller) {
        Assignment assignment = mine(assignmentId, caller);
        StoredAttachment attachment = attachments.find(assignment.applicationId(), attachmentId)
                .filter(a -> !ApplicationLedger.reviewFile(a))
                .orElseThrow(() -> ApiException.notFound("attachment.notFound", attachmentId));
        return new ExpertFile(attachment, attachments.open(attachment));
    }

    List<ExpertView> myAssignments(Caller caller) {
        return rounds.assignmentsOf(expertId(caller)).stream().map(this::view).toList();
    }

    ExpertView myAssignment(UUID assignmentId, Caller caller) {
        return view(mine(assignmentId, caller));
    }

    ExpertView score(UUID assignmentId, Map<String, BigDecimal> scores, BigDecimal deduction, String comment,
            Caller caller) {
        Assignment assignment = mine(assignmentId, caller);
        Round round = rounds.round(assignment.roundId(), false).orElseThrow();
        requireOpen(round);
        List<Violation> problems = new ArrayList<>();
        ScoringSheet.Result result = sheet(round).score(scores == null ? Map.of() : scores, deduction, problems);
        if (!problems.isEmpty()) {
            throw messages.badRequest(problems);
        }
        transactions.executeWithoutResult(status -> {
            requireOpen(rounds.round(round.id(), true).orElseThrow());
            rounds.assignment(assignmentId, true).orElseThrow();
            rounds.score(assignmentId, result.scores(), result.deduction(), result.total(), comment, clock.instant());
        });
        return myAssignment(assignmentId, caller);
    }

    // -------------------------------------------------------------------- meeting and site visit

    ExpertReviewRepository.StageRecord record(UUID applicationId, ReviewStageKind kind, String outcome, String comment,
            String fileName, InputStream minutes, Caller caller) {
        ApplicationForm application = ledger.readable(applicationId, caller);
        if (kind != ReviewStageKind.MEETING_REVIEW && kind != ReviewStageKind.SITE_VISIT) {
            throw ApiException.badRequest("stage.notRecordable", kind.name());
        }
        Stage stage = ReviewRoutes.stage(reviews.route(application), kind)
                .orElseThrow(() -> ApiException.conflict("stage.notOnRoute", kind.name()));
        StageActors.require(caller, stage);
        if (!Set.of("PASSED", "FAILED").contains(outcome)) {
            throw ApiException.badRequest("stage.outcome", outcome);
        }
        if (application.status() != ApplicationStatus.IN_EXPERT_REVIEW) {
            throw ReviewService.wrongState(application, "record");
        }
        if (minutes == null) {
            throw ApiException.badRequest("stage.minutesRequired");
        }
        Attachments.Received received = attachments.receive(minutes, 20L * 1024 * 1024, EnumSet.allOf(FileType.class));
        try {
            return transactions.execute(status -> {
                ApplicationForm locked = ledger.lock(applicationId);
                if (locked.status() != ApplicationStatus.IN_EXPERT_REVIEW) {
                    throw ReviewService.wrongState(locked, "record");
                }
                Instant now = clock.instant();
                StoredAttachment file = attachments.keep(applicationId, ApplicationLedger.REVIEW_FILE_PREFIX + "MINUTES", fileName, received,
                        caller.username(), now);
                ExpertReviewRepository.StageRecord record = new ExpertReviewRepository.StageRecord(UUID.randomUUID(),
                        applicationId, kind.name(), outcome, comment, file.id(), caller.username(), now);
                rounds.insertStageRecord(record);
                ledger.move(locked, ApplicationStatus.IN_EXPERT_REVIEW, Actor.of(caller), kind.name(),
                        outcome + (comment == null || comment.isBlank() ? "" : "：" + comment));
                return record;
            });
        } finally {
            received.discard();
        }
    }

    List<ExpertReviewRepository.StageRecord> records(UUID applicationId, Caller caller) {
        ledger.readable(applicationId, caller);
        return rounds.stageRecords(applicationId);
    }

    // --------------------------------------------------------------------------------- shortlist

    /** The selecting authority shortlists applications whose expert review is complete, within the total quota. */
    List<ApplicationForm> shortlist(UUID programmeId, TypeRules type, List<UUID> applicationIds, String comment,
            Caller caller) {
        List<ApplicationForm> found = ledger.findAll(new LinkedHashSet<>(applicationIds));
        if (found.isEmpty() || found.size() != new HashSet<>(applicationIds).size()) {
            throw ApiException.notFound("round.applicationUnknown");
        }
        Stage stage = reviews.selectionStage(found.get(0));
        StageActors.require(caller, stage);
        return transactions.execute(status -> {
            positions.lockQuota(programmeId, type.type().name());
            int used = positions.countInStatus(programmeId, type.type().name(),
                    List.of("SHORTLISTED", "IN_PUBLIC_NOTICE", "APPROVED"));
            Quotas.check(type, QuotaScope.TOTAL, stage.authorityCode(), used, found.size());
            List<ApplicationForm> moved = new ArrayList<>();
            for (ApplicationForm each : found) {
                ApplicationForm application = ledger.lock(each.id());
                if (!application.programmeId().equals(programmeId) || application.platformType() != type.type()) {
                    throw ApiException.badRequest("round.otherProgramme", application.id());
                }
                if (application.status() != ApplicationStatus.IN_EXPERT_REVIEW
                        || !rounds.reviewedInClosedRound(application.id())) {
                    throw ApiException.conflict("shortlist.notReviewed", application.name(), application.status().name())
                            .with("applicationId", application.id());
                }
                moved.add(ledger.move(application, ApplicationStatus.SHORTLISTED, Actor.of(caller), "SHORTLIST", comment));
                events.publish(new ApplicationShortlisted(UUID.randomUUID(), clock.instant(), application.id(),
                        programmeId, type.type().name(), application.organisationId(), stage.authorityCode(),
                        used + moved.size()));
            }
            return moved;
        });
    }

    // ----------------------------------------------------------------------------------- helpers

    private Stage expertStage(ApplicationForm application) {
        List<Stage> route = reviews.route(application);
        return ReviewRoutes.stage(route, ReviewStageKind.EXPERT_REVIEW).or(() -> ReviewRoutes.selectionStage(route))
                .orElseThrow(() -> ApiException.conflict("review.noSelectionStage"));
    }

    private Round ownRound(UUID roundId, Caller caller, boolean lock) {
        Round round = rounds.round(roundId, lock).orElseThrow(() -> ApiException.notFound("round.notFound", roundId));
        if (!StageActors.acts(caller, round.authorityCode(), round.department())
                && !caller.hasRole(Roles.PLATFORM_ADMIN)) {
            throw ApiException.notFound("round.notFound", roundId);
        }
        return round;
    }

    private static void requireOpen(Round round) {
        if (!round.open()) {
            throw ApiException.conflict("round.closed", round.name());
        }
    }

    private ScoringSheet sheet(Round round) {
        return ScoringSheet.of(programme(round.programmeId()).definition()
                .type(cn.chanjiao.application.programme.PlatformType.valueOf(round.platformType())).orElseThrow());
    }

    private Programme programme(UUID id) {
        return programmes.find(id).orElseThrow(() -> ApiException.notFound("programme.notFound", id));
    }

    private UUID expertId(Caller caller) {
        if (!caller.hasRole(Roles.EXPERT)) {
            throw ApiException.forbidden("expert.notExpert");
        }
        try {
            return UUID.fromString(caller.subject());
        } catch (IllegalArgumentException e) {
            throw ApiException.forbidden("expert.notExpert");
        }
    }

    private Assignment mine(UUID assignmentId, Caller caller) {
        UUID expert = expertId(caller);
        return rounds.assignment(assignmentId, false).filter(a -> a.expertId().equals(expert))
                .orElseThrow(() -> ApiException.notFound("expert.assignmentNotFound", assignmentId));
    }

    private ExpertView view(Assignment assignment) {
        Round round = rounds.round(assignment.roundId(), false).orElseThrow();
        ApplicationForm application = ledger.find(assignment.applicationId()).orElseThrow();
        return new ExpertView(assignment, round, application, ledger.submittedForm(application), sheet(round),
                attachments.list(application.id()).stream().filter(a -> !ApplicationLedger.reviewFile(a)).toList());
    }

    /** The experts of an authority's pool (and the authorities below it), with their organisations. */
    private List<Expert> pool(String authority) {
        List<AccountResponse> accounts = new ArrayList<>();
        for (int page = 0; page < POOL_PAGES; page++) {
            AccountResponse.Page answer = identity.users(Roles.EXPERT, authority, true, page, 200);
            accounts.addAll(answer.items());
            if (answer.items().isEmpty() || page + 1 >= answer.totalPages()) {
                break;
            }
        }
        List<UUID> organisationIds = accounts.stream().map(AccountResponse::organisationId)
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<UUID, OrganisationResponse> organisations = new HashMap<>();
        for (int from = 0; from < organisationIds.size(); from += 200) {
            identity.organisations(new IdentityClient.BatchRequest(organisationIds.subList(from,
                    Math.min(from + 200, organisationIds.size())))).forEach(o -> organisations.put(o.id(), o));
        }
        Map<UUID, Expert> experts = new LinkedHashMap<>();
        for (AccountResponse account : accounts) {
            OrganisationResponse organisation = account.organisationId() == null ? null
                    : organisations.get(account.organisationId());
            Set<String> codes = new HashSet<>();
            String city = null;
            if (organisation != null) {
                if (organisation.uscc() != null) {
                    codes.add(organisation.uscc());
                }
                if (organisation.schoolCode() != null) {
                    codes.add(organisation.schoolCode());
                }
                city = organisation.cityCode() != null ? organisation.cityCode()
                        : organisation.districtCode() != null ? organisation.districtCode().substring(0, 4) + "00" : null;
            }
            String name = account.displayName() != null ? account.displayName() : account.username();
            experts.putIfAbsent(account.id(), new Expert(account.id(), name, account.organisationId(),
                    organisation == null ? null : organisation.name(), Set.copyOf(codes), city));
        }
        return List.copyOf(experts.values());
    }
}
