package cn.chanjiao.application.form;

import cn.chanjiao.application.attachment.Attachments;
import cn.chanjiao.kit.files.FileType;
import cn.chanjiao.application.attachment.StoredAttachment;
import cn.chanjiao.application.client.IdentityClient;
import cn.chanjiao.application.client.OrganisationResponse;
import cn.chanjiao.application.form.Form.LeadUnit;
import cn.chanjiao.application.form.Form.Participant;
import cn.chanjiao.application.form.Form.PlanValue;
import cn.chanjiao.application.form.FormRequests.CreateApplicationRequest;
import cn.chanjiao.application.form.FormRequests.LeadUnitRequest;
import cn.chanjiao.application.form.FormRequests.PlanValueRequest;
import cn.chanjiao.application.form.FormRules.LeadUnitClaim;
import cn.chanjiao.application.programme.PlanYears;
import cn.chanjiao.application.programme.Programme;
import cn.chanjiao.application.programme.ProgrammeService;
import cn.chanjiao.application.programme.Registrations;
import cn.chanjiao.application.programme.ReviewRoutes;
import cn.chanjiao.application.programme.TypeRules;
import cn.chanjiao.application.programme.TypeRules.AttachmentRequirement;
import cn.chanjiao.application.programme.TypeRules.LeadRole;
import cn.chanjiao.application.programme.Window;
import cn.chanjiao.kit.web.IdempotentRequests;
import cn.chanjiao.kit.web.Messages;
import cn.chanjiao.kit.web.Versions;
import cn.chanjiao.kit.web.Violation;
import cn.chanjiao.contracts.application.ApplicationReturned;
import cn.chanjiao.contracts.application.ApplicationSubmitted;
import cn.chanjiao.contracts.application.ApplicationWithdrawn;
import cn.chanjiao.contracts.common.DeadlineScheduled;
import cn.chanjiao.kit.events.IntegrationEvents;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The application form from draft to submission. Every change names the version it started from;
 * a stale one is refused (412) and nothing is overwritten. A draft may be saved incomplete at any
 * time; completeness and every rule are judged at submission, which happens once per
 * {@code Idempotency-Key}, inside the registration window, and publishes {@link ApplicationSubmitted}
 * through the outbox in the same transaction.
 */
@Service
class FormService {

    private final ApplicationRepository applications;
    private final ProgrammeService programmes;
    private final IdentityClient identity;
    private final Attachments attachments;
    private final IdempotentRequests idempotentRequests;
    private final IntegrationEvents events;
    private final Messages messages;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReturnPolicy returnPolicy;

