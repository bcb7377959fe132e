package cn.chanjiao.reporting.undertaking;

import cn.chanjiao.contracts.reporting.TechDemandCompleted;
import cn.chanjiao.contracts.reporting.TechDemandUndertaken;
import cn.chanjiao.kit.events.IntegrationEvents;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.security.Roles;
import cn.chanjiao.kit.time.ChinaTime;
import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.reporting.attachment.StoredAttachment;
import cn.chanjiao.reporting.list.ListKind;
import cn.chanjiao.reporting.list.ListRow;
import cn.chanjiao.reporting.list.SdLists;
import cn.chanjiao.reporting.platform.Platform;
import cn.chanjiao.reporting.platform.PlatformAccess;
import cn.chanjiao.reporting.platform.Platforms;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Undertaking (承接) of published technology demands: a member organisation of the demand's platform
 * undertakes it ({@code TechDemandUndertaken}), reports progress and completion with evidence, and the
 * demand's owner (the platform's lead organisation) confirms completion ({@code TechDemandCompleted}).
 */
@Service
public class UndertakingService {

    private final Undertakings undertakings;
    private final SdLists lists;
    private final Platforms platforms;
    private final PlatformAccess access;
    private final IntegrationEvents events;
    private final Clock clock;

    UndertakingService(Undertakings undertakings, SdLists lists, Platforms platforms, PlatformAccess access,
            IntegrationEvents events, Clock clock) {
        this.undertakings = undertakings;
        this.lists = lists;
        this.platforms = platforms;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Undertaking undertake(UUID demandId, Caller caller, String plan) {
        ListRow demand = lists.findRow(demandId).orElseThrow(() -> ApiException.notFound("list.rowNotFound", demandId));
        if (!ListKind.TECH_DEMANDS.contains(demand.kind())) {
            throw ApiException.badRequest("undertaking.notTechDemand");
        }
        if (!demand.published()) {
            throw ApiException.conflict("undertaking.notPublished");
        }
        Platform platform = platforms.require(demand.platformId());
        UUID organisation = member(caller, platform);
        Instant now = clock.instant();
        Undertaking undertaking = new Undertaking(UUID.randomUUID(), demandId, platform.id(), platform.leadOrganisationId(),
                organisation, Undertaking.UNDERTAKEN, plan, List.of(), null, List.of(), 1, now, null, null, now);
        if (!undertakings.insert(undertaking)) {
            throw ApiException.conflict("undertaking.taken");
        }
        events.publish(new TechDemandUndertaken(UUID.randomUUID(), now, demandId, undertaking.id(), platform.id(),
                platform.leadOrganisationId(), organisation));
        return undertaking;
    }

    @Transactional(readOnly = true)
    public Undertaking get(UUID id, Caller caller) {
        Undertaking u = undertakings.find(id).orElseThrow(() -> ApiException.notFound("undertaking.notFound", id));
        Platform platform = platforms.require(u.platformId());
        if (!isUndertaker(caller, u) && !access.canRead(caller, platform)) {
            throw ApiException.forbidden("undertaking.notYours");
        }
        return u;
    }

    @Transactional(readOnly = true)
    public List<Undertaking> mine(Caller caller) {
        return caller.organisationId().map(undertakings::ofOrganisation).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public List<Undertaking> ofDemand(UUID demandId) {
        return undertakings.ofDemand(demandId);
    }

    @Transactional
    public Undertaking progress(UUID id, Caller caller, Integer percent, String note) {
        Undertaking u = lockAsUndertaker(id, caller);
        requireOpen(u);
        List<Undertaking.Progress> progress = new ArrayList<>(u.progress());
        progress.add(new Undertaking.Progress(clock.instant(), caller.username(), percent, note));
        Undertaking saved = u.with(Undertaking.IN_PROGRESS, progress, u.completionSummary(), u.evidence(),
                u.completionReportedAt(), null, clock.instant());
        undertakings.update(saved);
        return saved;
    }

    @Transactional
    public Undertaking evidence(UUID id, Caller caller, StoredAttachment file) {
        Undertaking u = lockAsUndertaker(id, caller);
        requireOpen(u);
        List<Undertaking.Evidence> evidence = new ArrayList<>(u.evidence());
        evidence.add(new Undertaking.Evidence(file.id(), file.fileName(), file.fileType(), file.size(), file.sha256()));
        Undertaking saved = u.with(u.status(), u.progress(), u.completionSummary(), evidence, u.completionReportedAt(),
                null, clock.instant());
        undertakings.update(saved);
        return saved;
    }

    @Transactional
    public Undertaking reportCompletion(UUID id, Caller caller, String summary) {
        Undertaking u = lockAsUndertaker(id, caller);
        requireOpen(u);
        if (u.evidence().isEmpty()) {
            throw ApiException.unprocessable("undertaking.evidenceRequired");
        }
        Instant now = clock.instant();
        Undertaking saved = u.with(Undertaking.COMPLETION_REPORTED, u.progress(), summary, u.evidence(), now, null, now);
        undertakings.update(saved);
        return saved;
    }

    /** The owner confirms (COMPLETED, {@code TechDemandCompleted}) or sends it back to IN_PROGRESS with a comment. */
    @Transactional
    public Undertaking confirm(UUID id, Caller caller, boolean confirmed, String comment) {
        Undertaking u = undertakings.lock(id).orElseThrow(() -> ApiException.notFound("undertaking.notFound", id));
        Platform platform = platforms.require(u.platformId());
        if (!access.isLead(caller, platform)) {
            throw ApiException.forbidden("undertaking.notOwner");
        }
        if (!Undertaking.COMPLETION_REPORTED.equals(u.status())) {
            throw ApiException.conflict("undertaking.notReported", u.status());
        }
        Instant now = clock.instant();
        if (!confirmed) {
            if (comment == null || comment.isBlank()) {
                throw ApiException.badRequest("undertaking.commentRequired");
            }
            List<Undertaking.Progress> progress = new ArrayList<>(u.progress());
            progress.add(new Undertaking.Progress(now, caller.username(), null, comment));
            Undertaking back = u.with(Undertaking.IN_PROGRESS, progress, u.completionSummary(), u.evidence(), null, null, now);
            undertakings.update(back);
            return back;
        }
        Undertaking done = u.with(Undertaking.COMPLETED, u.progress(), u.completionSummary(), u.evidence(),
                u.completionReportedAt(), now, now);
        undertakings.update(done);
        events.publish(new TechDemandCompleted(UUID.randomUUID(), now, u.demandId(), u.id(), u.platformId(),
                u.ownerOrganisationId(), u.undertakerOrganisationId(), now.atZone(ChinaTime.ZONE).getYear(), now));
        return done;
    }

    private UUID member(Caller caller, Platform platform) {
        if (!(caller.hasRole(Roles.APPLICANT) || caller.hasRole(Roles.ORG_ADMIN)) || caller.organisationId().isEmpty()
                || !platform.hasMember(caller.organisationId().get())) {
            throw ApiException.forbidden("undertaking.notMember", platform.name());
        }
        if (platform.revoked()) {
            throw ApiException.conflict("platform.revoked", platform.name());
        }
        return caller.organisationId().get();
    }

    private Undertaking lockAsUndertaker(UUID id, Caller caller) {
        Undertaking u = undertakings.lock(id).orElseThrow(() -> ApiException.notFound("undertaking.notFound", id));
        if (!isUndertaker(caller, u)) {
            throw ApiException.forbidden("undertaking.notYours");
        }
        return u;
    }

    private static boolean isUndertaker(Caller caller, Undertaking u) {
        return caller.organisationId().map(u.undertakerOrganisationId()::equals).orElse(false);
    }

    private static void requireOpen(Undertaking u) {
        if (Undertaking.COMPLETED.equals(u.status()) || Undertaking.COMPLETION_REPORTED.equals(u.status())) {
            throw ApiException.conflict("undertaking.closed", u.status());
        }
    }
}
