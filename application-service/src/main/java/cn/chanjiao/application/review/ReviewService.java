package cn.chanjiao.application.review;

import cn.chanjiao.application.form.Actor;
import cn.chanjiao.application.form.ApplicationForm;
import cn.chanjiao.application.form.ApplicationLedger;
import cn.chanjiao.application.form.ApplicationStatus;
import cn.chanjiao.application.form.Form;
import cn.chanjiao.application.form.ReturnPolicy;
import cn.chanjiao.application.programme.Programme;
import cn.chanjiao.application.programme.ReviewRoutes;
import cn.chanjiao.application.programme.ReviewRoutes.Stage;
import cn.chanjiao.application.programme.TypeRules;
import cn.chanjiao.application.programme.TypeRules.QuotaScope;
import cn.chanjiao.contracts.application.ApplicationRecommended;
import cn.chanjiao.contracts.application.ApplicationRejected;
import cn.chanjiao.application.programme.RecommendationDeadlines;
import cn.chanjiao.application.programme.Window;
import cn.chanjiao.contracts.common.DeadlineScheduled;
import cn.chanjiao.kit.events.IntegrationEvents;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The desk stages of the route (preliminary review, recommendation): approve, reject, return (the
 * form's own command, guarded here); the recommending authority's list bounded by its quota, ranked,
 * then locked; rejection at the later stages by the selecting authority.
 */
@Service
public class ReviewService implements ReturnPolicy {

    static final Set<ApplicationStatus> SELECTION_STATES = EnumSet.of(ApplicationStatus.RECOMMENDED,
            ApplicationStatus.IN_EXPERT_REVIEW, ApplicationStatus.SHORTLISTED);

    private final ApplicationLedger ledger;
    private final ReviewRepository reviews;
    private final IntegrationEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReviewService(ApplicationLedger ledger, ReviewRepository reviews, IntegrationEvents events,
            TransactionTemplate transactions, Clock clock) {
        this.ledger = ledger;
        this.reviews = reviews;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------ route

    /** The route of an application as it applies to it. */
    public List<Stage> route(ApplicationForm application) {
        TypeRules type = ledger.type(application);
        Set<String> attributes = new HashSet<>();
        application.form().leadUnits().forEach(lead -> attributes.addAll(lead.attributes()));
        return ReviewRoutes.route(type, application.recommendingRegionCode(), attributes);
    }

    /** The desk stage the application stands at, if it is at one. */
    Optional<Stage> currentDeskStage(ApplicationForm application) {
        if (application.status() != ApplicationStatus.SUBMITTED) {
            return Optional.empty();
        }
        List<Stage> desk = ReviewRoutes.deskStages(route(application));
        int index = reviews.stageIndex(application.id());
        return index < desk.size() ? Optional.of(desk.get(index)) : Optional.empty();
    }

    /** The stage whose authority selects (expert review, shortlist), or 409 when the route has none. */
    public Stage selectionStage(ApplicationForm application) {
        return ReviewRoutes.selectionStage(route(application))
                .orElseThrow(() -> ApiException.conflict("review.noSelectionStage"));
    }

    /** Whether the selecting authority may take the application into an expert review round now. */
    public boolean readyForSelection(ApplicationForm application) {
        if (application.status() == ApplicationStatus.SUBMITTED) {
            return ReviewRoutes.deskStages(route(application)).isEmpty();
        }
        if (application.status() != ApplicationStatus.RECOMMENDED) {
            return false;
        }
        return reviews.position(application.id()).flatMap(p -> reviews.list(application.programmeId(),
                application.platformType().name(), p.recommendedBy())).map(ReviewRepository.RecommendationList::locked)
                .orElse(false);
    }

    record View(ApplicationForm application, List<Stage> route, Integer currentStage) {
    }

    View view(UUID id, Caller caller) {
        ApplicationForm application = ledger.readable(id, caller);
        List<Stage> route = route(application);
        Integer current = currentDeskStage(application).map(Stage::index).orElse(null);
        return new View(application, route, current);
    }

    // --------------------------------------------------------------------------------- decisions

    /** The reviewer of the application's current desk stage passes it; passing the last one recommends it. */
    public ApplicationForm approve(UUID id, String comment, Caller caller) {
        ledger.readable(id, caller);
        return transactions.execute(status -> {
            ApplicationForm application = ledger.lock(id);
            Stage stage = currentDeskStage(application).orElseThrow(() -> wrongState(application, "approve"));
            StageActors.require(caller, stage);
            requireBeforeDeadline(application);
            List<Stage> desk = ReviewRoutes.deskStages(route(application));
            Instant now = clock.instant();
            if (stage.index() + 1 < desk.size()) {
                reviews.moveTo(id, stage.index() + 1, now);
                return ledger.move(application, ApplicationStatus.SUBMITTED, Actor.of(caller), stage.code(), comment);
            }
            TypeRules type = ledger.type(application);
            ReviewRepository.RecommendationList list = reviews.lockList(application.programmeId(),
                    application.platformType().name(), stage.authorityCode(), stage.department());
            if (list.locked()) {
                throw ApiException.conflict("recommendation.locked", stage.authorityCode());
            }
            int used = reviews.recommended(application.programmeId(), application.platformType().name(),
                    stage.authorityCode()).size();
            Quotas.check(type, QuotaScope.PER_RECOMMENDING_REGION, stage.authorityCode(), used, 1);
            reviews.recommend(id, stage.index() + 1, stage.authorityCode(), stage.department(), used + 1, now);
            return ledger.move(application, ApplicationStatus.RECOMMENDED, Actor.of(caller), stage.code(), comment);
        });
    }

    /**
     * Rejects with a reason: at a desk stage by that stage's reviewers, later (recommended, in expert
     * review, shortlisted) by the selecting authority.
     */
    public ApplicationForm reject(UUID id, String reason, Caller caller) {
        ledger.readable(id, caller);
        return transactions.execute(status -> {
            ApplicationForm application = ledger.lock(id);
            Stage stage;
            if (application.status() == ApplicationStatus.SUBMITTED && currentDeskStage(application).isPresent()) {
                stage = currentDeskStage(application).get();
            } else if (SELECTION_STATES.contains(application.status())
                    || (application.status() == ApplicationStatus.SUBMITTED && readyForSelection(application))) {
                stage = selectionStage(application);
            } else {
                throw wrongState(application, "reject");
            }
            StageActors.require(caller, stage);
            return rejectLocked(application, stage.code(), stage.authorityCode(), reason, Actor.of(caller));
        });
    }

    /** Rejects a locked application inside the caller's transaction, with the event. */
    public ApplicationForm rejectLocked(ApplicationForm application, String stage, String authorityCode, String reason,
            Actor actor) {
        ApplicationForm rejected = ledger.move(application, ApplicationStatus.REJECTED, actor, stage, reason);
        events.publish(new ApplicationRejected(UUID.randomUUID(), clock.instant(), application.id(),
                application.programmeId(), application.organisationId(), stage, authorityCode, reason));
        return rejected;
    }

    // ----------------------------------------------------------------------- recommendation lists

    record Ranking(UUID programmeId, String platformType, String authorityCode, String department, boolean locked,
            Instant lockedAt, Integer quota, List<ReviewRepository.ListEntry> items) {
    }

    Ranking ranking(UUID programmeId, TypeRules type, Caller caller) {
        String authority = caller.authorityCode().orElseThrow(() -> ApiException.forbidden("recommendation.noAuthority"));
        Optional<ReviewRepository.RecommendationList> list = reviews.list(programmeId, type.type().name(), authority);
        Integer quota = type.quota() != null && type.quota().scope() == QuotaScope.PER_RECOMMENDING_REGION
                ? type.quota().limit() : null;
        return new Ranking(programmeId, type.type().name(), authority, list.map(ReviewRepository.RecommendationList::department)
                .orElse(null), list.map(ReviewRepository.RecommendationList::locked).orElse(false),
                list.map(ReviewRepository.RecommendationList::lockedAt).orElse(null), quota,
                reviews.recommended(programmeId, type.type().name(), authority));
    }

    /** The recommending authority orders its recommended applications (all of them, once each). */
    Ranking rank(UUID programmeId, TypeRules type, List<UUID> order, Caller caller) {
        String authority = caller.authorityCode().orElseThrow(() -> ApiException.forbidden("recommendation.noAuthority"));
        transactions.executeWithoutResult(status -> {
            ReviewRepository.RecommendationList list = ownList(programmeId, type, authority, caller);
            if (list.locked()) {
                throw ApiException.conflict("recommendation.locked", authority);
            }
            List<UUID> current = reviews.recommended(programmeId, type.type().name(), authority).stream()
                    .map(ReviewRepository.ListEntry::applicationId).toList();
            current.stream().findFirst().flatMap(ledger::find).ifPresent(this::requireBeforeDeadline);
            if (order.size() != current.size() || !new LinkedHashSet<>(order).equals(new LinkedHashSet<>(current))
                    || new HashSet<>(order).size() != order.size()) {
                throw ApiException.badRequest("recommendation.rankingIncomplete", String.valueOf(current.size()))
                        .with("recommended", current);
            }
            for (int i = 0; i < order.size(); i++) {
                reviews.rank(order.get(i), i + 1);
            }
        });
        return ranking(programmeId, type, caller);
    }

    /** Locks the authority's list: from now on it neither grows nor changes order; each is recommended by rank. */
    Ranking lock(UUID programmeId, TypeRules type, Caller caller) {
        String authority = caller.authorityCode().orElseThrow(() -> ApiException.forbidden("recommendation.noAuthority"));
        transactions.executeWithoutResult(status -> {
            ReviewRepository.RecommendationList list = ownList(programmeId, type, authority, caller);
            if (list.locked()) {
                throw ApiException.conflict("recommendation.locked", authority);
            }
            List<ReviewRepository.ListEntry> entries = reviews.recommended(programmeId, type.type().name(), authority);
            if (entries.isEmpty()) {
                throw ApiException.conflict("recommendation.empty");
            }
            ledger.find(entries.get(0).applicationId()).ifPresent(this::requireBeforeDeadline);
            Instant now = clock.instant();
            reviews.lock(programmeId, type.type().name(), authority, caller.username(), now);
            Programme programme = null;
            for (ReviewRepository.ListEntry entry : entries) {
                ApplicationForm application = ledger.lock(entry.applicationId());
                programme = programme == null ? ledger.programme(application) : programme;
                events.publish(new ApplicationRecommended(UUID.randomUUID(), now, application.id(),
                        application.programmeId(), programme.definition().code(), application.platformType().name(),
                        application.organisationId(), lastDeskStage(application), authority, list.department(),
                        entry.rank()));
            }
        });
        return ranking(programmeId, type, caller);
    }

    /**
     * The caller's authority's 推荐名单汇总表 for a programme: every platform type it has a list of (or the one asked
     * for), in rank order.
     */
    byte[] summaryXlsx(Programme programme, Optional<TypeRules> only, Caller caller) {
        String authority = caller.authorityCode().orElseThrow(() -> ApiException.forbidden("recommendation.noAuthority"));
        List<RecommendationSummary.Section> sections = new ArrayList<>();
        String department = null;
        List<TypeRules> types = only.map(List::of).orElse(programme.definition().platformTypes());
        for (TypeRules type : types) {
            Optional<ReviewRepository.RecommendationList> list = reviews.list(programme.id(), type.type().name(), authority);
            if (list.isEmpty()) {
                continue;
            }
            if (!StageActors.acts(caller, authority, list.get().department())) {
                throw ApiException.forbidden("recommendation.notYours", authority, list.get().department());
            }
            department = list.get().department();
            List<ReviewRepository.ListEntry> entries = reviews.recommended(programme.id(), type.type().name(), authority);
            java.util.Map<UUID, ApplicationForm> applications = new java.util.HashMap<>();
            ledger.findAll(entries.stream().map(ReviewRepository.ListEntry::applicationId).toList())
                    .forEach(a -> applications.put(a.id(), a));
            List<RecommendationSummary.Line> lines = new ArrayList<>();
            for (ReviewRepository.ListEntry entry : entries) {
                ApplicationForm application = applications.get(entry.applicationId());
                Form form = application.submittedAt() == null ? application.form() : ledger.submittedForm(application);
                lines.add(new RecommendationSummary.Line(entry.rank(),
                        form.basicInfo() != null && form.basicInfo().name() != null ? form.basicInfo().name() : entry.name(),
                        form.leadUnits().stream().map(Form.LeadUnit::name).toList(), application.recommendingRegionCode(),
                        entry.applicationId()));
            }
            sections.add(new RecommendationSummary.Section(type.name(), list.get().locked(), lines));
        }
        if (sections.isEmpty()) {
            throw ApiException.notFound("recommendation.noList", authority);
        }
        return RecommendationSummary.write(new RecommendationSummary.Summary(programme.definition().name(), authority,
                department, caller.username(), java.time.LocalDate.now(clock.withZone(cn.chanjiao.kit.time.ChinaTime.ZONE)),
                sections));
    }

    private ReviewRepository.RecommendationList ownList(UUID programmeId, TypeRules type, String authority, Caller caller) {
        ReviewRepository.RecommendationList list = reviews.list(programmeId, type.type().name(), authority)
                .orElseThrow(() -> ApiException.notFound("recommendation.noList", authority));
        if (!StageActors.acts(caller, authority, list.department())) {
            throw ApiException.forbidden("recommendation.notYours", authority, list.department());
        }
        return reviews.lockList(programmeId, type.type().name(), authority, list.department());
    }

    private String lastDeskStage(ApplicationForm application) {
        List<Stage> desk = ReviewRoutes.deskStages(route(application));
        return desk.isEmpty() ? null : desk.get(desk.size() - 1).code();
    }

    // ------------------------------------------------------------------- recommendation deadline

    /** Deadline kind of the recommending authorities' deadline ({@code DeadlineScheduled.kind}). */
    public static final String RECOMMENDATION_CLOSES = "RECOMMENDATION_CLOSES";

    /** 422 when the programme's recommendation deadline that applies to the application has passed. */
    private void requireBeforeDeadline(ApplicationForm application) {
        if (application.submittedAt() == null) {
            return;
        }
        Programme programme = ledger.programme(application);
        Optional<Window.Occurrence> passed = RecommendationDeadlines.passed(programme.definition(),
                application.submittedAt(), clock.instant());
        if (passed.isPresent()) {
            throw ApiException.unprocessable("recommendation.deadlinePassed", passed.get().closesOn().toString())
                    .with("deadline", passed.get().closesOn().toString())
                    .with("deadlineAt", passed.get().closesAt().toString());
        }
    }

    /** The authority that recommends the application (its route's last desk stage), if the route has desk stages. */
    Optional<Stage> recommendingStage(ApplicationForm application) {
        List<Stage> desk = ReviewRoutes.deskStages(route(application));
        return desk.isEmpty() ? Optional.empty() : Optional.of(desk.get(desk.size() - 1));
    }

    /** Subject of the recommending authority's deadline: one per programme, type and authority. */
    static String recommendationSubject(UUID programmeId, String platformType, String authorityCode) {
        return programmeId + "/" + platformType + "/" + authorityCode;
    }

    /**
     * A submission puts the application on its recommending authority's desk: the authority's deadline is
     * announced ({@link DeadlineScheduled} {@code RECOMMENDATION_CLOSES}, once per programme, type and authority)
     * so that notification-service reminds its reviewers.
     */
    @Override
    public void submitted(ApplicationForm application, Programme programme) {
        if (application.submittedAt() == null) {
            return;
        }
        Optional<Window.Occurrence> deadline = RecommendationDeadlines.applying(programme.definition(),
                application.submittedAt());
        Optional<Stage> stage = recommendingStage(application);
        if (deadline.isEmpty() || stage.isEmpty() || stage.get().authorityCode() == null) {
            return;
        }
        String subject = recommendationSubject(programme.id(), application.platformType().name(),
                stage.get().authorityCode());
        if (reviews.scheduleOnce(RECOMMENDATION_CLOSES, subject, deadline.get().closesAt())) {
            events.publish(new DeadlineScheduled(UUID.randomUUID(), clock.instant(), RECOMMENDATION_CLOSES, subject, null,
                    stage.get().authorityCode(), deadline.get().closesAt()));
        }
    }

    // ---------------------------------------------------------------------------- return policy

    @Override
    public void checkMayReturn(ApplicationForm application, Programme programme, Caller caller) {
        Optional<Stage> stage = currentDeskStage(application);
        if (stage.isEmpty()) {
            if (readyForSelection(application)) {
                StageActors.require(caller, selectionStage(application));
                return;
            }
            throw wrongState(application, "return");
        }
        StageActors.require(caller, stage.get());
    }

    @Override
    public String currentStage(ApplicationForm application, Programme programme) {
        return currentDeskStage(application).map(Stage::code)
                .orElseGet(() -> ReviewRoutes.selectionStage(route(application)).map(Stage::code).orElse(null));
    }

    @Override
    public boolean reviewStarted(ApplicationForm application) {
        return reviews.stageIndex(application.id()) > 0;
    }

    @Override
    public void returned(ApplicationForm application) {
        reviews.restart(application.id(), clock.instant());
    }

    static ApiException wrongState(ApplicationForm application, String action) {
        return ApiException.conflict("review.wrongState." + action, application.status().name())
                .with("applicationStatus", application.status().name());
    }

    static List<String> names(Set<ApplicationStatus> statuses) {
        List<String> names = new ArrayList<>();
        statuses.forEach(s -> names.add(s.name()));
        return names;
    }

    static Form.LeadUnit filingLead(ApplicationForm application, Form form) {
        return form.leadUnits().stream().filter(l -> application.organisationId().equals(l.organisationId())).findFirst()
                .orElse(form.leadUnits().isEmpty() ? null : form.leadUnits().get(0));
    }
}