    FormService(ApplicationRepository applications, ProgrammeService programmes, IdentityClient identity,
            Attachments attachments, IdempotentRequests idempotentRequests, IntegrationEvents events, Messages messages,
            TransactionTemplate transactions, Clock clock, ReturnPolicy returnPolicy) {
        this.returnPolicy = returnPolicy;
        this.applications = applications;
        this.programmes = programmes;
        this.identity = identity;
        this.attachments = attachments;
        this.idempotentRequests = idempotentRequests;
        this.events = events;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** An application with what a response needs. */
    record Loaded(ApplicationForm application, Programme programme, TypeRules type, List<StoredAttachment> attachments) {
    }

    // ------------------------------------------------------------------------------------- create

    Loaded create(CreateApplicationRequest request, Caller caller) {
        UUID organisationId = caller.organisationId()
                .orElseThrow(() -> ApiException.forbidden("application.noOrganisation"));
        Programme programme = programmes.find(request.programmeId()).filter(Programme::published)
                .map(p -> PlanYears.forApplication(p, clock.instant()))
                .orElseThrow(() -> ApiException.notFound("programme.notFound", request.programmeId()));
        TypeRules type = programme.definition().type(request.platformType())
                .orElseThrow(() -> ApiException.badRequest("application.typeNotAccepted", request.platformType(),
                        programme.definition().name()).with("accepted",
                                programme.definition().platformTypes().stream().map(TypeRules::type).toList()));
        LeadRole filing = type.lead().filingRole().orElseThrow();
        OrganisationResponse applicant = identity.organisation(organisationId)
                .orElseThrow(() -> ApiException.forbidden("application.organisationUnknown", organisationId));
        List<Violation> problems = new ArrayList<>();
        FormRules.leadUnit("organisation", type, filing, organisationId, Optional.of(applicant), problems);
        if (!problems.isEmpty()) {
            throw messages.problem(HttpStatus.FORBIDDEN, problems);
        }
        Instant now = clock.instant();
        Form form = Form.empty().withLeadUnits(List.of(leadUnit(filing.code(), applicant, now)));
        if (request.name() != null && !request.name().isBlank()) {
            form = form.withBasicInfo(new Form.BasicInfo(request.name().strip(), null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null));
        }
        String departments = "," + String.join(",", new LinkedHashSet<>(type.reviewRoute().stream()
                .map(TypeRules.ReviewStage::department).toList())) + ",";
        ApplicationForm application = new ApplicationForm(UUID.randomUUID(), programme.id(), type.type(), organisationId,
                ApplicationStatus.DRAFT, null, departments, form, 1, null, caller.username(), now, now, null);
        transactions.executeWithoutResult(status -> {
            applications.insert(application);
            applications.transition(application.id(), null, ApplicationStatus.DRAFT, caller.username(), now, null);
            Registrations.currentOrNext(programme.definition(), clock).ifPresent(window -> events.publish(
                    new DeadlineScheduled(UUID.randomUUID(), now, "REGISTRATION_CLOSES", application.id().toString(),
                            organisationId, programme.definition().authority().code(), window.closesAt())));
        });
        return new Loaded(application, programme, type, List.of());
    }

    // --------------------------------------------------------------------------------------- read

    Loaded get(UUID id, Caller caller) {
        ApplicationForm application = applications.find(id).orElseThrow(() -> notFound(id));
        Programme programme = programme(application);
        if (!ApplicationAccess.canRead(caller, application, programme)) {
            throw notFound(id);
        }
        Loaded loaded = loaded(application, programme);
        if (ApplicationAccess.owns(caller, application)) {
            // the reviewers' own files (meeting minutes, visit records) are not the applicant's to read
            return new Loaded(loaded.application(), loaded.programme(), loaded.type(), loaded.attachments().stream()
                    .filter(a -> !ApplicationLedger.reviewFile(a)).toList());
        }
        return loaded;
    }

    ApplicationRepository.Page list(ApplicationFilter filter, int page, int size) {
        return applications.page(filter, page, size);
    }

    List<ApplicationRepository.Transition> history(UUID id, Caller caller) {
        get(id, caller);
        return applications.transitions(id);
    }

    /** The problems a submission would meet now (window and identity checks left out). */
    List<Violation> validate(UUID id, Caller caller) {
        Loaded loaded = get(id, caller);
        ApplicationForm application = loaded.application();
        Map<UUID, OrganisationResponse> leads = new HashMap<>();
        application.form().leadUnits().forEach(lead -> identity.organisation(lead.organisationId())
                .ifPresent(organisation -> leads.put(lead.organisationId(), organisation)));
        return FormRules.checkSubmission(loaded.programme().definition(), loaded.type(), application.organisationId(),
                application.form(), loaded.attachments(), leadId -> Optional.ofNullable(leads.get(leadId)));
    }

    // ------------------------------------------------------------------------------------- edits

    Loaded updateBasicInfo(UUID id, long version, Form.BasicInfo info, Caller caller) {
        return edit(id, version, caller, (loaded, form) -> {
            if (info.recommendingRegionCode() != null) {
                List<Violation> problems = new ArrayList<>();
                FormRules.recommendingRegion(loaded.type().recommendation(), info.recommendingRegionCode(), problems);
                rejectIf(problems);
            }
            return form.withBasicInfo(info);
        });
    }

    Loaded updateLeadUnits(UUID id, long version, List<LeadUnitRequest> requested, Caller caller) {
        Loaded before = editable(id, version, caller);
        TypeRules type = before.type();
        List<Violation> problems = new ArrayList<>();
        FormRules.leadUnitsShape(type, requested.stream().map(r -> new LeadUnitClaim(r.role(), r.organisationId())).toList(),
                problems);
        rejectIf(problems);
        // identity-service is asked before anything is written: when it cannot answer, nothing changes (503)
        Instant now = clock.instant();
        List<LeadUnit> leads = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            LeadUnitRequest request = requested.get(i);
            LeadRole role = type.lead().role(request.role()).orElseThrow();
            Optional<OrganisationResponse> found = identity.organisation(request.organisationId());
            FormRules.leadUnit("leadUnits[" + i + "]", type, role, request.organisationId(), found, problems);
            found.ifPresent(organisation -> leads.add(leadUnit(role.code(), organisation, now)));
        }
        rejectIf(problems);
        return edit(id, version, caller, (loaded, form) -> form.withLeadUnits(leads));
    }

