package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.Programme;
import cn.chanjiao.application.programme.ProgrammeService;
import cn.chanjiao.application.programme.TypeRules;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.kit.web.Versions;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the review, notice and approval features may do with applications: read them (scoped as the
 * form's own API is), lock one for a command, move it to another status with an audit record, and
 * read the form as submitted. Callers run these inside their own transaction.
 */
@Component
public class ApplicationLedger {

    private final ApplicationRepository applications;
    private final ProgrammeService programmes;
    private final Clock clock;

    ApplicationLedger(ApplicationRepository applications, ProgrammeService programmes, Clock clock) {
        this.applications = applications;
        this.programmes = programmes;
        this.clock = clock;
    }

    public Optional<ApplicationForm> find(UUID id) {
        return applications.find(id);
    }

    public List<ApplicationForm> findAll(Collection<UUID> ids) {
        return applications.byIds(ids);
    }

    /** The application if the caller may read it, else a 404 as if it did not exist. */
    public ApplicationForm readable(UUID id, Caller caller) {
        ApplicationForm application = applications.find(id).orElseThrow(() -> notFound(id));
        if (!ApplicationAccess.canRead(caller, application, programme(application))) {
            throw notFound(id);
        }
        return application;
    }

    public boolean canRead(Caller caller, ApplicationForm application) {
        return ApplicationAccess.canRead(caller, application, programme(application));
    }

    /** Reads and locks the row until the transaction ends. */
    public ApplicationForm lock(UUID id) {
        return applications.lock(id).orElseThrow(() -> notFound(id));
    }

    public Programme programme(ApplicationForm application) {
        return programmes.find(application.programmeId()).orElseThrow();
    }

    public TypeRules type(ApplicationForm application) {
        return programme(application).definition().type(application.platformType()).orElseThrow();
    }

    /**
     * Moves a locked application to {@code to} and records who, in which role and stage, when, from
     * where and why. {@code to} may equal the current status (a stage passed within it).
     */
    public ApplicationForm move(ApplicationForm locked, ApplicationStatus to, Actor actor, String stage, String comment) {
        Instant now = clock.instant();
        ApplicationForm moved = new ApplicationForm(locked.id(), locked.programmeId(), locked.platformType(),
                locked.organisationId(), to, locked.recommendingRegionCode(), locked.reviewDepartments(), locked.form(),
                locked.version() + 1, locked.returnComment(), locked.createdBy(), locked.createdAt(), now,
                locked.submittedAt());
        if (!applications.update(moved, locked.version())) {
            throw Versions.stale(applications.currentVersion(locked.id()));
        }
        applications.transition(locked.id(), locked.status(), to, actor, stage, now, comment);
        return moved;
    }

    /** The form as submitted (the latest snapshot), else the current form. */
    public Form submittedForm(ApplicationForm application) {
        return applications.latestSnapshot(application.id()).orElse(application.form());
    }

    /** Kind of the files reviewers attach to an application (meeting minutes, site-visit records). */
    public static final String REVIEW_FILE_PREFIX = "REVIEW_";

    /** Whether a file was attached by reviewers rather than by the applicant. */
    public static boolean reviewFile(cn.chanjiao.application.attachment.StoredAttachment attachment) {
        return attachment.kind().startsWith(REVIEW_FILE_PREFIX);
    }

    public static ApiException notFound(UUID id) {
        return ApiException.notFound("application.notFound", id);
    }
}