    Loaded updateParticipants(UUID id, long version, List<Participant> participants, Caller caller) {
        return edit(id, version, caller, (loaded, form) -> {
            Set<UUID> proofs = new HashSet<>();
            loaded.attachments().stream().filter(a -> "PARTICIPATION_PROOF".equals(a.kind())).forEach(a -> proofs.add(a.id()));
            List<Violation> problems = new ArrayList<>();
            FormRules.participants(loaded.type().participants(), participants, proofs, problems);
            rejectIf(problems);
            return form.withParticipants(participants);
        });
    }

    Loaded updatePlan(UUID id, long version, List<PlanValueRequest> values, Caller caller) {
        return edit(id, version, caller, (loaded, form) -> {
            List<Violation> problems = new ArrayList<>();
            List<PlanValue> plan = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < values.size(); i++) {
                PlanValueRequest value = values.get(i);
                String field = "values[" + i + "]";
                if (value.value() == null) {
                    continue;
                }
                if (!seen.add(value.indicator() + "@" + value.year())) {
                    problems.add(Violation.of(field, "rule.plan.duplicate", value.indicator(), value.year()));
                    continue;
                }
                Optional<BigDecimal> number = FormRules.planValue(field, loaded.programme().definition(), loaded.type(),
                        value.indicator(), value.year(), value.value(), problems);
                number.ifPresent(n -> plan.add(new PlanValue(value.indicator(), value.year(), n)));
            }
            rejectIf(problems);
            return form.withPlan(plan);
        });
    }

    Loaded updateSection(UUID id, long version, String code, String text, Caller caller) {
        return edit(id, version, caller, (loaded, form) -> {
            List<Violation> problems = new ArrayList<>();
            FormRules.section(loaded.type(), code, text == null ? "" : text, problems);
            rejectIf(problems);
            return form.withSection(code, text);
        });
    }

    Loaded updateCommitment(UUID id, long version, boolean accepted, String signatory, Caller caller) {
        return edit(id, version, caller, (loaded, form) -> {
            if (accepted && (signatory == null || signatory.isBlank())) {
                rejectIf(List.of(Violation.of("signatory", "rule.commitment.signatory")));
            }
            return form.withCommitment(accepted ? new Form.Commitment(true, signatory.strip(), clock.instant(),
                    caller.username()) : Form.Commitment.NONE);
        });
    }

    // ------------------------------------------------------------------------------- attachments

    Loaded addAttachment(UUID id, long version, String kind, String fileName, InputStream content, Caller caller) {
        Loaded before = editable(id, version, caller);
        AttachmentRequirement requirement = before.type().attachment(kind)
                .orElseThrow(() -> messages.badRequest(List.of(Violation.of("kind", "attachment.unknownKind", kind,
                        String.join(", ", before.type().attachments().stream().map(AttachmentRequirement::kind).toList())))));
        long already = before.attachments().stream().filter(a -> a.kind().equals(kind)).count();
        if (already >= requirement.maxFiles()) {
            throw messages.badRequest(List.of(Violation.of("kind", "rule.attachment.tooMany", requirement.name(),
                    requirement.maxFiles())));
        }
        Set<FileType> accepted = requirement.fileTypes().isEmpty() ? EnumSet.allOf(FileType.class)
                : EnumSet.copyOf(requirement.fileTypes().stream().map(FileType::valueOf).toList());
        Attachments.Received received = attachments.receive(content, requirement.maxBytes(), accepted);
        try {
            return edit(id, version, caller, (loaded, form) -> {
                attachments.keep(id, kind, fileName, received, caller.username(), clock.instant());
                return form;
            });
        } finally {
            received.discard();
        }
    }

    Loaded removeAttachment(UUID id, long version, UUID attachmentId, Caller caller) {
        return edit(id, version, caller, (loaded, form) -> {
            StoredAttachment attachment = attachments.find(id, attachmentId)
                    .orElseThrow(() -> ApiException.notFound("attachment.notFound", attachmentId));
            attachments.remove(attachment);
            return form.withParticipants(form.participants().stream().map(p -> attachmentId.equals(p.proofAttachmentId())
                    ? new Participant(p.id(), p.type(), p.name(), p.regionCode(), p.code(), p.enrolledStudents(), null,
                            p.organisationId()) : p).toList());
        });
    }

    record Download(StoredAttachment attachment, InputStream content) {
    }

    Download download(UUID id, UUID attachmentId, Caller caller) {
        Loaded loaded = get(id, caller);
        StoredAttachment attachment = attachments.find(id, attachmentId)
                .filter(a -> !ApplicationLedger.reviewFile(a) || !ApplicationAccess.owns(caller, loaded.application()))
                .orElseThrow(() -> ApiException.notFound("attachment.notFound", attachmentId));
        return new Download(attachment, attachments.open(attachment));
    }

    // -------------------------------------------------------------------------------- commands

    /** The answer of a submission: fresh, or kept from the first request with the same key. */
    record Submission(Loaded loaded, IdempotentRequests.Answer replay) {
    }

    Submission submit(UUID id, String idempotencyKey, Long expectedVersion, Caller caller,
            java.util.function.Function<Loaded, Object> responseOf) {
        String key = IdempotentRequests.requireKey(idempotencyKey);
        String operation = "submit:" + id;
        Optional<IdempotentRequests.Answer> earlier = idempotentRequests.find(caller.subject(), key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), operation, key);
        }
        // a first look without locks: ownership, state and window; then identity-service, then the locked write
        Loaded before = get(id, caller);
        requireOwner(before.application(), caller);
        requireEditable(before.application());
        if (expectedVersion != null) {
            Versions.check(expectedVersion, before.application().version());
        }
        Window.Occurrence window = Registrations.openNow(before.programme().definition(), clock)
                .orElseThrow(() -> windowClosed(before));
        Map<UUID, OrganisationResponse> leads = new HashMap<>();
        for (LeadUnit lead : before.application().form().leadUnits()) {
            identity.organisation(lead.organisationId()).ifPresent(found -> leads.put(lead.organisationId(), found));
        }
        return transactions.execute(status -> {
            Optional<IdempotentRequests.Answer> raced = idempotentRequests.find(caller.subject(), key);
            ApplicationForm application = applications.lock(id).orElseThrow(() -> notFound(id));
            if (raced.isPresent()) {
                return replay(raced.get(), operation, key);
            }
            requireEditable(application);
            if (expectedVersion != null) {
                Versions.check(expectedVersion, application.version());
            } else if (application.version() != before.application().version()) {
                throw Versions.stale(application.version());
            }
            Programme programme = before.programme();
            List<StoredAttachment> files = attachments.list(id);
            List<Violation> problems = FormRules.checkSubmission(programme.definition(), before.type(),
                    application.organisationId(), application.form(), files, leadId -> Optional.ofNullable(leads.get(leadId)));
            if (!problems.isEmpty()) {
                throw messages.problem(HttpStatus.UNPROCESSABLE_CONTENT, problems).with("incomplete", true);
            }
            Instant now = clock.instant();
            if (!now.isBefore(window.closesAt())) {
                throw windowClosed(before);
            }
            boolean resubmission = application.status() == ApplicationStatus.RETURNED;
            ApplicationForm submitted = application.withStatus(ApplicationStatus.SUBMITTED, now, null);
            save(submitted, application.version());
            applications.snapshot(id, submitted.version(), programme.version(), now, submitted.form(), files);
            applications.transition(id, application.status(), ApplicationStatus.SUBMITTED, caller.username(), now, null);
            ReviewRoutes.Stage first = firstStage(before.type(), submitted).orElse(null);
            String firstAuthority = first != null && first.authorityCode() != null ? first.authorityCode()
                    : submitted.recommendingRegionCode();
            events.publish(new ApplicationSubmitted(UUID.randomUUID(), now, id, programme.id(),
                    programme.definition().code(), submitted.platformType().name(), submitted.organisationId(),
                    submitted.form().leadUnits().stream().map(LeadUnit::organisationId).toList(), submitted.name(),
                    submitted.recommendingRegionCode(), submitted.version(), resubmission,
                    firstAuthority, first == null ? null : first.department()));
            returnPolicy.submitted(submitted, programme);
            Loaded loaded = new Loaded(submitted, programme, before.type(), files);
            idempotentRequests.save(caller.subject(), key, operation, 200, responseOf.apply(loaded), now);
            return new Submission(loaded, null);
        });
    }

    /**
     * The first stage of the review route as it applies to the submitted form (who reviews it first: the district
     * bureau of the right department for Hangzhou), so that only that authority's department is told of it.
     */
    private static Optional<ReviewRoutes.Stage> firstStage(TypeRules type, ApplicationForm application) {
        Set<String> attributes = new HashSet<>();
        application.form().leadUnits().forEach(lead -> attributes.addAll(lead.attributes()));
        return ReviewRoutes.route(type, application.recommendingRegionCode(), attributes).stream().findFirst();
    }

    Loaded withdraw(UUID id, Long expectedVersion, String reason, Caller caller) {
        Loaded before = get(id, caller);
        requireOwner(before.application(), caller);
        return transactions.execute(status -> {
            ApplicationForm application = applications.lock(id).orElseThrow(() -> notFound(id));
            if (expectedVersion != null) {
                Versions.check(expectedVersion, application.version());
            }
            ApplicationStatus from = application.status();
            if (!(from.editable() || from == ApplicationStatus.SUBMITTED)
                    || (from == ApplicationStatus.SUBMITTED && returnPolicy.reviewStarted(application))) {
                throw ApiException.conflict("application.cannotWithdraw", label(from)).with("applicationStatus", from.name());
            }
            Instant now = clock.instant();
            ApplicationForm withdrawn = application.withStatus(ApplicationStatus.WITHDRAWN, now, application.returnComment());
            save(withdrawn, application.version());
            applications.transition(id, from, ApplicationStatus.WITHDRAWN, caller.username(), now, reason);
            events.publish(new ApplicationWithdrawn(UUID.randomUUID(), now, id, application.programmeId(),
                    application.organisationId(), from.name(), reason));
            return new Loaded(withdrawn, before.programme(), before.type(), before.attachments());
        });
    }

    Loaded returnToApplicant(UUID id, String comment, Caller caller) {
        ApplicationForm found = applications.find(id).orElseThrow(() -> notFound(id));
        Programme programme = programme(found);
        if (!ApplicationAccess.canRead(caller, found, programme)) {
            throw notFound(id);
        }
        if (!ApplicationAccess.canReview(caller, found, programme)) {
            throw ApiException.forbidden("application.notReviewer");
        }
        return transactions.execute(status -> {
            ApplicationForm application = applications.lock(id).orElseThrow(() -> notFound(id));
            if (application.status() != ApplicationStatus.SUBMITTED) {
                throw ApiException.conflict("application.cannotReturn", label(application.status()))
                        .with("applicationStatus", application.status().name());
            }
            returnPolicy.checkMayReturn(application, programme, caller);
            String stage = returnPolicy.currentStage(application, programme);
            Instant now = clock.instant();
            ApplicationForm returned = application.withStatus(ApplicationStatus.RETURNED, now, comment);
            save(returned, application.version());
            applications.transition(id, ApplicationStatus.SUBMITTED, ApplicationStatus.RETURNED, Actor.of(caller), stage,
                    now, comment);
            returnPolicy.returned(returned);
            events.publish(new ApplicationReturned(UUID.randomUUID(), now, id, application.programmeId(),
                    application.organisationId(), comment, caller.username(), caller.authorityCode().orElse(null)));
            return loaded(returned, programme);
        });
    }

    // --------------------------------------------------------------------------------- helpers

    /** Today in Beijing, by the service's clock. */
    java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(cn.chanjiao.kit.time.ChinaTime.ZONE));
    }

    private interface Change {
        Form apply(Loaded loaded, Form form);
    }

    /** Checks access, state and version, reads the latest row under a lock, applies the change, saves. */
    private Loaded edit(UUID id, long version, Caller caller, Change change) {
        Loaded before = editable(id, version, caller);
        return transactions.execute(status -> {
            ApplicationForm application = applications.lock(id).orElseThrow(() -> notFound(id));
            requireEditable(application);
            Versions.check(version, application.version());
            Loaded current = new Loaded(application, before.programme(), before.type(), attachments.list(id));
            Form changed = change.apply(current, application.form());
            ApplicationForm saved = application.withForm(changed, clock.instant());
            save(saved, application.version());
            return new Loaded(saved, before.programme(), before.type(), attachments.list(id));
        });
    }

    private Loaded editable(UUID id, long version, Caller caller) {
        Loaded loaded = get(id, caller);
        requireOwner(loaded.application(), caller);
        requireEditable(loaded.application());
        Versions.check(version, loaded.application().version());
        return loaded;
    }

    private void save(ApplicationForm application, long expectedVersion) {
        if (!applications.update(application, expectedVersion)) {
            throw Versions.stale(applications.currentVersion(application.id()));
        }
    }

    private Loaded loaded(ApplicationForm application, Programme stored) {
        Programme programme = PlanYears.forApplication(stored, application.submittedAt() != null
                ? application.submittedAt() : clock.instant());
        TypeRules type = programme.definition().type(application.platformType())
                .orElseThrow(() -> new IllegalStateException("programme " + programme.id() + " no longer accepts "
                        + application.platformType()));
        return new Loaded(application, programme, type, attachments.list(application.id()));
    }

    private Programme programme(ApplicationForm application) {
        return programmes.find(application.programmeId()).orElseThrow();
    }

    private static void requireOwner(ApplicationForm application, Caller caller) {
        if (!ApplicationAccess.owns(caller, application)) {
            throw ApiException.forbidden("application.notYours");
        }
    }

    private static void requireEditable(ApplicationForm application) {
        if (!application.status().editable()) {
            throw ApiException.conflict("application.notEditable", label(application.status()))
                    .with("applicationStatus", application.status().name());
        }
    }

    private void rejectIf(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw messages.badRequest(problems);
        }
    }

    private Submission replay(IdempotentRequests.Answer answer, String operation, String key) {
        if (!answer.operation().equals(operation)) {
            throw ApiException.unprocessable("idempotency.keyReused", key);
        }
        return new Submission(null, answer);
    }

    private ApiException windowClosed(Loaded loaded) {
        Optional<Window.Occurrence> next = Registrations.currentOrNext(loaded.programme().definition(), clock);
        return ApiException.unprocessable("application.windowClosed", loaded.programme().definition().name())
                .with("nextWindowOpensOn", next.map(w -> w.opensOn().toString()).orElse(null));
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("application.notFound", id);
    }

    private static Object label(ApplicationStatus status) {
        return FormRules.label("status." + status.name());
    }

    private static LeadUnit leadUnit(String role, OrganisationResponse organisation, Instant now) {
        List<String> held = new ArrayList<>();
        for (String attribute : List.of("masterDegreeRights", "doctoralDegreeRights", "centralSoe", "chinaTop500",
                "integrationEnterpriseLevel", "doubleHighLevel", "independentTrainingInstitution", "parkLevel")) {
            if (organisation.has(attribute)) {
                held.add(attribute);
            }
        }
        return new LeadUnit(role, organisation.id(), organisation.name(), organisation.kind(), organisation.uscc(),
                organisation.schoolCode(), organisation.address(), organisation.provinceCode(), organisation.cityCode(),
                organisation.districtCode(), held, now);
    }

}
